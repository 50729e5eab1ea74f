import { describe, expect, it } from 'vitest';
import { labFunnel } from '../../src/domain/cohort/funnel.ts';
import { cohortBounds, inactiveSinceDay } from '../../src/domain/cohort/period.ts';
import { scoreBand, scoreBandLabel } from '../../src/domain/cohort/scores.ts';
import { deckIdOfItemId, retentionByDeck, weakestItems } from '../../src/domain/cohort/weakest.ts';

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('cohort report rules', () => {
  it('bounds week and month as the last 7 and 30 study days in the bot time zone, with the 04:00 rollover', () => {
    // 2026-03-31 02:00 in Seoul still belongs to the study day of 2026-03-30.
    const lateNight = new Date('2026-03-30T17:00:00Z');
    const week = cohortBounds('week', lateNight, 'Asia/Seoul', null);
    expect([week.fromDay, week.toDay]).toEqual([dayOf('2026-03-24'), dayOf('2026-03-30')]);
    expect(new Date(week.fromMs).toISOString()).toBe('2026-03-23T19:00:00.000Z');
    expect(new Date(week.toMs).toISOString()).toBe('2026-03-30T19:00:00.000Z');
    expect(cohortBounds('month', lateNight, 'Asia/Seoul', null).fromDay).toBe(dayOf('2026-03-01'));
    // New York springs forward on 2026-03-08: that study day is 23 hours long, the bounds stay on 04:00 local.
    const ny = cohortBounds('week', new Date('2026-03-10T12:00:00Z'), 'America/New_York', null);
    expect(new Date(ny.fromMs).toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(new Date(ny.toMs).toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });

  it('starts "all" on the first study day with answers, or today when there are none', () => {
    const now = new Date('2026-03-30T03:00:00Z');
    expect(cohortBounds('all', now, 'Asia/Seoul', dayOf('2026-01-15')).fromDay).toBe(dayOf('2026-01-15'));
    expect(cohortBounds('all', now, 'Asia/Seoul', null).fromDay).toBe(dayOf('2026-03-30'));
    expect(inactiveSinceDay(dayOf('2026-03-30'))).toBe(dayOf('2026-03-23'));
  });

  it('finds the step of the lab funnel where most learners stop, the earlier one on a tie', () => {
    // 10 started; best steps: 0×1, 1×4, 2×1, 3×4 (finished) of a 3-step exercise.
    const funnel = labFunnel({ started: 10, byBestSteps: new Map([[0, 1], [1, 4], [2, 1], [3, 4]]), finished: 4 }, 3);
    expect(funnel.reached).toEqual([10, 9, 5, 4]);
    expect([funnel.stopStep, funnel.stoppedThere]).toEqual([2, 4]);
    const tie = labFunnel({ started: 4, byBestSteps: new Map([[0, 2], [1, 2]]), finished: 0 }, 2);
    expect([tie.stopStep, tie.stoppedThere]).toEqual([1, 2]);
    const everyone = labFunnel({ started: 3, byBestSteps: new Map([[2, 3]]), finished: 3 }, 2);
    expect(everyone.stopStep).toBeNull();
  });

  it('orders the weakest items by lapses per review, then lowest recall, and ignores items with too few answers', () => {
    const weakest = weakestItems([
      { itemId: 'a.one', reviews: 10, correct: 8, lapses: 1 },
      { itemId: 'a.two', reviews: 10, correct: 5, lapses: 3 },
      { itemId: 'b.three', reviews: 20, correct: 8, lapses: 6 },
      { itemId: 'b.four', reviews: 10, correct: 4, lapses: 1 },
      { itemId: 'b.rare', reviews: 4, correct: 0, lapses: 4 },
    ], 3);
    expect(weakest.map((item) => item.itemId)).toEqual(['b.three', 'a.two', 'b.four']);
    expect(retentionByDeck(weakest, deckIdOfItemId)).toEqual([
      { deckId: 'b', reviews: 30, correct: 12 },
      { deckId: 'a', reviews: 10, correct: 5 },
    ]);
  });

  it('puts rubric scores in five bands of 20 points, 100 in the top one', () => {
    expect([0, 19, 20, 79, 80, 100].map(scoreBand)).toEqual([0, 0, 1, 3, 4, 4]);
    expect([0, 4].map(scoreBandLabel)).toEqual(['0–19', '80–100']);
  });
});
