import type { QuizRecord, QuizRepository } from '../../db/quiz/quiz-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import {
  answerStyleFor,
  everyoneDone,
  isQuizKind,
  openRound,
  planQuiz,
  quizModes,
  submitAnswer,
  trailingEmptyRounds,
  type AnswerOutcome,
  type QuizMode,
} from '../../domain/quiz/index.ts';
import { evaluateAnswer, type ReviewAnswer } from '../../domain/review/evaluate.ts';
import { seededRandom } from '../../domain/random.ts';
import type { Locale } from '../../i18n/index.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { createQuizRoundCloser } from './quiz-round-closer.ts';
import type {
  ButtonAnswerResult, QuizHintView, QuizQuestionView, QuizResumeStep, QuizStartView, QuizStopResult, RoundResultView, TypedAnswerResult,
} from './quiz-views.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import { UserError } from '../user-error.ts';
import type { XpService } from '../learning/xp-service.ts';

/** Limits of `/quiz start` (the command offers the same ranges). */
export const quizLimits = { minRounds: 1, maxRounds: 30, minSeconds: 10, maxSeconds: 120 } as const;
/** A running quiz that saw no activity for this long before a restart is ended instead of resumed. */
export const quizResumeWindowMs = 10 * 60_000;
/** Longer messages are chat, not answers. */
const maxTypedAnswerChars = 200;

export type QuizStartInput = {
  guildId: string; channelId: string; starterId: string; locale: Locale;
  deckId: string | null; rounds: number; seconds: number; mode: QuizMode;
};

/**
 * Group quizzes in a channel: start, rounds, typed and button answers, stop, and resuming after a
 * restart. Every step is one transaction; the front end only renders what comes back and keeps the
 * round timers.
 */
