import type { InterviewPrompt, InterviewRepository } from '../../db/interview/interview-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { InterviewItem, LocalizedText } from '../../domain/content/items.ts';
import { answerMaxChars } from '../../domain/limits.ts';
import { nextFollowUpIndex, pickQuestion } from '../../domain/interview/pick-question.ts';
import { scoreAnswer } from '../../domain/interview/score-answer.ts';
import { followUpPoints, scoreFollowUp } from '../../domain/interview/score-follow-up.ts';
import type { ChatCompletionsClient } from '../../llm/chat-completions.ts';
import { createInterviewNarrator } from './interview-narration.ts';
import { createMockInterviews } from './interview-mock.ts';
import { questionView } from './interview-question-view.ts';
import { recordAttemptTx } from './interview-record.ts';
import {
  type InterviewAnswerForm, type InterviewFeedbackView, type InterviewHistoryView, type InterviewQuestionView, type InterviewSubmitResult, type InterviewTopicView, type MockStep,
} from './interview-views.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { UserError } from '../user-error.ts';

export type InterviewServiceDeps = {
  repo: InterviewRepository;
  learning: LearningService;
  bank: QuestionBank;
  clock: Clock;
  /** The optional language model for narrative feedback. */
  llm?: ChatCompletionsClient | undefined;
  rng?: () => number;
};

/**
 * The mock-interview coach: asks interview questions, scores written answers against their rubric,
 * records each attempt (FSRS card, XP, attempt row) in one transaction, runs mock interviews and
 * lists a learner's history.
 */
