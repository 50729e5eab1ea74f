import type { LearningRepository } from '../../db/learning/learning-repository.ts';
import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { newCardMemory, ratingNumber, scheduleReview, type ReviewRating } from '../../domain/scheduler/fsrs-scheduler.ts';
import { becameLeech, ratingForOutcome, type Outcome } from '../../domain/scheduler/rating.ts';
import { extendStreak, visibleStreak, type Streak } from '../../domain/streak.ts';
import { studyDay } from '../../domain/study-day.ts';
import type { XpAward, XpService } from './xp-service.ts';

export type AnswerMode = 'review' | 'quiz' | 'daily' | 'interview';

export type AnswerInput = {
  guildId: string;
  userId: string;
  itemId: string;
  mode: AnswerMode;
  outcome: Outcome;
  hintUsed: boolean;
  responseMs: number | null;
  answerText: string | null;
  /** Overrides the rating derived from outcome and hint (interviews rate by score). */
  rating?: ReviewRating;
  xp?: Omit<XpAward, 'guildId' | 'userId'>;
  /** The card's review count when the question was shown; a different count means a stale answer. */
  expectedReps?: number;
};

export type AnswerResult =
  | { ok: true; rating: ReviewRating; dueAt: Date; reps: number; leechNow: boolean; xpAwarded: number; streak: Streak }
  | { ok: false; reason: 'stale' };

const maxStoredAnswerChars = 4000;

/**
 * Records answers: card (FSRS) + review log + XP + streak, each answer in one transaction, so an
 * acknowledged answer is never lost and a stale one changes nothing.
 */
export function createLearningService(deps: {
  repo: LearningRepository;
  users: UsersRepository;
  xp: XpService;
  clock: Clock;
  timeZone: string;
}) {
  const { repo, users, xp, clock, timeZone } = deps;

  const recordAnswerTx = (input: AnswerInput, now: Date): AnswerResult => {
    const nowMs = now.getTime();
    const day = studyDay(now, timeZone);
    const existing = repo.cardFor(input.userId, input.itemId);
    if (input.expectedReps !== undefined && (existing?.reps ?? 0) !== input.expectedReps) return { ok: false, reason: 'stale' };

    users.ensureUser(input.userId, nowMs);
    const before = existing ?? { ...newCardMemory(now), lapses: 0 };
    const rating = input.rating ?? ratingForOutcome(input.outcome, input.hintUsed);
    const after = scheduleReview(before, rating, now, users.guildSettings(input.guildId).desiredRetention);
    const leechNow = becameLeech(before.lapses, after.lapses);
    const leech = (existing?.leech ?? false) || leechNow;
    let cardId: number;
    if (existing) {
      cardId = existing.id;
      repo.updateCard(cardId, after, ratingNumber(rating), leech);
    } else {
      cardId = repo.insertCard({
        ...after, userId: input.userId, itemId: input.itemId, deckId: deckOf(input.itemId),
        leech, lastRating: ratingNumber(rating), introducedDay: day,
      });
    }
    repo.insertLog({
      cardId, userId: input.userId, guildId: input.guildId, itemId: input.itemId, mode: input.mode,
      rating: ratingNumber(rating), outcome: input.outcome, hintUsed: input.hintUsed, responseMs: input.responseMs,
      answerText: input.answerText?.slice(0, maxStoredAnswerChars) ?? null,
      stateBefore: before.state, dueBeforeMs: before.dueMs, stabilityBefore: before.stability, difficultyBefore: before.difficulty,
      stateAfter: after.state, dueAfterMs: after.dueMs, stabilityAfter: after.stability, difficultyAfter: after.difficulty,
      reviewedAtMs: nowMs, studyDay: day,
    });
    const xpAwarded = input.xp ? xp.awardTx({ ...input.xp, guildId: input.guildId, userId: input.userId }, now) : 0;
    const streak = extendStreak(repo.streak(input.guildId, input.userId), day);
    repo.saveStreak(input.guildId, input.userId, { ...streak, lastDay: day });
    return { ok: true, rating, dueAt: new Date(after.dueMs), reps: after.reps, leechNow, xpAwarded, streak };
  };

  return {
    /** Runs `work` in one transaction; use with `recordAnswerTx` and `xp.awardTx` to combine writes. */
    inTransaction: <T>(work: () => T): T => repo.transaction(work),
    recordAnswerTx: (input: AnswerInput) => recordAnswerTx(input, clock.now()),
    recordAnswer: (input: AnswerInput): AnswerResult => repo.transaction(() => recordAnswerTx(input, clock.now())),
    /** The streak as the learner sees it today (0 once a whole study day was missed). */
    streakOf: (guildId: string, userId: string): number => visibleStreak(repo.streak(guildId, userId), studyDay(clock.now(), timeZone)),
    recordAnswers: (inputs: readonly AnswerInput[]): AnswerResult[] => {
      const now = clock.now();
      return repo.transaction(() => inputs.map((input) => recordAnswerTx(input, now)));
    },
  };
}
export type LearningService = ReturnType<typeof createLearningService>;

/** Item ids are `<deck-id>.<slug>`. */
export function deckOf(itemId: string): string {
  return itemId.split('.', 1)[0] ?? itemId;
}
