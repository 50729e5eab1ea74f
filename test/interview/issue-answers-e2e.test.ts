import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../eval/interview/evaluate.ts';
import { answer, ask, scoreOf, startInterviewBot, type InterviewBot } from './bot-harness.ts';

/*
 * The five answers of issue 12's table, replayed through the real bot and the Discord stand-in:
 * each lands within ±10 of where a good interviewer puts it, and no structure ✅ is shown to the
 * off-topic one. The texts are the eval set's `wc-issue-*` answers.
 */
const issueAnswers = new Map(loadEvalSet(join(import.meta.dirname, '../../eval/interview')).filter((a) => a.id.startsWith('wc-issue-')).map((a) => [a.id, a.text]));
const expected: readonly [id: string, interviewer: readonly [number, number]][] = [
  ['wc-issue-strong', [90, 95]],
  ['wc-issue-mediocre', [30, 40]],
  ['wc-issue-keywords', [0, 0]],
  ['wc-issue-repeated', [0, 0]],
  ['wc-issue-hiking', [0, 0]],
];

let h: InterviewBot;
beforeAll(async () => {
  h = await startInterviewBot();
});
afterAll(async () => {
  await h?.close();
});

describe('the issue\'s five answers to "why containers?" through the bot', () => {
  for (const [id, [low, high]] of expected) {
    it(`${id} scores within ±10 of ${low}–${high}`, async () => {
      const question = await ask(h, h.learner, { topic: 'why-containers' });
      const feedback = await (await answer(h, question, issueAnswers.get(id)!)).finalMessage();
      const score = scoreOf(feedback);
      expect(score).toBeGreaterThanOrEqual(low - 10);
      expect(score).toBeLessThanOrEqual(high + 10);
      if (id === 'wc-issue-hiking' || id === 'wc-issue-keywords') {
        expect(feedback.embeds[0]!.description).not.toContain('✅');
        expect(feedback.embeds[0]!.description).toContain('💡');
      }
    });
  }

  it('shows the topic by its name, not its id', async () => {
    const question = await ask(h, h.learner, { topic: 'why-containers' });
    expect(question.embeds[0]!.footer?.text).toContain('왜 컨테이너인가');
    expect(question.embeds[0]!.footer?.text).not.toContain('why-containers');
  });
});