export function createInterviewService(deps: InterviewServiceDeps) {
  const { repo, learning, clock } = deps;
  const rng = deps.rng ?? Math.random;
  // A server's interview questions (built-in and its own decks), kept while its bank is unchanged.
  const listed = new WeakMap<object, InterviewItem[]>();
  const itemsIn = (guildId: string): InterviewItem[] => {
    const content = deps.bank.forGuild(guildId);
    let items = listed.get(content);
    if (!items) {
      items = [...content.items.values()].filter((item): item is InterviewItem => item.kind === 'interview');
      listed.set(content, items);
    }
    return items;
  };
  const findItem = (itemId: string): InterviewItem | undefined => {
    const item = deps.bank.item(itemId);
    return item?.kind === 'interview' ? item : undefined;
  };
  const itemOf = (itemId: string): InterviewItem => {
    const item = findItem(itemId);
    if (!item) throw new UserError('interview.error.questionGone');
    return item;
  };
  const mock = createMockInterviews({ repo, learning, clock, rng, items: itemsIn, itemOf });
  const narrator = createInterviewNarrator({ repo, llm: deps.llm, findItem });

  const promptOf = (promptId: number): InterviewPrompt => {
    const prompt = repo.prompt(promptId);
    if (!prompt) throw new UserError('error.staleComponent');
    return prompt;
  };

  /** The clicker's own prompt: theirs, or their row on someone's public question (created on first use). */
  const ownPrompt = (promptId: number, userId: string, guildId: string | null): InterviewPrompt => {
    const prompt = promptOf(promptId);
    if (prompt.userId === userId) return prompt;
    if (!prompt.isPublic || prompt.sessionId !== null) throw new UserError('error.notYourComponent');
    return repo.participantPrompt(prompt.id, userId) ?? repo.insertPrompt({
      guildId: guildId ?? prompt.guildId, userId, itemId: prompt.itemId, followUpIndex: prompt.followUpIndex,
      publicPromptId: prompt.id, topicFilter: prompt.topicFilter, shownAtMs: clock.now().getTime(),
    });
  };

  const show = (input: { guildId: string; userId: string; item: InterviewItem; isPublic: boolean; topic: string | null; followUp?: { index: number; from: number } }) => {
    const prompt = repo.insertPrompt({
      guildId: input.guildId, userId: input.userId, itemId: input.item.id, isPublic: input.isPublic, topicFilter: input.topic,
      followUpIndex: input.followUp?.index ?? null, fromPromptId: input.followUp?.from ?? null, shownAtMs: clock.now().getTime(),
    });
    return questionView(prompt, input.item);
  };

  const pick = (guildId: string, userId: string, topic: string | null, avoid: readonly string[]): InterviewItem => {
    const items = itemsIn(guildId);
    if (topic && !items.some((item) => item.topic === topic)) throw new UserError('interview.error.unknownTopic', { topic });
    const item = pickQuestion(items, { topic, avoidIds: [...avoid, ...repo.recentItemIds(userId, 5)], rng });
    if (!item) throw new UserError('interview.error.noQuestions');
    return item;
  };

  return {
    llmEnabled: narrator.enabled,

    /** Topics for autocomplete, with a sample question each. */
    topics(guildId: string | null): InterviewTopicView[] {
      const out = new Map<string, { topic: string; name: LocalizedText; count: number; sample: LocalizedText }>();
      for (const item of guildId === null ? [] : itemsIn(guildId)) {
        const entry = out.get(item.topic);
        if (entry) entry.count++;
        else out.set(item.topic, { topic: item.topic, name: item.topicName, count: 1, sample: item.prompt });
      }
      return [...out.values()];
    },

    /** `/interview ask`: one question, from `topic` when given. */
    ask(input: { guildId: string; userId: string; topic?: string | null; isPublic?: boolean }): InterviewQuestionView {
      const topic = input.topic?.trim() || null;
      return show({ guildId: input.guildId, userId: input.userId, item: pick(input.guildId, input.userId, topic, []), isPublic: input.isPublic ?? false, topic });
    },

    /** "Another question": a different question (same topic filter) for whoever clicked, always private. */
    another(input: { promptId: number; userId: string; guildId: string }): InterviewQuestionView {
      const prompt = promptOf(input.promptId);
      if (prompt.userId !== input.userId && !prompt.isPublic) throw new UserError('error.notYourComponent');
      const item = pick(input.guildId, input.userId, prompt.topicFilter, [prompt.itemId]);
      return show({ guildId: input.guildId, userId: input.userId, item, isPublic: false, topic: prompt.topicFilter });
    },

    /** "Hint": the labels of the key points (not the phrases). Marks the hint as used for the rating. */
    hint(input: { promptId: number; userId: string; guildId: string }): { labels: LocalizedText[] } {
      return learning.inTransaction(() => {
        const prompt = ownPrompt(input.promptId, input.userId, input.guildId);
        if (prompt.sessionId !== null) throw new UserError('interview.error.noHintInMock');
        const item = itemOf(prompt.itemId);
        if (prompt.followUpIndex !== null) return { labels: [] };
        if (prompt.answeredAtMs === null) repo.markHintUsed(prompt.id);
        return { labels: item.rubric.map((point) => point.label) };
      });
    },

    /** Before the answer modal opens: which prompt the answer will belong to. */
    beginAnswer(input: { promptId: number; userId: string; guildId: string }): InterviewAnswerForm {
      const prompt = learning.inTransaction(() => ownPrompt(input.promptId, input.userId, input.guildId));
      if (prompt.answeredAtMs !== null) throw new UserError('interview.error.alreadyAnswered');
      if (prompt.sessionId !== null) mock.currentSession(prompt);
      const view = questionView(prompt, itemOf(prompt.itemId));
      return { promptId: prompt.id, text: view.text, mock: prompt.sessionId !== null };
    },

    /** Scores and records a submitted answer; in a mock interview, moves on to the next question or the report. */
    submit(input: { promptId: number; userId: string; answerText: string }): InterviewSubmitResult {
      const prompt = promptOf(input.promptId);
      if (prompt.userId !== input.userId) throw new UserError('error.notYourComponent');
      const item = itemOf(prompt.itemId);
      const now = clock.now();

      const scored = prompt.followUpIndex === null ? scoreAnswer(item, input.answerText) : scoreFollowUp(item, prompt.followUpIndex, input.answerText);
      if (!scored.ok) throw invalidAnswer(scored.reason);

      if (prompt.followUpIndex !== null) {
        const followUp = item.followUps[prompt.followUpIndex]!;
        const result = scored.result;
        const structure = result.structure;
        const recorded = learning.inTransaction(() =>
          recordAttemptTx({ repo, learning }, prompt, item, { kind: 'follow-up', answerText: input.answerText, structure }, { now, overtime: false }));
        const feedback: InterviewFeedbackView = {
          kind: 'follow-up', attemptId: recorded.attemptId, promptId: prompt.id, itemId: item.id, question: followUp,
          parentQuestion: item.prompt, answerText: input.answerText, score: result.score, verdict: result.verdict,
          points: followUpPoints(followUp).map((point, index) => ({ id: point.id, label: point.label, covered: result.points[index]!.covered })),
          structure, canFollowUp: item.followUps.length > 1, narrationExpected: narrator.enabled,
        };
        return { kind: 'feedback', feedback };
      }

      const result = scored.result;
      return learning.inTransaction((): InterviewSubmitResult => {
        const session = prompt.sessionId === null ? undefined : mock.currentSession(prompt);
        const overtime = session ? mock.overtime(prompt, session, now) : false;
        const recorded = recordAttemptTx({ repo, learning }, prompt, item, { kind: 'answer', answerText: input.answerText, result }, { now, overtime });
        if (session) return { kind: 'mock', step: mock.advanceTx(session, prompt, { skipped: false, overtime }, now) };
        const feedback: InterviewFeedbackView = {
          kind: 'rubric', attemptId: recorded.attemptId, promptId: prompt.id, itemId: item.id, question: item.prompt,
          answerText: input.answerText, score: result.score, verdict: result.verdict,
          points: item.rubric.map((point, index) => ({ id: point.id, weight: point.weight, label: point.label, tip: point.tip, covered: result.points[index]!.covered })),
          structure: result.structure, modelAnswer: item.modelAnswer, hintUsed: prompt.hintUsed, rating: recorded.rating!,
          xpAwarded: recorded.xpAwarded, nextReviewAt: recorded.nextReviewAt!, canFollowUp: item.followUps.length > 0, narrationExpected: narrator.enabled,
        };
        return { kind: 'feedback', feedback };
      });
    },

    /** "Follow-up question" (꼬리 질문) after feedback: the next follow-up of the same question. */
    followUp(input: { promptId: number; userId: string; guildId: string }): InterviewQuestionView {
      const prompt = promptOf(input.promptId);
      if (prompt.userId !== input.userId) throw new UserError('error.notYourComponent');
      const item = itemOf(prompt.itemId);
      if (item.followUps.length === 0) throw new UserError('interview.error.noFollowUp');
      // The follow-up builds on what this answer covered (recorded with the attempt).
      const attempt = repo.recentAttempts(input.userId, 50).find((row) => row.promptId === prompt.id);
      const covered = attempt?.covered ?? [];
      const index = nextFollowUpIndex(item, repo.askedFollowUps(input.userId, item.id), covered);
      return show({ guildId: input.guildId, userId: input.userId, item, isPublic: false, topic: prompt.topicFilter, followUp: { index, from: prompt.id } });
    },

    /** `/interview mock`: starts a mock interview and returns its first question. */
    startMock: (input: { guildId: string; userId: string; count?: number | null }) => mock.start(input),

    /** "Skip" in a mock interview: recorded as a skipped question (FSRS Again, no XP). */
    skipMock(input: { promptId: number; userId: string }): MockStep {
      const prompt = promptOf(input.promptId);
      if (prompt.userId !== input.userId) throw new UserError('error.notYourComponent');
      const item = itemOf(prompt.itemId);
      const now = clock.now();
      return learning.inTransaction(() => {
        const session = mock.currentSession(prompt);
        const overtime = mock.overtime(prompt, session, now);
        recordAttemptTx({ repo, learning }, prompt, item, { kind: 'skip' }, { now, overtime });
        return mock.advanceTx(session, prompt, { skipped: true, overtime }, now);
      });
    },

    /** `/interview history`: latest attempts and the best score per question. */
    history(input: { userId: string; limit?: number }): InterviewHistoryView {
      const known = findItem;
      const recent = repo.recentAttempts(input.userId, input.limit ?? 10).flatMap((row) => {
        const item = known(row.itemId);
        if (!item) return [];
        const text = row.followUpIndex === null ? item.prompt : item.followUps[row.followUpIndex] ?? item.prompt;
        return [{ itemId: row.itemId, text, kind: row.kind, score: row.score, at: new Date(row.createdAtMs) }];
      });
      const best = repo.bestScores(input.userId).flatMap((row) => {
        const item = known(row.itemId);
        return item ? [{ itemId: row.itemId, text: item.prompt, best: row.best, attempts: row.attempts }] : [];
      });
      return { total: repo.countAttempts(input.userId), recent, best };
    },

    /** The narrative paragraph for an attempt; never throws (failures are results to log). */
    narrate: narrator.narrate,
  };
}
export type InterviewService = ReturnType<typeof createInterviewService>;

function invalidAnswer(reason: 'empty' | 'too-long'): UserError {
  return reason === 'too-long'
    ? new UserError('interview.error.tooLong', { max: answerMaxChars })
    : new UserError('interview.error.empty');
}
