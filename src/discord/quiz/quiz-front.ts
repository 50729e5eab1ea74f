import { performance } from 'node:perf_hooks';
import { Events, RESTEvents, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { ConductorFront } from '../../app/quiz/conductor.ts';
import type { QuizTimers } from '../../app/quiz/quiz-timers.ts';
import type { AppServices } from '../../app/services.ts';
import { createAnswerAcks, type AnswerAckOptions } from './answer-acks.ts';
import { createChannelBudgets } from './channel-budget.ts';
import { createQuizMessageListener } from './message-listener.ts';
import { createDiscordQuizNotifier } from './quiz-notifier.ts';

export type QuizFrontOptions = {
  /** Replaces the real timers (tests may move them by hand). */
  timers?: QuizTimers;
  /** Pause between a round's reveal and the next question. */
  pauseMs?: number;
  /** Bucket reserves and batch size of typed-answer acknowledgments. */
  acks?: AnswerAckOptions;
};

/**
 * The group quiz's and daily question's Discord side: the notifier the app's conductor plays
 * through, the typed-answer acknowledgments it drives, and the listener for typed answers.
 * The composition root passes `front` to the app services, then `listen`s once logged in.
 */
export function createQuizFront(deps: { client: Client; logger: Logger } & QuizFrontOptions) {
  const { client } = deps;
  const logger = deps.logger.child({ area: 'quiz' });
  // Every channel write's rate-limit headers keep the acknowledgments' picture of Discord's buckets true.
  const budgets = createChannelBudgets({ nowMs: () => performance.now() });
  client.rest.on(RESTEvents.Response, budgets.observe);
  const acks = createAnswerAcks({ logger, budgets, ...(deps.acks ? { options: deps.acks } : {}) });
  const front: ConductorFront = {
    notifier: createDiscordQuizNotifier({ client, acks, logger }),
    log: logger,
    ...(deps.timers ? { timers: deps.timers } : {}),
    ...(deps.pauseMs === undefined ? {} : { pauseMs: deps.pauseMs }),
  };
  return {
    front,
    /** Attaches the typed-answer listener; the returned function detaches it. */
    listen(services: AppServices): () => void {
      const onMessage = createQuizMessageListener({ services, acks, logger });
      const listener = (message: Parameters<typeof onMessage>[0]) => onMessage(message);
      client.on(Events.MessageCreate, listener);
      return () => void client.off(Events.MessageCreate, listener);
    },
    /** Shows every acknowledgment still due and waits for the Discord calls in flight. */
    async stop(): Promise<void> {
      await acks.stop();
      client.rest.off(RESTEvents.Response, budgets.observe);
    },
  };
}
