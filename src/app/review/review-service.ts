import type { QuestionBank } from '../content/question-bank.ts';
import type { CardRepository } from '../../db/learning/card-repository.ts';
import type { ReviewRepository, ReviewSession } from '../../db/review/review-repository.ts';
import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { pickSpaced } from '../../domain/content/concept-spacing.ts';
import type { Item, LocalizedText } from '../../domain/content/items.ts';
import { evaluateAnswer, type ReviewAnswer } from '../../domain/review/evaluate.ts';
import { directionFor, presentItem, type QuestionView } from '../../domain/review/present.ts';
import { hashSeed } from '../../domain/random.ts';
import type { Outcome } from '../../domain/learning/rewards.ts';
import { answerMaxChars } from '../../domain/limits.ts';
import { studyDay } from '../../domain/study-day.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { UserError } from '../user-error.ts';

export type ReviewMode = 'due' | 'mistakes';
type Progress = { reviewed: number; correct: number; xpEarned: number };

export type ReviewScreen =
  | { type: 'question'; sessionId: number; version: number; view: QuestionView; hintShown: boolean; isNew: boolean; progress: Progress }
  | {
      type: 'feedback'; sessionId: number; version: number; outcome: Outcome; expected: LocalizedText; answerText: string | null;
      /** Picks in words and, for a multi-select, the right options left out (see `evaluateAnswer`). */
      given: LocalizedText | null; missed: LocalizedText | null;
      /** Rubric score of an interview question; null for every other kind. */ score: number | null;
      explanation: LocalizedText; source: LocalizedText; xpAwarded: number; leechNow: boolean; dueAt: Date; progress: Progress;
    }
  | { type: 'summary'; progress: Progress; streak: number; nextDueAt: Date | null; stopped: boolean; newLimitReached: boolean }
  | { type: 'empty'; mode: ReviewMode; nextDueAt: Date | null; newLimitReached: boolean };

const mistakeWindowMs = 7 * 86_400_000;

/**
 * The private /review session: due cards first, then new ones within the daily limit; each answer
 * is checked against the exact question shown and recorded in one transaction.
 */
