import type { ReviewAnswer } from '../../domain/review/evaluate.ts';
import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

/*
 * Buttons of a quiz round carry the quiz, the round and the choice, so a press on an old round's
 * button is recognised as stale. Daily-question buttons carry the post.
 */

export const quizPrefix = 'qz';
export const dailyPrefix = 'dq';
const version = 1;

/** `o<index>` picks option `index` of the item; `t`/`f` answer a true/false item. */
export type QuizChoice = { kind: 'option'; index: number } | { kind: 'truefalse'; value: boolean };
export type QuizPress = { quizId: number; roundIndex: number; choice: QuizChoice };

const encodeChoice = (choice: QuizChoice) => (choice.kind === 'option' ? `o${choice.index}` : choice.value ? 't' : 'f');

function decodeChoice(text: string): QuizChoice | null {
  if (text === 't' || text === 'f') return { kind: 'truefalse', value: text === 't' };
  const match = /^o(\d{1,2})$/.exec(text);
  return match ? { kind: 'option', index: Number(match[1]) } : null;
}

export function choiceAnswer(choice: QuizChoice): ReviewAnswer {
  return choice.kind === 'option' ? { type: 'pick', indexes: [choice.index] } : { type: 'true-false', value: choice.value };
}

export function quizButtonId(quizId: number, roundIndex: number, choice: QuizChoice): string {
  return encodeCustomId(quizPrefix, version, [quizId, roundIndex, encodeChoice(choice)]);
}

export function parseQuizButtonId(customId: string): QuizPress | null {
  const fields = decodeCustomId(customId, quizPrefix, version);
  if (!fields || fields.length !== 3) return null;
  const [quizId, roundIndex, choiceText] = fields as [string, string, string];
  const choice = decodeChoice(choiceText);
  if (!/^\d+$/.test(quizId) || !/^\d+$/.test(roundIndex) || !choice) return null;
  return { quizId: Number(quizId), roundIndex: Number(roundIndex), choice };
}

/** `choice` answers directly; `open` shows the typing modal; `typed` is that modal's submit. */
export type DailyPress = { postId: number } & ({ action: 'choice'; choice: QuizChoice } | { action: 'open' } | { action: 'typed' });

export function dailyButtonId(postId: number, press: { action: 'choice'; choice: QuizChoice } | { action: 'open' } | { action: 'typed' }): string {
  const arg = press.action === 'choice' ? encodeChoice(press.choice) : '';
  return encodeCustomId(dailyPrefix, version, [press.action, postId, arg]);
}

export function parseDailyId(customId: string): DailyPress | null {
  const fields = decodeCustomId(customId, dailyPrefix, version);
  if (!fields || fields.length !== 3) return null;
  const [action, postId, arg] = fields as [string, string, string];
  if (!/^\d+$/.test(postId)) return null;
  if (action === 'open' || action === 'typed') return { postId: Number(postId), action };
  const choice = action === 'choice' ? decodeChoice(arg) : null;
  return choice ? { postId: Number(postId), action: 'choice', choice } : null;
}
