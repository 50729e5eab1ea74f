import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../../app/services.ts';
import { isAccepted } from '../../domain/quiz/index.ts';
import type { AnswerAcks } from './answer-acks.ts';
import type { AckMark } from './render-quiz.ts';

/**
 * Typed answers: a message in a channel with a running quiz is graded and recorded in one
 * transaction, then acknowledged (✅ accepted, ❌ wrong, 🚫 out of tries) by a reaction or, in a
 * burst, in the round's batch message. Messages anywhere else cost one Set lookup.
 */
export function createQuizMessageListener(deps: { services: AppServices; acks: AnswerAcks; logger: Logger }) {
  const { services, acks, logger } = deps;
  return (message: Message): void => {
    if (message.author.bot || !message.inGuild() || !services.quiz.isQuizChannel(message.channelId)) return;
    let result;
    try {
      result = services.quiz.submitTyped({ channelId: message.channelId, userId: message.author.id, text: message.content, messageId: message.id });
    } catch (error) {
      logger.error({ err: error, channelId: message.channelId, messageId: message.id }, 'typed quiz answer failed');
      return;
    }
    if (result.kind === 'ignored') return;
    const mark: AckMark | null = result.kind === 'rejected' ? (result.reason === 'attemptLimit' ? '🚫' : null) : isAccepted(result.outcome) ? '✅' : '❌';
    if (mark) acks.acknowledge(message, mark);
    if (result.kind === 'recorded' && result.closed) services.conductor.quiz.roundClosed(result.closed);
  };
}
