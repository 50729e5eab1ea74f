import type { FollowUp, InterviewItem } from '../content/items.ts';
import { answerMaxChars } from '../limits.ts';
import { prepareQuestion, readAnswer, type PreparedQuestion } from './read-answer.ts';
import { scoreRead, type ScoreOutcome } from './score-answer.ts';

/*
 * A follow-up answer gets the same content feedback as a main answer, against the follow-up's own
 * small rubric (every point weighs the same). The question's vocabulary still tells a vague
 * answer from an unrelated one.
 */

/** The key points a follow-up answer is scored on (all of the same weight). */
export function followUpPoints(followUp: FollowUp) {
  return followUp.points.map((point) => ({ ...point, weight: 1 }));
}

const cache = new WeakMap<FollowUp, PreparedQuestion>();

export function scoreFollowUp(item: InterviewItem, followUpIndex: number, answer: string): ScoreOutcome {
  const followUp = item.followUps[followUpIndex];
  if (!followUp) return { ok: false, reason: 'empty' };
  if (Array.from(answer).length > answerMaxChars) return { ok: false, reason: 'too-long' };
  let prepared = cache.get(followUp);
  if (!prepared) {
    prepared = prepareQuestion({ prompt: followUp, points: followUpPoints(followUp), vocabulary: item.vocabulary });
    cache.set(followUp, prepared);
  }
  const read = readAnswer(prepared, answer);
  if (read === null) return { ok: false, reason: 'empty' };
  // A follow-up answer is expected to be shorter than a main answer.
  return { ok: true, result: scoreRead(read, { min: Math.ceil(item.expectedLength.min / 2), max: item.expectedLength.max }) };
}
