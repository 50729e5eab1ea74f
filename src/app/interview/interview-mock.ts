import type { InterviewPrompt, InterviewRepository, InterviewSession } from '../../db/interview/interview-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { InterviewItem } from '../../domain/content/items.ts';
import { buildMockReport, type AttemptSummary } from '../../domain/interview/mock-report.ts';
import { mockCountLimits, mockQuestionBudgetMs, pickMockQuestions } from '../../domain/interview/pick-question.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { questionView } from './interview-question-view.ts';
import type { InterviewQuestionView, InterviewReportView, MockStep } from './interview-views.ts';
import { UserError } from '../user-error.ts';

type MockDeps = {
  repo: InterviewRepository;
  learning: LearningService;
  clock: Clock;
  rng: () => number;
  /** The interview questions of a server. */
  items: (guildId: string) => readonly InterviewItem[];
  itemOf: (itemId: string) => InterviewItem;
};

/** Mock interviews: a fixed list of questions asked one after another, each with a time budget. */
export function createMockInterviews(deps: MockDeps) {
  const { repo, learning, clock } = deps;

  const showTx = (session: InterviewSession, position: number, nowMs: number): InterviewQuestionView => {
    const itemId = session.itemIds[position]!;
    const prompt = repo.insertPrompt({
      guildId: session.guildId, userId: session.userId, itemId, sessionId: session.id, position, shownAtMs: nowMs,
    });
    return questionView(prompt, deps.itemOf(itemId), session);
  };

  const reportOf = (session: InterviewSession): InterviewReportView => {
    const attempts = repo.sessionAttempts(session.id);
    const entries = attempts.map((attempt) => ({
      item: deps.itemOf(attempt.itemId),
      attempt: {
        itemId: attempt.itemId,
        score: attempt.kind === 'skip' ? null : attempt.score,
        coveredPointIds: attempt.covered,
        conclusionFirst: attempt.conclusionFirst,
        concrete: attempt.concrete,
        lengthVerdict: attempt.lengthVerdict,
        overtime: attempt.overtime,
      } satisfies AttemptSummary,
    }));
    const xpAwarded = attempts.reduce((sum, attempt) => sum + attempt.xpAwarded, 0);
    return { ...buildMockReport(entries), sessionId: session.id, xpAwarded };
  };

  return {
    /** Starts a mock interview of `count` questions (1–5), abandoning the learner's unfinished one. */
    start(input: { guildId: string; userId: string; count?: number | null }): InterviewQuestionView {
      const wanted = Math.min(mockCountLimits.max, Math.max(mockCountLimits.min, input.count ?? mockCountLimits.default));
      const recentIds = repo.recentItemIds(input.userId, 20);
      const picked = pickMockQuestions(deps.items(input.guildId), wanted, { recentIds, rng: deps.rng });
      if (picked.length === 0) throw new UserError('interview.error.noQuestions');
      const now = clock.now().getTime();
      return learning.inTransaction(() => {
        repo.abandonActiveSessions(input.userId, now);
        const session = repo.insertSession({
          guildId: input.guildId, userId: input.userId, itemIds: picked.map((item) => item.id),
          budgetMs: mockQuestionBudgetMs, status: 'active', startedAtMs: now,
        });
        return showTx(session, 0, now);
      });
    },

    /** The session of a mock prompt, refusing prompts the interview has moved past. */
    currentSession(prompt: InterviewPrompt): InterviewSession {
      const session = prompt.sessionId === null ? undefined : repo.session(prompt.sessionId);
      if (!session || session.status !== 'active' || session.position !== prompt.position) {
        throw new UserError('interview.error.mockMovedOn');
      }
      return session;
    },

    /** True when the answer came after the question's time budget. */
    overtime(prompt: InterviewPrompt, session: InterviewSession, now: Date): boolean {
      return now.getTime() > prompt.shownAtMs + session.budgetMs;
    },

    /** After the current question was answered or skipped (inside the same transaction): the next question or the report. */
    advanceTx(session: InterviewSession, prompt: InterviewPrompt, previous: { skipped: boolean; overtime: boolean }, now: Date): MockStep {
      const count = session.itemIds.length;
      const position = prompt.position ?? 0;
      const finished = position + 1 >= count;
      if (!repo.advanceSession(session.id, position, finished, now.getTime())) throw new UserError('interview.error.mockMovedOn');
      if (finished) return { kind: 'report', report: reportOf(repo.session(session.id)!) };
      return { kind: 'next', question: showTx(session, position + 1, now.getTime()), previous: { position, ...previous } };
    },
  };
}
export type MockInterviews = ReturnType<typeof createMockInterviews>;
