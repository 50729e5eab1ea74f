import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../../app/services.ts';
import { createAnswerAcks, type AnswerAckOptions } from './answer-acks.ts';
import { createDailyRunner, type DailyRunner } from './daily-runner.ts';
import { createQuizMessageListener } from './message-listener.ts';
import { createQuizRunner, type QuizRunner } from './quiz-runner.ts';
import { createTaskScheduler } from './task-scheduler.ts';

export type QuizRuntime = {
  quiz: QuizRunner;
  daily: DailyRunner;
  /** Runs due round timers and the daily-question check now (tests call it after moving the clock). */
  tick(): Promise<void>;
  /** Detaches the listener, cancels timers and waits for Discord calls in progress. */
  stop(): Promise<void>;
};

export type QuizRuntimeOptions = {
  /** How often the daily question (and any late timer) is checked. */
  tickMs?: number;
  /** Pause between a round's reveal and the next question. */
  pauseMs?: number;
  /** Reaction budget and batch window of typed-answer acknowledgments. */
  acks?: AnswerAckOptions;
};

const runtimes = new WeakMap<Client, QuizRuntime>();

/**
 * Attaches the group-quiz and daily-question machinery to a logged-in client: the typed-answer
 * listener, the scheduler tick, and resuming quizzes that were running before a restart.
 */
export function attachQuizRuntime(deps: { client: Client; services: AppServices; logger: Logger } & QuizRuntimeOptions): QuizRuntime {
  const { client, services } = deps;
  const logger = deps.logger.child({ area: 'quiz' });
  const scheduler = createTaskScheduler({
    clock: services.clock,
    tickMs: deps.tickMs ?? 30_000,
    onError: (error) => logger.error({ err: error }, 'quiz timer failed'),
  });
  const acks = createAnswerAcks({ logger, ...(deps.acks ? { options: deps.acks } : {}) });
  const quiz = createQuizRunner({ client, services, acks, logger, scheduler, pauseMs: deps.pauseMs ?? 4_000 });
  const daily = createDailyRunner({ client, services, logger });
  scheduler.every(() => daily.tick());

  const onMessage = createQuizMessageListener({ services, runner: quiz, acks, logger });
  const listener = (message: Parameters<typeof onMessage>[0]) => onMessage(message);
  client.on(Events.MessageCreate, listener);
  scheduler.start();
  quiz.resumeAll();
  void scheduler.tick();

  const runtime: QuizRuntime = {
    quiz,
    daily,
    tick: () => scheduler.tick(),
    async stop() {
      client.off(Events.MessageCreate, listener);
      await scheduler.stop();
      await quiz.stop();
      await acks.stop();
      await daily.stop();
      runtimes.delete(client);
    },
  };
  runtimes.set(client, runtime);
  return runtime;
}

/** The runtime attached to this client (command and button handlers reach the timers through it). */
export function quizRuntimeOf(client: Client): QuizRuntime {
  const runtime = runtimes.get(client);
  if (!runtime) throw new Error('the quiz runtime is not attached to this client');
  return runtime;
}
