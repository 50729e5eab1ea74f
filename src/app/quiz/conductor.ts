import type { Clock } from '../../domain/clock.ts';
import { createDailyConductor } from './daily-conductor.ts';
import type { DailyService } from './daily-service.ts';
import type { ConductorLog, DailyNotifier, QuizNotifier } from './quiz-notifier.ts';
import type { QuizService } from './quiz-service.ts';
import { createQuizTimers, type QuizTimers } from './quiz-timers.ts';
import { createRoundConductor } from './round-conductor.ts';

/** The front end a conductor plays through, and its timing. */
export type ConductorFront = {
  notifier: QuizNotifier & DailyNotifier;
  log: ConductorLog;
  /** Defaults to real timers on the services' clock. */
  timers?: QuizTimers;
  /** Pause between a round's reveal and the next question. */
  pauseMs?: number;
  /** How often the daily question (and any late timer) is checked by the real timers. */
  tickMs?: number;
};

/** Used when no front end was given (services built for a test or a script): conducting anything is a bug. */
const noFront: ConductorFront = {
  notifier: new Proxy({} as QuizNotifier & DailyNotifier, {
    get: (_target, name) => () => {
      throw new Error(`no quiz front end is attached (called ${String(name)})`);
    },
  }),
  log: { warn: () => undefined, error: () => undefined },
};

/**
 * The group quiz's and the daily question's conductor: their timers, steps and restart handling,
 * on the injected clock and timers, shown through the front end's notifier.
 */
export function createConductor(deps: { quiz: QuizService; daily: DailyService; clock: Clock; front: ConductorFront | undefined }) {
  const front = deps.front ?? noFront;
  const { notifier, log } = front;
  const timers = front.timers ?? createQuizTimers({
    clock: deps.clock, tickMs: front.tickMs ?? 30_000, onError: (error) => log.error({ err: error }, 'quiz timer failed'),
  });
  const quiz = createRoundConductor({ quiz: deps.quiz, clock: deps.clock, notifier, timers, log, pauseMs: front.pauseMs ?? 4_000 });
  const daily = createDailyConductor({ daily: deps.daily, notifier, log });
  timers.every(() => daily.tick());

  return {
    quiz,
    daily,
    /** Starts the timers and resumes the quizzes that were running before a restart. */
    start(): void {
      timers.start();
      quiz.resumeAll();
      void timers.tick();
    },
    /** Runs due round timers and the daily-question check now (tests call it after moving the clock). */
    tick: () => timers.tick(),
    /** Resolves once no quiz step is in progress. */
    idle: () => quiz.idle(),
    /** Cancels the timers and waits for the steps in progress. */
    async stop(): Promise<void> {
      await timers.stop();
      await quiz.stop();
      await daily.stop();
    },
  };
}
export type Conductor = ReturnType<typeof createConductor>;
