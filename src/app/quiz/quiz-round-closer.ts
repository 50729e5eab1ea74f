import type { QuizRecord, QuizRepository, RoundRecord } from '../../db/quiz/quiz-repository.ts';
import type { LocalizedText } from '../../domain/content/items.ts';
import { afterRound, computeStandings, memberResults, roundScorers, roundWinner, type QuizEndReason, type RoundCloseReason } from '../../domain/quiz/index.ts';
import { expectedAnswer } from '../../domain/review/evaluate.ts';
import { presentItem, type QuestionView } from '../../domain/review/present.ts';
import { hashSeed } from '../../domain/random.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import type { LearningService } from '../learning/learning-service.ts';
import type { QuizFinalView, QuizQuestionView, RoundResultView } from './quiz-views.ts';

type Deps = { repo: QuizRepository; learning: LearningService; bank: QuestionBank; activeChannels: Set<string> };

/**
 * The writes that end things: closing a round, feeding its participants into learning, and
 * finishing a quiz. Each is guarded by a conditional update, so it happens once. Call inside a transaction.
 */
export function createQuizRoundCloser(deps: Deps) {
  const { repo, learning, bank, activeChannels } = deps;

  const deckTitle = (itemId: string): LocalizedText | null =>
    bank.deckOf(itemId)?.title ?? null;

  /** The question of a round, rebuilt identically from the quiz and round number. */
  const questionOf = (quiz: QuizRecord, round: Pick<RoundRecord, 'index' | 'itemId'>): QuestionView | null => {
    const item = bank.item(round.itemId);
    if (!item) return null;
    const deckItems = bank.deckOf(item.id)?.items ?? [];
    return presentItem(item, deckItems, 'forward', hashSeed(`quiz:${quiz.id}:${round.index}`));
  };

  const questionView = (quiz: QuizRecord, round: RoundRecord, question: QuestionView): QuizQuestionView => ({
    quizId: quiz.id, channelId: quiz.channelId, locale: quiz.locale, mode: quiz.mode, roundIndex: round.index,
    roundCount: quiz.itemIds.length, style: round.style, question, deckTitle: deckTitle(round.itemId),
    openedAt: new Date(round.openedAtMs), closesAt: new Date(round.closesAtMs),
    hintAt: round.hintAtMs === null ? null : new Date(round.hintAtMs),
  });

  const finish = (quiz: QuizRecord, reason: QuizEndReason, now: Date): QuizFinalView | null => {
    if (!repo.finish(quiz.id, reason, now.getTime())) return null;
    activeChannels.delete(quiz.channelId);
    const closed = repo.rounds(quiz.id).filter((round) => round.closedAtMs !== null);
    return {
      quizId: quiz.id, channelId: quiz.channelId, locale: quiz.locale, mode: quiz.mode, reason,
      standings: computeStandings(closed), roundsPlayed: closed.length, roundCount: quiz.itemIds.length,
    };
  };

  /**
   * Feeds one closed round into learning: every participant's card (mode quiz) and XP, once.
   * Kept out of the closing transaction so a winning answer does not wait for 50 card updates.
   */
  const feed = (quiz: QuizRecord, roundIndex: number, now: Date): number => {
    if (!repo.markFed(quiz.id, roundIndex, now.getTime())) return 0;
    const round = repo.round(quiz.id, roundIndex)!;
    const ref = `quiz:${quiz.id}:${roundIndex}`;
    const members = memberResults(round);
    for (const member of members) {
      learning.recordAnswerTx({
        guildId: quiz.guildId, userId: member.userId, itemId: round.itemId, mode: 'quiz', source: 'quiz', outcome: member.outcome,
        hintUsed: member.hintUsed, responseMs: member.responseMs, answerText: member.answerText, ref, won: member.won,
      }, now);
    }
    return members.length;
  };

  const close = (quiz: QuizRecord, roundIndex: number, reason: RoundCloseReason, now: Date): RoundResultView | null => {
    if (!repo.closeRound(quiz.id, roundIndex, reason, now.getTime())) return null;
    const round = repo.round(quiz.id, roundIndex)!;
    const progress = afterRound({ closed: round, roundCount: quiz.itemIds.length, emptyRoundsBefore: quiz.emptyRoundsInARow });
    repo.setEmptyRounds(quiz.id, progress.emptyRoundsInARow);
    const final = progress.next.kind === 'finish' ? finish(quiz, progress.next.reason, now) : null;

    const item = bank.item(round.itemId);
    const question = questionOf(quiz, round);
    const missing = { ko: '—', en: '—' };
    const closedRounds = repo.rounds(quiz.id).filter((candidate) => candidate.closedAtMs !== null);
    return {
      quizId: quiz.id, channelId: quiz.channelId, locale: quiz.locale, roundIndex, roundCount: quiz.itemIds.length, reason,
      style: round.style, questionMessageId: round.messageId,
      question: question ?? { itemId: round.itemId, kind: 'short', direction: 'forward', prompt: missing, style: 'typed', options: [], hint: null },
      expected: item && question ? expectedAnswer(item, question) : missing,
      explanation: item?.explanation ?? missing,
      source: item?.source ?? null,
      scorers: roundScorers(round),
      winnerId: roundWinner(round)?.userId ?? null,
      answeredCount: new Set(round.answers.map((answer) => answer.userId)).size,
      closedAt: now,
      asked: question ? questionView(quiz, round, question) : null,
      standings: computeStandings(closedRounds),
      next: progress.next,
      final,
    };
  };

  return { close, feed, finish, questionOf, questionView, deckTitle };
}
export type QuizRoundCloser = ReturnType<typeof createQuizRoundCloser>;
