import type { Client, MessageCreateOptions, MessageEditOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { DailyNotifier, QuizNotifier } from '../../app/quiz/quiz-notifier.ts';
import type { RoundResultView } from '../../app/quiz/quiz-views.ts';
import type { AnswerAcks } from './answer-acks.ts';
import { renderDailyPost } from './render-daily.ts';
import { renderFinal, renderHint, renderQuestion, renderResumeNotice, renderRoundResult } from './render-quiz.ts';

/**
 * The conductor's notifier on Discord: renders each view and posts or edits it in the quiz's
 * channel. A round boundary starts a new batch of typed-answer acknowledgments.
 */
export function createDiscordQuizNotifier(deps: { client: Client; acks: AnswerAcks; logger: Logger }): QuizNotifier & DailyNotifier {
  const { client, acks, logger } = deps;

  const channel = async (channelId: string) => {
    const found = await client.channels.fetch(channelId);
    if (!found?.isSendable() || !found.isTextBased()) throw new Error(`channel ${channelId} is not a text channel the bot can post in`);
    return found;
  };
  const send = async (channelId: string, payload: MessageCreateOptions) => (await channel(channelId)).send(payload);
  const edit = async (channelId: string, messageId: string, payload: MessageEditOptions) => {
    await (await channel(channelId)).messages.edit(messageId, payload);
  };

  /** Shows the question closed: no buttons, and when it ended instead of a countdown. */
  const retireQuestion = async (result: RoundResultView) => {
    if (!result.questionMessageId) return;
    const payload = result.asked ? renderQuestion(result.asked, result.closedAt) : { components: [] };
    await edit(result.channelId, result.questionMessageId, payload).catch((error: unknown) =>
      logger.warn({ err: error, quizId: result.quizId }, 'could not show a closed round as closed'));
  };

  return {
    roundBoundary: (channelId, locale) => acks.newRound(channelId, locale),
    postQuestion: async (view) => (await send(view.channelId, renderQuestion(view))).id,
    postHint: async (view) => {
      await send(view.channelId, renderHint(view));
    },
    async postReveal(result) {
      await retireQuestion(result);
      await send(result.channelId, {
        ...renderRoundResult(result),
        ...(result.questionMessageId ? { reply: { messageReference: result.questionMessageId, failIfNotExists: false } } : {}),
      });
    },
    retireQuestion,
    postFinal: async (view) => {
      await send(view.channelId, renderFinal(view));
    },
    postResumeNotice: async (channelId, locale) => {
      await send(channelId, renderResumeNotice(locale));
    },
    postDaily: async (view) => (await send(view.channelId, renderDailyPost(view))).id,
    showDaily: async (view) => {
      if (view.messageId) await edit(view.channelId, view.messageId, renderDailyPost(view));
    },
  };
}
