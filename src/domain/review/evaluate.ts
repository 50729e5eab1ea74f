import { acceptedAnswers, acceptedCommands, canonicalAnswer } from '../content/item-answers.ts';
import type { Item, LocalizedText } from '../content/items.ts';
import { gradeCommand } from '../grading/grade-command.ts';
import { gradeChoice, gradeOrder, gradeTrueFalse } from '../grading/grade-objective.ts';
import { gradeTyped } from '../grading/grade-typed.ts';
import { outcomeForScore, type Outcome } from '../learning/rewards.ts';
import { scoreAnswer } from '../interview/score-answer.ts';
import type { QuestionView } from './present.ts';

/** What the learner did on a question screen. */
export type ReviewAnswer =
  | { readonly type: 'typed'; readonly text: string }
  | { readonly type: 'pick'; readonly indexes: readonly number[] }
  | { readonly type: 'true-false'; readonly value: boolean }
  | { readonly type: 'order'; readonly indexes: readonly number[] }
  | { readonly type: 'skip' };

export type Evaluation =
  /** `score` (0–100) is set for interview questions, which are scored by their rubric. */
  | {
      readonly valid: true;
      readonly outcome: Outcome;
      readonly expected: LocalizedText;
      /** What the learner picked, in words (null for typed answers, which are echoed as typed). */
      readonly given: LocalizedText | null;
      /** Right options the learner did not pick (multi-select), or null. */
      readonly missed: LocalizedText | null;
      readonly score?: number;
    }
  | { readonly valid: false; readonly reason: 'empty' | 'too-long' | 'wrong-style' };

/** Grades an answer against the question exactly as it was shown. */
export function evaluateAnswer(item: Item, view: QuestionView, answer: ReviewAnswer): Evaluation {
  const expected = expectedAnswer(item, view);
  if (answer.type === 'skip') return { valid: true, outcome: 'skipped', expected, given: null, missed: null };
  if (item.kind === 'interview') {
    if (answer.type !== 'typed') return { valid: false, reason: 'wrong-style' };
    const scored = scoreAnswer(item, answer.text);
    if (!scored.ok) return { valid: false, reason: scored.reason };
    return { valid: true, outcome: outcomeForScore(scored.result.score), expected, given: null, missed: null, score: scored.result.score };
  }
  const outcome = outcomeOf(item, view, answer);
  if (typeof outcome !== 'string') return { valid: false, reason: outcome.reason };
  return { valid: true, outcome, expected, ...describeAnswer(item, view, answer) };
}

const joinTexts = (texts: readonly LocalizedText[], separator: string): LocalizedText | null =>
  texts.length === 0 ? null : { ko: texts.map((text) => text.ko).join(separator), en: texts.map((text) => text.en).join(separator) };

/** The learner's picks in words, and for a multi-select the right options they left out. */
function describeAnswer(item: Item, view: QuestionView, answer: Exclude<ReviewAnswer, { type: 'skip' }>) {
  const optionText = (index: number) => view.options.find((option) => option.index === index)?.text;
  const texts = (indexes: readonly number[]) => indexes.flatMap((index) => optionText(index) ?? []);
  switch (answer.type) {
    case 'pick': {
      const given = joinTexts(texts(answer.indexes), ' / ');
      if (view.style !== 'pick-many' || item.kind !== 'choice') return { given, missed: null };
      const left = item.options.flatMap((option, index) => (option.correct && !answer.indexes.includes(index) ? [index] : []));
      return { given, missed: joinTexts(texts(left), ' / ') };
    }
    case 'true-false':
      return { given: answer.value ? trueText : falseText, missed: null };
    case 'order':
      return { given: joinTexts(texts(answer.indexes), ' → '), missed: null };
    case 'typed':
      return { given: null, missed: null };
  }
}

const trueText: LocalizedText = { ko: 'O (참)', en: 'True' };
const falseText: LocalizedText = { ko: 'X (거짓)', en: 'False' };

function outcomeOf(item: Item, view: QuestionView, answer: Exclude<ReviewAnswer, { type: 'skip' }>): Outcome | { reason: 'empty' | 'too-long' | 'wrong-style' } {
  const wrongStyle = { reason: 'wrong-style' as const };
  if (view.direction === 'reverse') {
    if (answer.type !== 'pick') return wrongStyle;
    return answer.indexes.length === 1 && answer.indexes[0] === 0 ? 'correct' : 'incorrect';
  }
  switch (item.kind) {
    case 'term':
    case 'short':
    case 'command': {
      if (answer.type !== 'typed') return wrongStyle;
      const result = item.kind === 'command' ? gradeCommand(answer.text, acceptedCommands(item)) : gradeTyped(answer.text, acceptedAnswers(item));
      if (result.verdict === 'invalid') return { reason: result.reason };
      return result.verdict;
    }
    case 'choice': {
      if (answer.type !== 'pick') return wrongStyle;
      const grade = gradeChoice(answer.indexes, item);
      return grade.verdict === 'invalid' ? wrongStyle : grade.verdict;
    }
    case 'truefalse':
      if (answer.type !== 'true-false') return wrongStyle;
      return gradeTrueFalse(answer.value, item).verdict;
    case 'order': {
      if (answer.type !== 'order') return wrongStyle;
      const grade = gradeOrder(answer.indexes, item);
      return grade.verdict === 'invalid' ? wrongStyle : grade.verdict;
    }
    case 'interview':
      return wrongStyle; // scored above
  }
}

/** The right answer as shown after grading. */
export function expectedAnswer(item: Item, view: QuestionView): LocalizedText {
  if (view.direction === 'reverse' && item.kind === 'term') return item.definition;
  switch (item.kind) {
    case 'term':
    case 'short':
    case 'command':
      return canonicalAnswer(item);
    case 'choice': {
      const correct = item.options.filter((option) => option.correct);
      return { ko: correct.map((option) => option.text.ko).join(' / '), en: correct.map((option) => option.text.en).join(' / ') };
    }
    case 'truefalse':
      return item.answer ? trueText : falseText;
    case 'order':
      return { ko: item.steps.map((step) => step.ko).join(' → '), en: item.steps.map((step) => step.en).join(' → ') };
    case 'interview':
      return item.modelAnswer;
  }
}
