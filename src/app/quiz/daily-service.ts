import type { DailyPost, DailyRepository } from '../../db/quiz/daily-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { LocalizedText } from '../../domain/content/items.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import {
  dailyRevealAfterMs, dueDailyPost, formatDailyTime, isQuizItem, localDate, nextPostInstant, parseDailyTime, pickDailyItem, type AnswerOutcome,
} from '../../domain/quiz/index.ts';
import { evaluateAnswer, expectedAnswer, type ReviewAnswer } from '../../domain/review/evaluate.ts';
import { presentItem, type QuestionView } from '../../domain/review/present.ts';
import { hashSeed } from '../../domain/random.ts';
import type { Locale } from '../../i18n/index.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { UserError } from '../user-error.ts';

/** A post still "posting" after this long was cut off by a restart and is sent again. */
const stuckPostAfterMs = 60_000;

/** A second answer: refused with the same reveal time the first reply named. */
const alreadyAnswered = (post: DailyPost) =>
  new UserError('daily.error.alreadyAnswered', { revealAt: Math.floor(post.revealAtMs / 1000) });

export type DailyPostView = {
  postId: number;
  guildId: string;
  channelId: string;
  messageId: string | null;
  locale: Locale;
  date: string;
  question: QuestionView;
  answered: number;
  revealAt: Date;
  /** Filled once the answer is revealed (24 h after posting). */
  reveal: { expected: LocalizedText; explanation: LocalizedText; source: LocalizedText; correct: number } | null;
};

export type DailyScheduleView = { channelId: string; time: string; timeZone: string; nextPostAt: Date };

/** A member's own result; it carries no answer, which the post reveals to everyone at `post.revealAt`. */
export type DailyAnswerResult = {
  outcome: AnswerOutcome;
  xpAwarded: number;
  streak: number;
  post: DailyPostView;
};

/**
 * The daily question: the admin's schedule, one post per server and local date, one answer per
 * member (card + XP + streak in the same transaction), and the reveal after 24 hours.
 */
