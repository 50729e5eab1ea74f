import type { FollowUp, InterviewItem } from '../content/items.ts';
import { maxAnswerLength } from '../grading/grade-typed.ts';
import { prepareQuestion, readAnswer, type PreparedQuestion } from './read-answer.ts';
import { scoreRead, type ScoreOutcome } from './score-answer.ts';

/*
 * A follow-up answer gets the same content feedback as a main answer, against the follow-up's own
 * small rubric (every point weighs the same) or, when it has none, the main rubric point it asks
 * about. The question's vocabulary still tells a vague answer from an unrelated one.
 */

/** The key points a follow-up answer is scored on. */
export function followUpPoints(item: InterviewItem, followUp: FollowUp) {
  if (followUp.points) return followUp.points.map((point) => ({ ...point, weight: 1 }));
  return item.rubric.filter((point) => point.id === followUp.about).map((point) => ({ id: point.id, weight: 1, label: point.label, phrases: point.phrases }));
}

const cache = new WeakMap<FollowUp, PreparedQuestion>();

export function scoreFollowUp(item: InterviewItem, followUpIndex: number, answer: string): ScoreOutcome {
  const followUp = item.followUps[followUpIndex];
  if (!followUp) return { ok: false, reason: 'empty' };
  if (Array.from(answer).length > maxAnswerLength) return { ok: false, reason: 'too-long' };
  let prepared = cache.get(followUp);
  if (!prepared) {
    prepared = prepareQuestion({ prompt: followUp, points: followUpPoints(item, followUp), vocabulary: item.vocabulary });
    cache.set(followUp, prepared);
  }
  const read = readAnswer(prepared, answer);
  if (read === null) return { ok: false, reason: 'empty' };
  // A follow-up answer is expected to be shorter than a main answer.
  return { ok: true, result: scoreRead(read, { min: Math.ceil(item.expectedLength.min / 2), max: item.expectedLength.max }) };
}
