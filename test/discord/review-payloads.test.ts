import { describe, expect, it } from 'vitest';
import type { ReviewScreen } from '../../src/app/review/review-service.ts';
import { presentItem } from '../../src/domain/review/present.ts';
import { renderQuestion } from '../../src/discord/review/render-question.ts';
import { renderReviewScreen } from '../../src/discord/review/render-review.ts';
import { validateMessagePayload } from '../../src/standin/validate-payload.ts';
import { content } from '../helpers/review-driver.ts';

/** The review renderers build plain JSON (no builder checks it): Discord's own checks, as the stand-in applies them. */
function accepted(payload: ReturnType<typeof renderReviewScreen>): void {
  const { allowedMentions, ...body } = payload;
  validateMessagePayload({ ...body, allowed_mentions: allowedMentions }, { requireSomething: true, fileCount: 0 });
}

const progress = { reviewed: 12, correct: 9, xpEarned: 140 };
const long = (text: string) => ({ ko: `${text} `.repeat(600), en: `${text} `.repeat(600) });

describe('review screens as plain JSON', () => {
  it('every question of the real bank, in both languages and every state, is a message Discord accepts', () => {
    let screens = 0;
    for (const item of content.items.values()) {
      const deck = content.decks.find((candidate) => item.id.startsWith(`${candidate.id}.`))!.items;
      for (const direction of ['forward', 'reverse'] as const) {
        const view = presentItem(item, deck, direction, 7);
        for (const hintShown of [false, true]) {
          const screen = { type: 'question', sessionId: 2 ** 31, version: 999, view, hintShown, isNew: true, progress } as const;
          for (const locale of ['ko', 'en'] as const) {
            accepted(renderReviewScreen(screen, locale));
            if (view.style === 'order') accepted(renderQuestion(screen, locale, view.options.slice(0, -1).map((option) => option.index)));
            screens++;
          }
        }
      }
    }
    expect(screens).toBeGreaterThan(100);
  });

  it('a feedback screen with every field far past Discord limits is clipped to a message Discord accepts', () => {
    const feedback: ReviewScreen = {
      type: 'feedback', sessionId: 1, version: 2, outcome: 'incorrect', expected: long('expected'), answerText: 'typed '.repeat(400),
      given: null, missed: long('missed'), score: 3, explanation: long('why'), source: { ko: '출처', en: 'source' },
      xpAwarded: 0, leechNow: true, dueAt: new Date('2026-12-05T00:00:00Z'), progress,
    };
    for (const locale of ['ko', 'en'] as const) {
      const payload = renderReviewScreen(feedback, locale);
      accepted(payload);
      expect(payload.embeds[0]!.fields!.map((field) => field.value.length)).toEqual([1024, 902, 1024, 1024]);
    }
  });

  it('a six-step order question puts the sixth step on a second row, disables the steps picked and offers a restart', () => {
    const item = [...content.items.values()].find((candidate) => candidate.kind === 'order' && candidate.steps.length === 6)!;
    const view = presentItem(item, [], 'forward', 7);
    const picked = view.options[1]!.index;
    const payload = renderQuestion({ type: 'question', sessionId: 5, version: 6, view, hintShown: false, isNew: false, progress }, 'en', [picked]);
    const labels = payload.components.map((row) => row.components.map((button) => ('label' in button ? button.label : '')));
    expect(labels).toEqual([['1', '2', '3', '4', '5'], ['6'], ['Start over', 'Hint', 'I don\'t know', 'Stop']]);
    const disabled = payload.components.slice(0, 2).flatMap((row) => row.components.map((button) => 'disabled' in button && button.disabled));
    expect(disabled).toEqual(view.options.map((option) => option.index === picked));
  });
});
