import { describe, expect, it } from 'vitest';
import { becameLeech, cappedAmount, dailyXpCaps, leechLapses, rewardFor } from '../../src/domain/learning/rewards.ts';
import { answerMaxChars, discordLimits } from '../../src/domain/limits.ts';

const amounts = (answer: Parameters<typeof rewardFor>[0]) => rewardFor(answer).xp.map((grant) => grant.amount);

describe('rewards', () => {
  it('rates review answers Good, Hard after a hint, Again when wrong or skipped, and never Easy', () => {
    const rating = (outcome: 'correct' | 'close' | 'incorrect' | 'skipped', hintUsed: boolean) =>
      rewardFor({ source: 'review', itemId: 'a.one', outcome, hintUsed }).card?.rating;
    expect([rating('correct', false), rating('close', false), rating('correct', true), rating('incorrect', true), rating('skipped', false)])
      .toEqual(['good', 'good', 'hard', 'again', 'again']);
  });

  it('pays review XP for effort: 10 right, 8 close, 2 wrong, nothing for a skip, all under the review source', () => {
    expect((['correct', 'close', 'incorrect', 'skipped'] as const).map((outcome) => amounts({ source: 'review', itemId: 'a.one', outcome, hintUsed: false })))
      .toEqual([[10], [8], [2], [0]]);
    expect(rewardFor({ source: 'review', itemId: 'a.one', outcome: 'correct', hintUsed: false }).xp[0]).toMatchObject({ source: 'review', ref: 'a.one' });
  });

  it('scores interview answers by rubric: rating bands 70/40, half the score as XP, once per question per day', () => {
    const reward = rewardFor({ source: 'interview', itemId: 'interview.why', score: 91, hintUsed: false });
    expect(reward).toEqual({ card: { rating: 'good', outcome: 'correct' }, xp: [{ amount: 45, source: 'interview', ref: 'interview.why', oncePerDay: true }] });
    expect(rewardFor({ source: 'interview', itemId: 'i.x', score: 55, hintUsed: false }).card).toEqual({ rating: 'hard', outcome: 'close' });
    expect(rewardFor({ source: 'interview', itemId: 'i.x', score: 95, hintUsed: true }).card?.rating).toBe('hard');
    expect(rewardFor({ source: 'interview', itemId: 'i.x', score: null, hintUsed: false })).toMatchObject({ card: { rating: 'again', outcome: 'skipped' }, xp: [{ amount: 0 }] });
  });

  it('pays a quiz round +10 right, +2 for taking part, and +20 on top for the winner under its own reference', () => {
    expect(rewardFor({ source: 'quiz', ref: 'quiz:3:1', outcome: 'close', hintUsed: false, won: true }).xp).toEqual([
      { amount: 10, source: 'quiz', ref: 'quiz:3:1' },
      { amount: 20, source: 'quiz', ref: 'quiz:3:1:win' },
    ]);
    expect(amounts({ source: 'quiz', ref: 'quiz:3:1', outcome: 'incorrect', hintUsed: false, won: false })).toEqual([2]);
  });

  it('pays the daily question exactly its daily cap, and a lab step the exercise’s own worth without a card', () => {
    expect(amounts({ source: 'daily', ref: 'daily:1', outcome: 'incorrect' })).toEqual([dailyXpCaps.daily]);
    expect(rewardFor({ source: 'daily', ref: 'daily:1', outcome: 'correct' }).card).toEqual({ rating: 'good', outcome: 'correct' });
    expect(rewardFor({ source: 'lab', ref: 'practice-3.run', xpPerStep: 5 })).toEqual({ card: null, xp: [{ amount: 5, source: 'lab', ref: 'practice-3.run' }] });
  });

  it('caps each source per day and flags a leech exactly when lapses reach the threshold', () => {
    expect(cappedAmount('review', 10, 295)).toBe(5);
    expect(cappedAmount('review', 10, 300)).toBe(0);
    expect(cappedAmount('quiz', -3, 0)).toBe(0);
    expect(becameLeech(leechLapses - 1, leechLapses)).toBe(true);
    expect(becameLeech(leechLapses, leechLapses + 1)).toBe(false);
  });

  it('keeps the answer limit within what a Discord modal can send', () => {
    expect(answerMaxChars).toBeLessThanOrEqual(discordLimits.textInputValue);
  });
});
