import type { Client, MessageCreateOptions, MessageEditOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { QuizQuestionView, QuizStartView, QuizStopResult, RoundResultView } from '../../app/quiz/quiz-views.ts';
import type { AppServices } from '../../app/services.ts';
import type { AnswerAcks } from './answer-acks.ts';
import { renderFinal, renderHint, renderQuestion, renderResumeNotice, renderRoundResult } from './render-quiz.ts';
import type { TaskScheduler } from './task-scheduler.ts';

/**
 * Drives running quizzes on Discord: posts questions, hints, reveals and standings, and keeps each
 * round's timers. The steps of one quiz run one after another (a chain per quiz), so a reveal can
 * never overtake the question it belongs to; the service decides everything else.
 */
export function createQuizRunner(deps: { client: Client; services: AppServices; acks: AnswerAcks; logger: Logger; scheduler: TaskScheduler; pauseMs: number }) {
  const { client, services, acks, logger, scheduler } = deps;
  const chains = new Map<number, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const enqueue = (quizId: number, work: () => Promise<void>): void => {
    if (stopping) return;
    const next = (chains.get(quizId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => logger.error({ err: error, quizId }, 'quiz step failed'));
    chains.set(quizId, next);
    inFlight.add(next);
    void next.finally(() => {
      inFlight.delete(next);
      if (chains.get(quizId) === next) chains.delete(quizId);
    });
  };

  const channel = async (channelId: string) => {
    const found = await client.channels.fetch(channelId);
    if (!found?.isSendable() || !found.isTextBased()) throw new Error(`channel ${channelId} is not a text channel the bot can post in`);
    return found;
  };
  const send = async (channelId: string, payload: MessageCreateOptions) => (await channel(channelId)).send(payload);
  const edit = async (channelId: string, messageId: string, payload: MessageEditOptions) => {
    await (await channel(channelId)).messages.edit(messageId, payload);
  };

  const timerKey = (quizId: number) => `quiz:${quizId}:`;

  const scheduleRound = (view: QuizQuestionView, hintPending: boolean) => {
    const key = timerKey(view.quizId);
    if (view.hintAt && hintPending) {
      const roundIndex = view.roundIndex;
      scheduler.at(`${key}hint`, view.hintAt, () => enqueue(view.quizId, async () => {
        const hint = services.quiz.showHint(view.quizId, roundIndex);
        if (hint) await send(hint.channelId, renderHint(hint));
      }));
    }
    scheduler.at(`${key}close`, view.closesAt, () => enqueue(view.quizId, async () => {
      const result = services.quiz.closeRound(view.quizId, view.roundIndex);
      if (result) await announce(result);
    }));
  };

  const openNext = async (quizId: number): Promise<void> => {
    const opened = services.quiz.openNextRound(quizId);
    if (!opened) return;
    if (opened.kind === 'finished') {
      if (opened.final) await send(opened.final.channelId, renderFinal(opened.final));
      return;
    }
    // Same tick as the round's opening: no answer to it can be acknowledged in the previous round's message.
    acks.newRound(opened.view.channelId, opened.view.locale);
    // Timers first: whatever fires meanwhile waits on this quiz's chain until the question is out.
    scheduleRound(opened.view, true);
    let messageId: string;
    try {
      messageId = (await send(opened.view.channelId, renderQuestion(opened.view))).id;
    } catch (error) {
      // The channel is gone or closed to the bot: end the quiz rather than run rounds nobody sees.
      logger.warn({ err: error, quizId }, 'quiz question could not be posted; ending the quiz');
      scheduler.cancelPrefix(timerKey(quizId));
      services.quiz.abandon(quizId);
      return;
    }
    services.quiz.attachQuestionMessage(quizId, opened.view.roundIndex, messageId);
  };

  const removeButtons = async (result: RoundResultView) => {
    if (result.style !== 'buttons' || !result.questionMessageId) return;
    await edit(result.channelId, result.questionMessageId, { components: [] }).catch((error: unknown) =>
      logger.warn({ err: error, quizId: result.quizId }, 'could not remove the buttons of a closed round'));
  };

  const announce = async (result: RoundResultView): Promise<void> => {
    scheduler.cancelPrefix(timerKey(result.quizId));
    acks.newRound(result.channelId, result.locale);
    if (!result.final && result.next.kind === 'nextRound') {
      const at = new Date(services.clock.now().getTime() + deps.pauseMs);
      scheduler.at(`${timerKey(result.quizId)}next`, at, () => enqueue(result.quizId, () => openNext(result.quizId)));
    }
    try {
      await removeButtons(result);
      await send(result.channelId, {
        ...renderRoundResult(result),
        ...(result.questionMessageId ? { reply: { messageReference: result.questionMessageId, failIfNotExists: false } } : {}),
      });
    } finally {
      // After the reveal, not before: the members see the answer first; cards and XP follow at once.
      feedLearning();
    }
    if (result.final) await send(result.channelId, renderFinal(result.final));
  };

  const feedLearning = () => {
    try {
      services.quiz.feedPendingRounds();
    } catch (error) {
      logger.error({ err: error }, 'quiz rounds could not be fed into learning; retried after the next round or restart');
    }
  };

  const resumeOne = async (quizId: number): Promise<void> => {
    const step = services.quiz.resume(quizId);
    if (!step) return;
    if (step.kind === 'ended') {
      if (step.result) await announce({ ...step.result, final: step.final });
      else await send(step.final.channelId, renderFinal(step.final));
      return;
    }
    const target = step.kind === 'continue' ? step.question : step.kind === 'closed' ? step.result : step;
    if (!(step.kind === 'closed' && step.result.final)) await send(target.channelId, renderResumeNotice(target.locale));
    if (step.kind === 'continue') {
      acks.newRound(step.question.channelId, step.question.locale);
      scheduleRound(step.question, step.hintPending);
    }
    else if (step.kind === 'closed') await announce(step.result);
    else await openNext(quizId);
  };

  return {
    /** A quiz was started (its intro already posted): open round 1. */
    begin(view: QuizStartView): void {
      enqueue(view.quizId, () => openNext(view.quizId));
    },
    /** An answer closed a round: reveal it and carry on. */
    roundClosed(result: RoundResultView): void {
      enqueue(result.quizId, () => announce(result));
    },
    /** `/quiz stop` ended a quiz (the command posts the reveal and standings). */
    stopped(result: QuizStopResult): void {
      scheduler.cancelPrefix(timerKey(result.final.quizId));
      enqueue(result.final.quizId, async () => {
        feedLearning();
        if (result.round) await removeButtons(result.round);
      });
    },
    /** Picks up every quiz that was running when the bot stopped. */
    resumeAll(): void {
      feedLearning();
      for (const quizId of services.quiz.runningQuizIds()) enqueue(quizId, () => resumeOne(quizId));
    },
    /** Takes no new steps and waits for the ones in progress. */
    async stop(): Promise<void> {
      stopping = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
export type QuizRunner = ReturnType<typeof createQuizRunner>;