export function createReviewService(deps: {
  repo: ReviewRepository;
  cards: CardRepository;
  users: UsersRepository;
  learning: LearningService;
  bank: QuestionBank;
  clock: Clock;
  timeZone: string;
}) {
  const { repo, cards, users, learning, bank, clock, timeZone } = deps;
  const deckItems = (itemId: string) => bank.deckOf(itemId)?.items ?? [];
  const itemOf = (itemId: string): Item => {
    const item = bank.item(itemId);
    if (!item) throw new UserError('review.itemGone');
    return item;
  };
  // Interview questions come back here once /interview has introduced them; new ones start there.
  const deckFilter = (deckId: string | null, guildId: string) => (deckId ? [deckId] : bank.forGuild(guildId).decks.map((deck) => deck.id));
  const progressOf = (row: ReviewSession): Progress => ({ reviewed: row.reviewed, correct: row.correct, xpEarned: row.xpEarned });
  const viewOf = (row: ReviewSession): QuestionView =>
    presentItem(itemOf(row.itemId!), deckItems(row.itemId!), row.direction, hashSeed(`${row.id}:${row.expectedReps}`));

  /** Picks the next item: due cards, then new items within the guild's daily limit. */
  const pickNext = (row: Pick<ReviewSession, 'userId' | 'guildId' | 'deckId' | 'mode' | 'asked'>, now: Date) => {
    const { asked } = row;
    const content = bank.forGuild(row.guildId);
    const decks = deckFilter(row.deckId, row.guildId);
    if (row.mode === 'mistakes') {
      const card = cards.recentMistake(row.userId, now.getTime() - mistakeWindowMs, decks, asked);
      return card && content.items.has(card.itemId) ? { itemId: card.itemId, reps: card.reps, isNew: false } : null;
    }
    const due = cards.firstDueCard(row.userId, now.getTime(), decks, []);
    if (due && content.items.has(due.itemId)) return { itemId: due.itemId, reps: due.reps, isNew: false };
    if (newLimitReached(row.userId, row.guildId, now)) return null;
    const known = cards.knownItemIds(row.userId);
    const recentConcepts = asked.map((itemId) => content.items.get(itemId)?.concept ?? '');
    for (const deckId of decks) {
      const deck = content.decks.find((candidate) => candidate.id === deckId);
      const fresh = (deck?.items ?? []).filter((item) => item.kind !== 'interview' && !known.has(item.id) && !asked.includes(item.id));
      const next = pickSpaced(fresh, recentConcepts);
      if (next) return { itemId: next.id, reps: 0, isNew: true };
    }
    return null;
  };

  const newLimitReached = (userId: string, guildId: string, now: Date) =>
    cards.introducedOn(userId, studyDay(now, timeZone)) >= users.guildSettings(guildId).newCardsPerDay;

  const emptyScreen = (userId: string, guildId: string, deckId: string | null, mode: ReviewMode, now: Date): ReviewScreen => {
    const nextDueMs = cards.nextDueMs(userId, deckFilter(deckId, guildId));
    return { type: 'empty', mode, nextDueAt: nextDueMs === null ? null : new Date(nextDueMs), newLimitReached: newLimitReached(userId, guildId, now) };
  };

  const showNext = (row: ReviewSession, now: Date): ReviewScreen => {
    const next = pickNext(row, now);
    if (!next) {
      repo.updateSession(row.id, { phase: 'done', version: row.version + 1 });
      return summaryOf(row, false);
    }
    const asked = [...row.asked, next.itemId];
    const item = itemOf(next.itemId);
    const patch = {
      phase: 'question' as const, version: row.version + 1, itemId: next.itemId, expectedReps: next.reps, hintUsed: false,
      direction: directionFor(item, deckItems(next.itemId), next.reps), shownAtMs: now.getTime(), asked,
    };
    repo.updateSession(row.id, patch);
    const updated = { ...row, ...patch };
    return { type: 'question', sessionId: row.id, version: updated.version, view: viewOf(updated), hintShown: false, isNew: next.isNew, progress: progressOf(row) };
  };

  const summaryOf = (row: ReviewSession, stopped: boolean): ReviewScreen => {
    const now = clock.now();
    const nextDueMs = cards.nextDueMs(row.userId, deckFilter(row.deckId, row.guildId));
    const streak = learning.streakOf(row.guildId, row.userId);
    return {
      type: 'summary', progress: progressOf(row), streak, stopped, newLimitReached: newLimitReached(row.userId, row.guildId, now),
      nextDueAt: nextDueMs === null ? null : new Date(Math.max(nextDueMs, now.getTime())),
    };
  };

  /** Loads a session for a click and refuses it unless it is this user's and drawn for this exact step. */
  const sessionFor = (sessionId: number, version: number, userId: string, phase: ReviewSession['phase']) => {
    const row = repo.session(sessionId);
    if (!row) throw new UserError('error.staleComponent');
    if (row.userId !== userId) throw new UserError('error.notYourComponent');
    if (row.version !== version || row.phase !== phase) throw new UserError('review.stale');
    return row;
  };

  const currentScreen = (sessionId: number, version: number, userId: string): Extract<ReviewScreen, { type: 'question' }> => {
    const row = sessionFor(sessionId, version, userId, 'question');
    return { type: 'question', sessionId, version, view: viewOf(row), hintShown: row.hintUsed, isNew: row.expectedReps === 0, progress: progressOf(row) };
  };

  return {
    start(input: { guildId: string; userId: string; deckId: string | null; mode: ReviewMode }): ReviewScreen {
      const deck = input.deckId === null ? null : bank.findDeck(input.guildId, input.deckId);
      if (input.deckId !== null && !deck) throw new UserError('review.unknownDeck', { deck: input.deckId });
      const now = clock.now();
      users.ensureUser(input.userId, now.getTime());
      users.ensureGuild(input.guildId, now.getTime());
      return learning.inTransaction(() => {
        const draft = { ...input, deckId: deck?.id ?? null, asked: [] };
        if (!pickNext(draft, now)) return emptyScreen(input.userId, input.guildId, draft.deckId, input.mode, now);
        const row = repo.createSession({
          ...input, deckId: draft.deckId, phase: 'done', version: 0, shownAtMs: now.getTime(), startedAtMs: now.getTime(),
        });
        return showNext(row, now);
      });
    },

    hint(sessionId: number, version: number, userId: string): ReviewScreen {
      return learning.inTransaction(() => {
        const row = sessionFor(sessionId, version, userId, 'question');
        repo.updateSession(row.id, { hintUsed: true, version: row.version + 1 });
        return currentScreen(sessionId, row.version + 1, userId);
      });
    },

    /** The question screen currently shown, for re-drawing it (e.g. an order item mid-way). */
    current: currentScreen,

    answer(sessionId: number, version: number, userId: string, answer: ReviewAnswer, answerText: string | null): ReviewScreen {
      const now = clock.now();
      return learning.inTransaction(() => {
        const row = sessionFor(sessionId, version, userId, 'question');
        const item = itemOf(row.itemId!);
        const evaluation = evaluateAnswer(item, viewOf(row), answer);
        if (!evaluation.valid) throw new UserError(`review.invalid.${evaluation.reason}`, { max: answerMaxChars });
        const score = evaluation.score ?? null;
        const shown = {
          guildId: row.guildId, userId, itemId: item.id, mode: 'review' as const, hintUsed: row.hintUsed,
          responseMs: now.getTime() - row.shownAtMs, answerText, expectedReps: row.expectedReps,
        };
        const recorded = learning.recordAnswerTx(
          item.kind === 'interview' ? { ...shown, source: 'interview', score } : { ...shown, source: 'review', outcome: evaluation.outcome },
          now,
        );
        if (!recorded.ok || !recorded.card) throw new UserError('review.stale');
        const accepted = evaluation.outcome === 'correct' || evaluation.outcome === 'close';
        const progress = { reviewed: row.reviewed + 1, correct: row.correct + (accepted ? 1 : 0), xpEarned: row.xpEarned + recorded.xpAwarded };
        repo.updateSession(row.id, { phase: 'answered', version: row.version + 1, ...progress });
        return {
          type: 'feedback', sessionId, version: row.version + 1, outcome: evaluation.outcome, expected: evaluation.expected, answerText, score,
          given: evaluation.given, missed: evaluation.missed,
          explanation: item.explanation, source: item.source, xpAwarded: recorded.xpAwarded, leechNow: recorded.card.leechNow, dueAt: recorded.card.dueAt, progress,
        };
      });
    },

    next(sessionId: number, version: number, userId: string): ReviewScreen {
      return learning.inTransaction(() => showNext(sessionFor(sessionId, version, userId, 'answered'), clock.now()));
    },

    stop(sessionId: number, version: number, userId: string): ReviewScreen {
      return learning.inTransaction(() => {
        const row = repo.session(sessionId);
        if (!row) throw new UserError('error.staleComponent');
        if (row.userId !== userId) throw new UserError('error.notYourComponent');
        if (row.version !== version || row.phase === 'done') throw new UserError('review.stale');
        repo.updateSession(row.id, { phase: 'done', version: row.version + 1 });
        return summaryOf(row, true);
      });
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
