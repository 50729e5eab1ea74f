import type { CardRepository, StoredCard } from '../../db/learning/card-repository.ts';
import type { LearningRepository } from '../../db/learning/learning-repository.ts';
import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { answerMaxChars } from '../../domain/limits.ts';
import { becameLeech, rewardFor, type GradedAnswer, type Outcome, type Reward } from '../../domain/learning/rewards.ts';
import { newCardMemory, ratingNumber, scheduleReview, type ReviewRating } from '../../domain/scheduler/fsrs-scheduler.ts';
import { extendStreak, visibleStreak, type Streak } from '../../domain/streak.ts';
import { studyDay } from '../../domain/study-day.ts';
import type { XpService } from './xp-service.ts';

export type AnswerMode = 'review' | 'quiz' | 'daily' | 'interview';

/** Where and how a card question was shown: what the review log keeps besides the grade. */
type Shown = {
  itemId: string;
  mode: AnswerMode;
  responseMs: number | null;
  answerText: string | null;
  /** The card's review count when the question was shown; a different count means a stale answer. */
  expectedReps?: number;
};

export type LabStepAnswer = { guildId: string; userId: string } & Extract<GradedAnswer, { source: 'lab' }>;
export type CardAnswer = { guildId: string; userId: string } & Exclude<GradedAnswer, { source: 'lab' }> & Shown;
/** A graded answer of one learner: its grade (which decides rating and XP) and, for a card, how it was shown. */
export type AnswerInput = CardAnswer | LabStepAnswer;

export type CardReview = { rating: ReviewRating; outcome: Outcome; dueAt: Date; reps: number; leechNow: boolean };
export type AnswerResult =
  /** `card` and `streak` are null for a lab step, which reviews no card. */
  | { ok: true; xpAwarded: number; card: CardReview | null; streak: Streak | null }
  | { ok: false; reason: 'stale' };

/**
 * The answer pipeline: every graded answer (review, quiz round, daily question, interview, lab step)
 * is recorded here — card (FSRS) + review log + XP + streak — with one `now` in one transaction,
 * so an acknowledged answer is never lost and a stale one changes nothing. Ratings and XP come
 * from `rewardFor`; no caller chooses them.
 */
export function createLearningService(deps: {
  repo: LearningRepository;
  cards: CardRepository;
  users: UsersRepository;
  xp: XpService;
  clock: Clock;
  timeZone: string;
}) {
  const { repo, cards, users, xp, clock, timeZone } = deps;

  /** The one stale rule: an answer counts only for the card state its question was shown for. */
  const isStale = (input: CardAnswer, reps: number | undefined) => input.expectedReps !== undefined && (reps ?? 0) !== input.expectedReps;

  const reviewCard = (input: CardAnswer, existing: StoredCard | undefined, review: Reward['card'] & object, now: Date, day: number): CardReview => {
    users.ensureUser(input.userId, now.getTime());
    const before = existing ?? { ...newCardMemory(now), lapses: 0 };
    const { rating, outcome } = review;
    const after = scheduleReview(before, rating, now, users.guildSettings(input.guildId).desiredRetention);
    const leechNow = becameLeech(before.lapses, after.lapses);
    const leech = (existing?.leech ?? false) || leechNow;
    let cardId: number;
    if (existing) {
      cardId = existing.id;
      cards.updateCard(cardId, after, ratingNumber(rating), leech);
    } else {
      cardId = cards.insertCard({
        ...after, userId: input.userId, itemId: input.itemId, deckId: deckOf(input.itemId),
        leech, lastRating: ratingNumber(rating), introducedDay: day,
      });
    }
    repo.insertLog({
      cardId, userId: input.userId, guildId: input.guildId, itemId: input.itemId, mode: input.mode,
      rating: ratingNumber(rating), outcome, hintUsed: 'hintUsed' in input && input.hintUsed, responseMs: input.responseMs,
      answerText: input.answerText?.slice(0, answerMaxChars) ?? null,
      stateBefore: before.state, dueBeforeMs: before.dueMs, stabilityBefore: before.stability, difficultyBefore: before.difficulty,
      stateAfter: after.state, dueAfterMs: after.dueMs, stabilityAfter: after.stability, difficultyAfter: after.difficulty,
      reviewedAtMs: now.getTime(), studyDay: day,
    });
    return { rating, outcome, dueAt: new Date(after.dueMs), reps: after.reps, leechNow };
  };

  /** Records one answer inside the caller's transaction, at the caller's `now`. */
  const recordAnswerTx = (input: AnswerInput, now: Date): AnswerResult => {
    const existing = input.source === 'lab' ? undefined : cards.cardFor(input.userId, input.itemId);
    if (input.source !== 'lab' && isStale(input, existing?.reps)) return { ok: false, reason: 'stale' };
    const day = studyDay(now, timeZone);
    const reward = rewardFor(input);
    const card = reward.card && input.source !== 'lab' ? reviewCard(input, existing, reward.card, now, day) : null;
    const xpAwarded = reward.xp.reduce((sum, grant) => sum + xp.awardTx({ ...grant, guildId: input.guildId, userId: input.userId }, now), 0);
    let streak: Streak | null = null;
    if (card) {
      streak = extendStreak(repo.streak(input.guildId, input.userId), day);
      repo.saveStreak(input.guildId, input.userId, { ...streak, lastDay: day });
    }
    return { ok: true, xpAwarded, card, streak };
  };

  return {
    /** Runs `work` in one transaction; use with `recordAnswerTx` to combine writes. */
    inTransaction: <T>(work: () => T): T => repo.transaction(work),
    recordAnswerTx,
    /** Records one answer in its own transaction, now. */
    recordAnswer: (input: AnswerInput): AnswerResult => {
      const now = clock.now();
      return repo.transaction(() => recordAnswerTx(input, now));
    },
    /** The streak as the learner sees it today (0 once a whole study day was missed). */
    streakOf: (guildId: string, userId: string): number => visibleStreak(repo.streak(guildId, userId), studyDay(clock.now(), timeZone)),
  };
}
export type LearningService = ReturnType<typeof createLearningService>;

/** Item ids are `<deck-id>.<slug>`. */
export function deckOf(itemId: string): string {
  return itemId.split('.', 1)[0] ?? itemId;
}