export function createQuizService(deps: {
  repo: QuizRepository; learning: LearningService; xp: XpService; bank: QuestionBank; clock: Clock; rng?: () => number;
}) {
  const { repo, bank, clock } = deps;
  const rng = deps.rng ?? Math.random;
  /** Channels with a running quiz, so ordinary chat elsewhere never touches the database. */
  const activeChannels = new Set(repo.running().map((quiz) => quiz.channelId));
  const closer = createQuizRoundCloser({ ...deps, activeChannels });

  const runningQuiz = (quizId: number): QuizRecord | null => {
    const quiz = repo.quiz(quizId);
    return quiz && quiz.status === 'running' ? quiz : null;
  };

  const openNext = (quiz: QuizRecord, now: Date): { kind: 'question'; view: QuizQuestionView } | { kind: 'finished'; final: RoundResultView['final'] } => {
    const index = repo.roundCount(quiz.id);
    const itemId = quiz.itemIds[index];
    const item = itemId === undefined ? undefined : bank.item(itemId);
    if (!item || !isQuizKind(item.kind)) {
      // Past the last round, or the question bank changed under a resumed quiz: end with what was played.
      return { kind: 'finished', final: closer.finish(quiz, itemId === undefined ? 'completed' : 'interrupted', now) };
    }
    const round = openRound({ index, itemId: item.id, style: answerStyleFor(item.kind), answerWindowMs: quiz.answerWindowMs, now });
    repo.insertRound(quiz.id, round);
    const question = closer.questionOf(quiz, round)!;
    return { kind: 'question', view: closer.questionView(quiz, { ...round, hintPosted: false, messageId: null }, question) };
  };

  /** Who answered the round before `roundIndex` (an everyone round waits for nobody else). */
  const previousPlayers = (quiz: QuizRecord, roundIndex: number): string[] =>
    roundIndex === 0 ? [] : [...new Set(repo.round(quiz.id, roundIndex - 1)?.answers.map((answer) => answer.userId) ?? [])];

  /** Grades and records one answer to the open round; closes the round when it was the winning one. */
  const answerOpenRound = (quiz: QuizRecord, roundIndex: number | null, userId: string, answer: ReviewAnswer, messageId: string | null) => {
    const round = repo.openRound(quiz.id);
    if (!round || (roundIndex !== null && round.index !== roundIndex)) return { kind: 'noRound' as const };
    const item = bank.item(round.itemId);
    const question = closer.questionOf(quiz, round);
    if (!item || !question) return { kind: 'noRound' as const };
    const evaluation = evaluateAnswer(item, question, answer);
    if (!evaluation.valid || evaluation.outcome === 'skipped') return { kind: 'invalid' as const };
    const text = answer.type === 'typed' ? answer.text.trim()
      : answer.type === 'pick' ? (question.options.find((o) => o.index === answer.indexes[0])?.text[quiz.locale] ?? '?')
        : answer.type === 'true-false' ? (answer.value ? 'O' : 'X') : '?';
    const now = clock.now();
    const decision = submitAnswer(round, quiz.mode, {
      userId, now, via: answer.type === 'typed' ? 'typed' : 'buttons', outcome: evaluation.outcome as AnswerOutcome, text,
    });
    if (decision.kind === 'rejected') return decision;
    repo.insertAnswer(quiz.id, round.index, decision.answer, messageId);
    const reason = decision.closesRound ? 'won' : quiz.mode === 'everyone' && everyoneDone(decision.round, previousPlayers(quiz, round.index)) ? 'allAnswered' : null;
    const closed = reason ? closer.close(quiz, round.index, reason, now) : null;
    return { kind: 'recorded' as const, outcome: decision.answer.outcome, points: decision.answer.points, closed };
  };

  return {
    /** True when typed messages in this channel may be quiz answers (cheap, no database). */
    isQuizChannel: (channelId: string) => activeChannels.has(channelId),

    start(input: QuizStartInput): QuizStartView {
      const { minRounds, maxRounds, minSeconds, maxSeconds } = quizLimits;
      if (!quizModes.includes(input.mode) || !Number.isInteger(input.rounds) || input.rounds < minRounds || input.rounds > maxRounds
        || !Number.isInteger(input.seconds) || input.seconds < minSeconds || input.seconds > maxSeconds) {
        throw new UserError('quiz.error.badOptions', { minRounds, maxRounds, minSeconds, maxSeconds });
      }
      const deck = input.deckId ? bank.findDeck(input.guildId, input.deckId) : undefined;
      if (input.deckId && !deck) throw new UserError('quiz.error.unknownDeck', { deck: input.deckId });
      const candidates = deck ? deck.items : bank.forGuild(input.guildId).decks.flatMap((candidate) => candidate.items);
      const itemIds = planQuiz(candidates, input.rounds, seededRandom(Math.floor(rng() * 2 ** 32)));
      if (itemIds.length === 0) throw new UserError('quiz.error.noItems');
      const now = clock.now();
      const quizId = repo.insertQuiz({
        guildId: input.guildId, channelId: input.channelId, starterId: input.starterId, deckId: deck?.id ?? null, mode: input.mode,
        answerWindowMs: input.seconds * 1000, itemIds, locale: input.locale, createdAtMs: now.getTime(),
      });
      if (quizId === null) throw new UserError('quiz.error.alreadyRunning');
      activeChannels.add(input.channelId);
      return {
        quizId, channelId: input.channelId, locale: input.locale, starterId: input.starterId, mode: input.mode,
        roundCount: itemIds.length, answerWindowMs: input.seconds * 1000, deckTitle: deck?.title ?? null,
      };
    },

    /** Opens the next round; the quiz may instead end (no rounds left). Null when a round is already open. */
    openNextRound(quizId: number) {
      return repo.transaction(() => {
        const quiz = runningQuiz(quizId);
        if (!quiz || repo.openRound(quizId)) return null;
        return openNext(quiz, clock.now());
      });
    },

    attachQuestionMessage(quizId: number, roundIndex: number, messageId: string): void {
      repo.setRoundMessage(quizId, roundIndex, messageId);
    },

    /** The hint of the open typed round, once; null when the round is over or the hint was shown. */
    showHint(quizId: number, roundIndex: number): QuizHintView | null {
      return repo.transaction(() => {
        const quiz = runningQuiz(quizId);
        if (!quiz || !repo.markHintPosted(quizId, roundIndex)) return null;
        const round = repo.round(quizId, roundIndex)!;
        const hint = closer.questionOf(quiz, round)?.hint;
        if (!hint) return null;
        return { quizId, channelId: quiz.channelId, locale: quiz.locale, roundIndex, hint, questionMessageId: round.messageId };
      });
    },

    /** Closes a round when its window ends; null when something else closed it first. */
    closeRound(quizId: number, roundIndex: number): RoundResultView | null {
      return repo.transaction(() => {
        const quiz = runningQuiz(quizId);
        return quiz ? closer.close(quiz, roundIndex, 'timeout', clock.now()) : null;
      });
    },

    /** A message typed in a channel: graded and recorded when it answers the open typed round there. */
    submitTyped(input: { channelId: string; userId: string; text: string; messageId: string }): TypedAnswerResult {
      if (!activeChannels.has(input.channelId) || input.text.length > maxTypedAnswerChars) return { kind: 'ignored' };
      return repo.transaction((): TypedAnswerResult => {
        const quiz = repo.runningInChannel(input.channelId);
        if (!quiz) return { kind: 'ignored' };
        const result = answerOpenRound(quiz, null, input.userId, { type: 'typed', text: input.text }, input.messageId);
        if (result.kind === 'noRound' || result.kind === 'invalid') return { kind: 'ignored' };
        if (result.kind === 'rejected') return result.reason === 'wrongStyle' ? { kind: 'ignored' } : result;
        return result;
      });
    },

    /** A button press under a round's question. Stale or repeated presses are user errors. */
    submitButton(input: { quizId: number; roundIndex: number; userId: string; answer: ReviewAnswer }): ButtonAnswerResult {
      return repo.transaction(() => {
        const quiz = runningQuiz(input.quizId);
        if (!quiz) throw new UserError('quiz.error.roundOver');
        const result = answerOpenRound(quiz, input.roundIndex, input.userId, input.answer, null);
        if (result.kind === 'recorded') return result;
        if (result.kind === 'rejected' && (result.reason === 'alreadyAnswered' || result.reason === 'alreadyCorrect')) {
          throw new UserError('quiz.error.alreadyAnswered');
        }
        throw new UserError('quiz.error.roundOver');
      });
    },

    /** `/quiz stop`: by the starter or a member allowed to manage the server. */
    stop(input: { channelId: string; userId: string; canManageGuild: boolean }): QuizStopResult {
      return repo.transaction(() => {
        const quiz = repo.runningInChannel(input.channelId);
        if (!quiz) throw new UserError('quiz.error.noneRunning');
        if (quiz.starterId !== input.userId && !input.canManageGuild) throw new UserError('quiz.error.stopNotAllowed');
        const now = clock.now();
        const open = repo.openRound(quiz.id);
        const round = open ? closer.close(quiz, open.index, 'stopped', now) : null;
        const final = round?.final ?? closer.finish(quiz, 'stopped', now);
        if (!final) throw new UserError('quiz.error.noneRunning');
        return { round, final };
      });
    },

    /** Ends a quiz whose channel the bot can no longer post in, keeping the finished rounds. */
    abandon(quizId: number) {
      return repo.transaction(() => {
        const quiz = runningQuiz(quizId);
        return quiz ? closer.finish(quiz, 'interrupted', clock.now()) : null;
      });
    },

    /**
     * Updates the cards and XP of everyone who answered in rounds that closed but were not fed yet
     * (one transaction per round). The front end calls it after each reveal and at start-up.
     */
    feedPendingRounds(): number {
      let fed = 0;
      for (const { quizId, roundIndex } of repo.unfedRounds()) {
        fed += repo.transaction(() => {
          const quiz = repo.quiz(quizId);
          return quiz ? closer.feed(quiz, roundIndex, clock.now()) : 0;
        });
      }
      return fed;
    },

    runningQuizIds: (): number[] => repo.running().map((quiz) => quiz.id),

    /**
     * How to pick a quiz up after a restart: keep the open round if its window is still running,
     * close it if the window passed, open the next one between rounds, or end the quiz (with the
     * standings of the finished rounds) when it sat idle longer than `quizResumeWindowMs`.
     */
    resume(quizId: number): QuizResumeStep | null {
      return repo.transaction((): QuizResumeStep | null => {
        const quiz = runningQuiz(quizId);
        if (!quiz) return null;
        const now = clock.now();
        const rounds = repo.rounds(quizId);
        const open = rounds.find((round) => round.closedAtMs === null);
        const lastActivityMs = Math.max(quiz.createdAtMs, ...rounds.map((round) => Math.min(round.closedAtMs ?? round.closesAtMs, now.getTime())));
        const stale = now.getTime() - lastActivityMs > quizResumeWindowMs;
        if (!open) {
          repo.setEmptyRounds(quizId, trailingEmptyRounds(rounds));
          if (!stale) return { kind: 'nextRound', quizId, channelId: quiz.channelId, locale: quiz.locale };
          return { kind: 'ended', result: null, final: closer.finish(quiz, 'interrupted', now)! };
        }
        if (now.getTime() < open.closesAtMs) {
          const question = closer.questionOf(quiz, open);
          if (question) {
            return { kind: 'continue', question: closer.questionView(quiz, open, question), hintPending: open.hintAtMs !== null && !open.hintPosted, questionMessageId: open.messageId };
          }
        }
        const result = closer.close(quiz, open.index, 'timeout', now)!;
        if (result.final || !stale) return { kind: 'closed', result };
        return { kind: 'ended', result, final: closer.finish(runningQuiz(quizId)!, 'interrupted', now)! };
      });
    },
  };
}
export type QuizService = ReturnType<typeof createQuizService>;
