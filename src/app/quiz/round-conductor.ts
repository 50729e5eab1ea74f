import type { Clock } from '../../domain/clock.ts';
import type { ConductorLog, QuizNotifier } from './quiz-notifier.ts';
import type { QuizService } from './quiz-service.ts';
import type { QuizTimers } from './quiz-timers.ts';
import type { QuizQuestionView, QuizStartView, QuizStopResult, RoundResultView } from './quiz-views.ts';

/**
 * Conducts running quizzes: opens rounds, shows hints, closes rounds when their time is up,
 * reveals, pauses and carries on, and picks quizzes up after a restart. The steps of one quiz run
 * one after another (a chain per quiz), so a reveal can never overtake the question it belongs to;
 * the quiz service decides everything else, and the notifier shows it.
 */
export function createRoundConductor(deps: {
  quiz: QuizService; clock: Clock; notifier: QuizNotifier; timers: QuizTimers; log: ConductorLog; pauseMs: number;
}) {
  const { quiz, clock, notifier, timers, log } = deps;
  const chains = new Map<number, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const enqueue = (quizId: number, work: () => Promise<void>): void => {
    if (stopping) return;
    const next = (chains.get(quizId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => log.error({ err: error, quizId }, 'quiz step failed'));
    chains.set(quizId, next);
    inFlight.add(next);
    void next.finally(() => {
      inFlight.delete(next);
      if (chains.get(quizId) === next) chains.delete(quizId);
    });
  };

  const timerKey = (quizId: number) => `quiz:${quizId}:`;

  const scheduleRound = (view: QuizQuestionView, hintPending: boolean) => {
    const key = timerKey(view.quizId);
    if (view.hintAt && hintPending) {
      const roundIndex = view.roundIndex;
      timers.at(`${key}hint`, view.hintAt, () => enqueue(view.quizId, async () => {
        const hint = quiz.showHint(view.quizId, roundIndex);
        if (hint) await notifier.postHint(hint);
      }));
    }
    timers.at(`${key}close`, view.closesAt, () => enqueue(view.quizId, async () => {
      const result = quiz.closeRound(view.quizId, view.roundIndex);
      if (result) await announce(result);
    }));
  };

  const openNext = async (quizId: number): Promise<void> => {
    const opened = quiz.openNextRound(quizId);
    if (!opened) return;
    if (opened.kind === 'finished') {
      if (opened.final) await notifier.postFinal(opened.final);
      return;
    }
    // Same tick as the round's opening: no answer to it can be acknowledged as one of the previous round.
    notifier.roundBoundary(opened.view.channelId, opened.view.locale);
    // Timers first: whatever fires meanwhile waits on this quiz's chain until the question is out.
    scheduleRound(opened.view, true);
    let messageId: string;
    try {
      messageId = await notifier.postQuestion(opened.view);
    } catch (error) {
      // The channel is gone or closed to the bot: end the quiz rather than run rounds nobody sees.
      log.warn({ err: error, quizId }, 'quiz question could not be posted; ending the quiz');
      timers.cancelPrefix(timerKey(quizId));
      quiz.abandon(quizId);
      return;
    }
    quiz.attachQuestionMessage(quizId, opened.view.roundIndex, messageId);
  };

  const announce = async (result: RoundResultView): Promise<void> => {
    timers.cancelPrefix(timerKey(result.quizId));
    notifier.roundBoundary(result.channelId, result.locale);
    if (!result.final && result.next.kind === 'nextRound') {
      const at = new Date(clock.now().getTime() + deps.pauseMs);
      timers.at(`${timerKey(result.quizId)}next`, at, () => enqueue(result.quizId, () => openNext(result.quizId)));
    }
    try {
      await notifier.postReveal(result);
    } finally {
      // After the reveal, not before: the members see the answer first; cards and XP follow at once.
      feedLearning();
    }
    if (result.final) await notifier.postFinal(result.final);
  };

  const feedLearning = () => {
    try {
      quiz.feedPendingRounds();
    } catch (error) {
      log.error({ err: error }, 'quiz rounds could not be fed into learning; retried after the next round or restart');
    }
  };

  const resumeOne = async (quizId: number): Promise<void> => {
    const step = quiz.resume(quizId);
    if (!step) return;
    if (step.kind === 'ended') {
      if (step.result) await announce({ ...step.result, final: step.final });
      else await notifier.postFinal(step.final);
      return;
    }
    const target = step.kind === 'continue' ? step.question : step.kind === 'closed' ? step.result : step;
    if (!(step.kind === 'closed' && step.result.final)) await notifier.postResumeNotice(target.channelId, target.locale);
    if (step.kind === 'continue') {
      notifier.roundBoundary(step.question.channelId, step.question.locale);
      scheduleRound(step.question, step.hintPending);
    }
    else if (step.kind === 'closed') await announce(step.result);
    else await openNext(quizId);
  };

  return {
    /** A quiz was started (its intro already shown): open round 1. */
    begin(view: QuizStartView): void {
      enqueue(view.quizId, () => openNext(view.quizId));
    },
    /** An answer closed a round: reveal it and carry on. */
    roundClosed(result: RoundResultView): void {
      enqueue(result.quizId, () => announce(result));
    },
    /** `/quiz stop` ended a quiz (the front end shows the reveal and standings with its reply). */
    stopped(result: QuizStopResult): void {
      timers.cancelPrefix(timerKey(result.final.quizId));
      enqueue(result.final.quizId, async () => {
        feedLearning();
        if (result.round) await notifier.retireQuestion(result.round);
      });
    },
    /** Picks up every quiz that was running when the bot stopped. */
    resumeAll(): void {
      feedLearning();
      for (const quizId of quiz.runningQuizIds()) enqueue(quizId, () => resumeOne(quizId));
    },
    /** Resolves once no quiz step is in progress (steps started meanwhile included). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    /** Takes no new steps and waits for the ones in progress. */
    async stop(): Promise<void> {
      stopping = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
export type RoundConductor = ReturnType<typeof createRoundConductor>;
