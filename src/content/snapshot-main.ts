// Writes the question bank's snapshot ahead of the first start: the image's build runs it from dist/,
// so a container starts without parsing YAML even on a read-only file system.
import { loadQuestionBank, questionsFolder } from './question-bank.ts';

const bank = await loadQuestionBank(questionsFolder);
process.stdout.write(`question bank: ${bank.source}, ${bank.snapshotPath}\n`);
