import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../../app/services.ts';
import { isAccepted } from '../../domain/quiz/index.ts';
import type { QuizRunner } from './quiz-runner.ts';

/**
 * Typed answers: a message in a channel with a running quiz is graded and recorded in one
 * transaction, then acknowledged with a reaction (✅ accepted, ❌ wrong, 🚫 out of tries). Messages
 * anywhere else cost one Set lookup.
 */
export function createQuizMessageListener(deps: { services: AppServices; runner: QuizRunner; logger: Logger }) {
  const { services, runner, logger } = deps;
  return async (message: Message): Promise<void> => {
    if (message.author.bot || !message.inGuild() || !services.quiz.isQuizChannel(message.channelId)) return;
    let result;
    try {
      result = services.quiz.submitTyped({ channelId: message.channelId, userId: message.author.id, text: message.content, messageId: message.id });
    } catch (error) {
      logger.error({ err: error, channelId: message.channelId, messageId: message.id }, 'typed quiz answer failed');
      return;
    }
    if (result.kind === 'ignored') return;
    const emoji = result.kind === 'rejected' ? (result.reason === 'attemptLimit' ? '🚫' : null) : isAccepted(result.outcome) ? '✅' : '❌';
    const reacted = emoji ? message.react(emoji) : Promise.resolve();
    if (result.kind === 'recorded' && result.closed) runner.roundClosed(result.closed);
    await reacted.catch((error: unknown) => logger.warn({ err: error, messageId: message.id }, 'could not react to a quiz answer'));
  };
}
