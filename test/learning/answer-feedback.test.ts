import { describe, expect, it } from 'vitest';
import type { ChoiceItem, Item } from '../../src/domain/content/items.ts';
import { evaluateAnswer } from '../../src/domain/review/evaluate.ts';
import { presentItem } from '../../src/domain/review/present.ts';
import { renderReviewScreen } from '../../src/discord/review/render-review.ts';
import { content } from '../helpers/review-driver.ts';

const allItems = [...content.items.values()];
const deckOf = (item: Item) => content.decks.find((deck) => item.id.startsWith(`${deck.id}.`))!.items;
const multi = allItems.find((item): item is ChoiceItem => item.kind === 'choice' && item.options.filter((o) => o.correct).length > 1)!;
const single = allItems.find((item): item is ChoiceItem => item.kind === 'choice' && item.options.filter((o) => o.correct).length === 1)!;

function feedbackFor(item: ChoiceItem, indexes: number[]) {
  const view = presentItem(item, deckOf(item), 'forward', 42);
  const evaluation = evaluateAnswer(item, view, { type: 'pick', indexes });
  if (!evaluation.valid) throw new Error('invalid');
  return { evaluation, screen: {
    type: 'feedback' as const, sessionId: 1, version: 2, outcome: evaluation.outcome, expected: evaluation.expected, answerText: null,
    given: evaluation.given, missed: evaluation.missed, score: null, explanation: item.explanation, source: item.source,
    xpAwarded: 0, leechNow: false, dueAt: new Date('2026-12-05T00:00:00Z'), progress: { reviewed: 1, correct: 0, xpEarned: 0 },
  } };
}

describe('answer feedback shows what the learner picked', () => {
  it('names the picked option of a wrong single choice', () => {
    const wrong = single.options.findIndex((option) => !option.correct);
    const { evaluation, screen } = feedbackFor(single, [wrong]);
    expect(evaluation.outcome).toBe('incorrect');
    const fields = renderReviewScreen(screen, 'ko').embeds[0]!.fields ?? [];
    expect(fields).toContainEqual({ name: '내 답', value: single.options[wrong]!.text.ko });
  });

  it('lists the right options a partly right multi-select left out, in both languages', () => {
    const correct = multi.options.flatMap((option, index) => (option.correct ? [index] : []));
    const { evaluation, screen } = feedbackFor(multi, [correct[0]!]);
    expect(evaluation.outcome).toBe('incorrect');
    const en = renderReviewScreen(screen, 'en').embeds[0]!.fields ?? [];
    expect(en).toContainEqual({ name: 'Your answer', value: multi.options[correct[0]!]!.text.en });
    const missed = en.find((field) => field.name === 'Right options you missed')?.value ?? '';
    for (const index of correct.slice(1)) expect(missed).toContain(multi.options[index]!.text.en);
    expect(missed).not.toContain(multi.options[correct[0]!]!.text.en);
  });

  it('shows a picked order as the learner arranged it', () => {
    const order = allItems.find((item) => item.kind === 'order')!;
    const view = presentItem(order, deckOf(order), 'forward', 7);
    const reversed = view.options.map((option) => option.index).reverse();
    const evaluation = evaluateAnswer(order, view, { type: 'order', indexes: reversed });
    if (!evaluation.valid || order.kind !== 'order') throw new Error('invalid');
    expect(evaluation.given?.ko).toBe(reversed.map((index) => order.steps[index]!.ko).join(' → '));
  });
});