export function createDailyService(deps: { repo: DailyRepository; learning: LearningService; bank: QuestionBank; clock: Clock; timeZone: string }) {
  const { repo, learning, bank, clock, timeZone } = deps;
  /** The server's questions: the built-in bank and its own decks, never another server's. */
  const candidates = (guildId: string) => bank.forGuild(guildId).decks.flatMap((deck) => deck.items).filter(isQuizItem).map((item) => item.id);

  const questionOf = (post: DailyPost): QuestionView | null => {
    const item = bank.item(post.itemId);
    if (!item) return null;
    const deckItems = bank.deckOf(item.id)?.items ?? [];
    return presentItem(item, deckItems, 'forward', hashSeed(`daily:${post.id}`));
  };

  const viewOf = (post: DailyPost): DailyPostView | null => {
    const question = questionOf(post);
    const item = bank.item(post.itemId);
    if (!question || !item) return null;
    const stats = repo.answerStats(post.id);
    return {
      postId: post.id, guildId: post.guildId, channelId: post.channelId, messageId: post.messageId, locale: post.locale,
      date: post.localDate, question, answered: stats.answered, revealAt: new Date(post.revealAtMs),
      reveal: post.status === 'revealed'
        ? { expected: expectedAnswer(item, question), explanation: item.explanation, source: item.source, correct: stats.correct }
        : null,
    };
  };

  return {
    /** `/config daily channel time`: switches the schedule on (or moves it). */
    configure(input: { guildId: string; channelId: string; time: string; userId: string; locale: Locale }): DailyScheduleView {
      const time = parseDailyTime(input.time);
      if (!time) throw new UserError('daily.error.badTime', { time: input.time });
      const now = clock.now();
      repo.saveConfig({
        guildId: input.guildId, channelId: input.channelId, hour: time.hour, minute: time.minute, enabled: true,
        activeSinceMs: now.getTime(), locale: input.locale, updatedBy: input.userId, updatedAtMs: now.getTime(),
      });
      const postedToday = repo.lastPostedDate(input.guildId) === localDate(now, timeZone);
      return { channelId: input.channelId, time: formatDailyTime(time), timeZone, nextPostAt: nextPostInstant({ now, time, timeZone, postedToday }) };
    },

    /** `/config daily off`; false when it was not on. */
    disable(input: { guildId: string; userId: string }): boolean {
      return repo.disable(input.guildId, clock.now().getTime(), input.userId);
    },

    /**
     * Reserves today's post for every server whose time has come (and retries posts a restart left
     * half-done). The caller sends each and reports back with `markPosted` or `markFailed`.
     */
    claimDuePosts(): DailyPostView[] {
      const now = clock.now();
      return repo.transaction(() => {
        const claimed: DailyPostView[] = [];
        for (const stuck of repo.stuckPosts(now.getTime() - stuckPostAfterMs)) {
          const view = viewOf(stuck);
          if (view) claimed.push(view);
        }
        for (const config of repo.enabledConfigs()) {
          const due = dueDailyPost({
            now, time: { hour: config.hour, minute: config.minute }, timeZone, activeSinceMs: config.activeSinceMs,
            lastPostedDate: repo.lastPostedDate(config.guildId),
          });
          if (!due) continue;
          const itemId = pickDailyItem(candidates(config.guildId), repo.usedItemIds(config.guildId), config.guildId, due.date);
          if (!itemId) continue;
          const post = repo.insertPost({
            guildId: config.guildId, channelId: config.channelId, localDate: due.date, itemId, locale: config.locale,
            postedAtMs: now.getTime(), revealAtMs: now.getTime() + dailyRevealAfterMs,
          });
          const view = post ? viewOf(post) : null;
          if (view) claimed.push(view);
        }
        return claimed;
      });
    },
    markPosted: (postId: number, messageId: string) => repo.markPosted(postId, messageId),
    markFailed: (postId: number) => repo.markFailed(postId),

    /** Posts whose 24 hours are up, marked revealed once; the caller edits each message. */
    claimDueReveals(): DailyPostView[] {
      const now = clock.now();
      return repo.transaction(() =>
        repo.dueReveals(now.getTime()).flatMap((post) => {
          if (!repo.markRevealed(post.id, now.getTime())) return [];
          const view = viewOf({ ...post, status: 'revealed', revealedAtMs: now.getTime() });
          return view ? [view] : [];
        }),
      );
    },

    postView(postId: number): DailyPostView | null {
      const post = repo.post(postId);
      return post ? viewOf(post) : null;
    },

    /** Refuses early (before a modal opens) when the member cannot answer this post any more. */
    checkCanAnswer(input: { postId: number; guildId: string; userId: string }): void {
      const post = repo.post(input.postId);
      if (!post || post.guildId !== input.guildId) throw new UserError('error.staleComponent');
      if (post.status !== 'open' || clock.now().getTime() >= post.revealAtMs) throw new UserError('daily.error.closed');
      if (repo.answerOf(post.id, input.userId)) throw alreadyAnswered(post);
    },

    /** One member's answer: stored once, with card, XP and streak in the same transaction. */
    answer(input: { postId: number; guildId: string; userId: string; answer: ReviewAnswer }): DailyAnswerResult {
      return repo.transaction(() => {
        const post = repo.post(input.postId);
        if (!post || post.guildId !== input.guildId) throw new UserError('error.staleComponent');
        const now = clock.now();
        if (post.status !== 'open' || now.getTime() >= post.revealAtMs) throw new UserError('daily.error.closed');
        const previous = repo.answerOf(post.id, input.userId);
        if (previous) throw alreadyAnswered(post);
        const item = bank.item(post.itemId);
        const question = questionOf(post);
        if (!item || !question) throw new UserError('daily.error.closed');
        const evaluation = evaluateAnswer(item, question, input.answer);
        if (!evaluation.valid || evaluation.outcome === 'skipped') throw new UserError('daily.error.emptyAnswer');
        const outcome = evaluation.outcome as AnswerOutcome;
        const text = input.answer.type === 'typed' ? input.answer.text.trim().slice(0, 500)
          : input.answer.type === 'pick' ? String(input.answer.indexes[0]) : input.answer.type === 'true-false' ? String(input.answer.value) : '';
        repo.insertAnswer({ postId: post.id, userId: input.userId, atMs: now.getTime(), outcome, answerText: text });
        const recorded = learning.recordAnswerTx({
          guildId: post.guildId, userId: input.userId, itemId: post.itemId, mode: 'daily', source: 'daily', outcome,
          responseMs: null, answerText: text, ref: `daily:${post.id}`,
        }, now);
        return {
          outcome,
          xpAwarded: recorded.ok ? recorded.xpAwarded : 0, streak: recorded.ok ? (recorded.streak?.current ?? 0) : 0,
          post: viewOf(post)!,
        };
      });
    },
  };
}
export type DailyService = ReturnType<typeof createDailyService>;
