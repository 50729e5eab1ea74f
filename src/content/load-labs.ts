import { LineCounter, parseDocument } from 'yaml';
import type { LabExercise } from '../domain/lab/exercise.ts';
import { describeIssues } from './describe-issue.ts';
import { createLabExerciseSchema } from './labs-schema.ts';
import { ContentError } from './content-error.ts';
import { readYamlFiles } from './yaml-files.ts';

/** The lab's default allowlist; exercises must not depend on images an operator may have disabled. */
export const exerciseImages = ['httpd', 'nginx'] as const;

/**
 * Reads and validates every `questions/labs/<exercise-id>.yaml`, sorted by `order`. Throws a
 * `ContentError` listing every problem as `labs/<file>: <path>: <problem>`, including two
 * exercises with the same order.
 */
export function loadLabExercises(dir: string, allowedImages: readonly string[] = exerciseImages): LabExercise[] {
  const { files, problems } = readYamlFiles(dir, 'exercise');
  const exercises: LabExercise[] = [];
  const shownById = new Map<string, string>();
  for (const { id, shown, source } of files) {
    const result = loadLabFile(source, id, allowedImages);
    problems.push(...result.problems.map((line) => `${shown}: ${line}`));
    if (result.exercise) exercises.push(result.exercise);
    shownById.set(id, shown);
  }
  const byOrder = new Map<number, string>();
  for (const exercise of exercises) {
    const other = byOrder.get(exercise.order);
    if (other) problems.push(`${shownById.get(exercise.id) ?? exercise.id}: order: ${exercise.order} is also used by ${other}`);
    byOrder.set(exercise.order, exercise.id);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return exercises.sort((a, b) => a.order - b.order);
}

/** Parses one exercise file; problems are `<path>: <problem>` without the file name. */
export function loadLabFile(source: string, fileId: string, allowedImages: readonly string[] = exerciseImages): { exercise?: LabExercise; problems: string[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const at = lines.linePos(error.pos[0]);
        return `line ${at.line}, column ${at.col}: YAML syntax error: ${error.message.split('\n')[0]}`;
      }),
    };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) return { problems: ['(file): the file is empty'] };
  const parsed = createLabExerciseSchema(fileId, allowedImages).safeParse(raw, { reportInput: true });
  if (!parsed.success) return { problems: describeIssues(parsed.error.issues, doc, lines).map((p) => `${p.path}: ${p.problem}`) };
  return { exercise: parsed.data, problems: [] };
}
