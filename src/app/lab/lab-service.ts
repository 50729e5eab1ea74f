import { findExercise } from '../../domain/lab/find-exercise.ts';
import type { Clock } from '../../domain/clock.ts';
import type { ExerciseProgress, StepFailure } from '../../domain/lab/checks.ts';
import { advanceExercise, portsToWatch } from '../../domain/lab/checks.ts';
import type { LabExercise, LabSnapshot, LabStep } from '../../domain/lab/exercise.ts';
import { LabEngineUnavailableError } from '../../lab/lab-driver.ts';
import type { LabDenial, LabRunResult, LabStatus } from '../../domain/lab/lab-results.ts';
import type { LabExecutor } from './lab-executor.ts';
import type { LabProgressRecord, LabProgressStore } from './lab-progress-store.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { afterHintPress, hintsForSolution, hintsShown, solutionAfterFailedChecks, solutionUnlocked } from '../../domain/lab/step-help.ts';
import type { LocalizedText } from '../../domain/lab/exercise.ts';

export type LabServiceDeps = {
  /** Undefined when no Docker engine is configured or reachable: /lab says so, the rest of the bot works. */
  readonly executor: LabExecutor | undefined;
  readonly exercises: readonly LabExercise[];
  readonly progress: LabProgressStore;
  /** The answer pipeline (`LearningService.recordAnswerTx`): a completed step is recorded like any graded answer. */
  readonly answers: Pick<LearningService, 'recordAnswerTx'>;
  readonly clock: Clock;
};

export type LabUnavailable = { readonly type: 'unavailable' };
export type ExerciseSummary = { readonly exercise: LabExercise; readonly completedSteps: number; readonly finished: boolean };

/**
 * An exercise as the learner sees it: which step is open, the hints read on it so far, and when
 * its Solution opens (the rule is `domain/lab/step-help.ts`).
 */
export type ExerciseScreen = {
  readonly type: 'exercise';
  readonly exercise: LabExercise;
  readonly completedSteps: number;
  readonly failedChecks: number;
  /** Hints of the open step read so far, oldest first. */
  readonly hints: readonly LocalizedText[];
  /** What opens the Solution of the open step: this many hints, or this many failed checks. */
  readonly solutionRule: { readonly hints: number; readonly failedChecks: number };
  readonly solutionUnlocked: boolean;
  readonly finished: boolean;
  readonly currentStep: LabStep | undefined;
};

/** What a check (after a run, or the Check button) changed. */
export type ProgressUpdate = Omit<ExerciseScreen, 'type'> & {
  readonly type: 'progress';
  readonly newlyCompleted: readonly LabStep[];
  readonly xpAwarded: number;
  /** Why the open step did not pass (shown with its hint after the Check button). */
  readonly failure: StepFailure | undefined;
  /** True for the Check button, false for the automatic check after `/lab run`. */
  readonly explicit: boolean;
};

export type LabRunView = { readonly type: 'run'; readonly input: string; readonly result: LabRunResult; readonly progress: ProgressUpdate | undefined };
export type StaleExercise = { readonly type: 'stale'; readonly exerciseId: string };
export type NoExercise = { readonly type: 'no-exercise' };
export type UnknownExercise = { readonly type: 'unknown-exercise'; readonly exerciseId: string };

/**
 * `/lab`: exercises, commands run against the learner's real containers, checks, hints one at a
 * time, the Solution once the step-help rule allows, XP per completed step, status and reset. Every method
 * returns a view or a result union; nothing here knows about Discord.
 */
export function createLabService(deps: LabServiceDeps) {
  const { executor, exercises, progress, clock } = deps;
  const byId = new Map(exercises.map((e) => [e.id, e]));
  function record(guildId: string, userId: string, exerciseId: string): LabProgressRecord {
    const now = clock.now();
    return progress.get(guildId, userId, exerciseId) ?? { exerciseId, completedSteps: 0, bestSteps: 0, failedChecks: 0, hintsSeen: 0, startedAt: now, updatedAt: now, finishedAt: undefined };
  }

  function screen(exercise: LabExercise, r: LabProgressRecord): ExerciseScreen {
    const step = exercise.steps[r.completedSteps];
    const seen = r.hintsSeen;
    const help = { hintsSeen: seen, failedChecks: r.failedChecks };
    return {
      type: 'exercise',
      exercise,
      completedSteps: r.completedSteps,
      failedChecks: r.failedChecks,
      hints: step ? hintsShown(step, seen) : [],
      solutionRule: { hints: step ? hintsForSolution(step) : 0, failedChecks: solutionAfterFailedChecks },
      solutionUnlocked: step !== undefined && solutionUnlocked(step, help),
      finished: r.completedSteps >= exercise.steps.length,
      currentStep: step,
    };
  }

  /** The learner's active exercise, if the click or command is about it. */
  function activeExercise(guildId: string, userId: string, expectedId?: string): LabExercise | StaleExercise | NoExercise {
    const activeId = progress.activeExercise(guildId, userId);
    if (expectedId !== undefined && activeId !== expectedId) return { type: 'stale', exerciseId: expectedId };
    const exercise = activeId ? byId.get(activeId) : undefined;
    return exercise ?? { type: 'no-exercise' };
  }

  /** Checks the learner's real lab and stores the outcome with its XP in one transaction. */
  async function evaluate(guildId: string, userId: string, exercise: LabExercise, lastCommand: string | undefined, explicit: boolean, taken?: LabSnapshot): Promise<ProgressUpdate> {
    const before = record(guildId, userId, exercise.id);
    const snapshot = taken ?? await executor!.snapshot({ guildId, userId }, { watchPorts: portsToWatch(exercise, before.completedSteps), lastCommand });
    return progress.transaction(() => {
      const now = clock.now();
      const current = record(guildId, userId, exercise.id);
      const outcome: ExerciseProgress = advanceExercise(exercise, current.completedSteps, snapshot);
      let xpAwarded = 0;
      for (let index = current.completedSteps; index < outcome.completedSteps; index++) {
        if (index < current.bestSteps) continue;
        const step = { guildId, userId, source: 'lab' as const, ref: `${exercise.id}.${exercise.steps[index]!.id}`, xpPerStep: exercise.xpPerStep };
        const recorded = deps.answers.recordAnswerTx(step, now);
        if (recorded.ok) xpAwarded += recorded.xpAwarded;
      }
      const advanced = outcome.completedSteps > current.completedSteps;
      const failedChecks = advanced ? 0 : current.failedChecks + (explicit && outcome.blocked ? 1 : 0);
      const next: LabProgressRecord = {
        ...current,
        completedSteps: outcome.completedSteps,
        bestSteps: Math.max(current.bestSteps, outcome.completedSteps),
        failedChecks,
        hintsSeen: advanced ? 0 : current.hintsSeen, // the next step starts with none read
        updatedAt: now,
        finishedAt: outcome.finished ? (current.finishedAt ?? now) : current.finishedAt,
      };
      progress.save(guildId, userId, next);
      return {
        ...screen(exercise, next),
        type: 'progress' as const,
        newlyCompleted: outcome.newlyCompleted.map((id) => exercise.steps.find((s) => s.id === id)!),
        xpAwarded,
        failure: outcome.blocked?.failure,
        explicit,
      };
    });
  }

  return {
    /** False when labs are not configured here; the Discord layer says so. */
    available: executor !== undefined,

    list(guildId: string, userId: string): { type: 'list'; exercises: ExerciseSummary[]; activeId: string | undefined } {
      const records = new Map(progress.list(guildId, userId).map((r) => [r.exerciseId, r]));
      return {
        type: 'list',
        activeId: progress.activeExercise(guildId, userId),
        exercises: exercises.map((exercise) => {
          const r = records.get(exercise.id);
          return { exercise, completedSteps: r?.completedSteps ?? 0, finished: r?.finishedAt !== undefined };
        }),
      };
    },

    /** Exercise ids and localized titles for autocomplete. */
    search(typed: string, locale: 'ko' | 'en'): { id: string; title: string }[] {
      const needle = typed.trim().toLowerCase();
      return exercises
        .filter((e) => needle === '' || e.id.includes(needle) || e.title[locale].toLowerCase().includes(needle))
        .slice(0, 25)
        .map((e) => ({ id: e.id, title: e.title[locale] }));
    },

    start(guildId: string, userId: string, exerciseId: string): ExerciseScreen | UnknownExercise | LabUnavailable {
      if (!executor) return { type: 'unavailable' };
      const exercise = findExercise(exercises, exerciseId);
      if (!exercise) return { type: 'unknown-exercise', exerciseId };
      return progress.transaction(() => {
        let r = record(guildId, userId, exercise.id);
        // Starting a finished exercise again starts it over (XP was already paid for its steps).
        if (r.completedSteps >= exercise.steps.length) {
          r = { ...r, completedSteps: 0, failedChecks: 0, hintsSeen: 0, updatedAt: clock.now() };
        }
        progress.save(guildId, userId, r);
        progress.setActiveExercise(guildId, userId, exercise.id);
        return screen(exercise, r);
      });
    },

    async run(guildId: string, userId: string, input: string): Promise<LabRunView | LabUnavailable> {
      if (!executor) return { type: 'unavailable' };
      const exercise = activeExercise(guildId, userId);
      const completed = 'steps' in exercise ? record(guildId, userId, exercise.id).completedSteps : 0;
      const checkable = 'steps' in exercise && completed < exercise.steps.length;
      // The state for the check comes back with the command (one listing of the learner's containers when it changed none).
      const { snapshot, ...result } = await executor.run({ guildId, userId }, input, checkable ? { watchPorts: portsToWatch(exercise, completed) } : undefined);
      // The command already ran; if the engine vanished right after, the check simply waits for next time.
      const update = checkable && result.status === 'done'
        ? await evaluate(guildId, userId, exercise, result.canonical, false, snapshot).catch(unlessEngineGone(undefined))
        : undefined;
      return { type: 'run', input, result, progress: update };
    },

    async check(guildId: string, userId: string, exerciseId: string): Promise<ProgressUpdate | StaleExercise | NoExercise | LabUnavailable> {
      if (!executor) return { type: 'unavailable' };
      const exercise = activeExercise(guildId, userId, exerciseId);
      if (!('steps' in exercise)) return exercise;
      return evaluate(guildId, userId, exercise, undefined, true).catch(unlessEngineGone<LabUnavailable>({ type: 'unavailable' }));
    },

    /** The Hint button: one more hint of the open step (the last one stays once all are read). */
    hint(guildId: string, userId: string, exerciseId: string): ExerciseScreen | StaleExercise | NoExercise {
      const exercise = activeExercise(guildId, userId, exerciseId);
      if (!('steps' in exercise)) return exercise;
      const r = record(guildId, userId, exercise.id);
      const step = exercise.steps[r.completedSteps];
      if (!step) return screen(exercise, r);
      const next = { ...r, hintsSeen: afterHintPress(step, r.hintsSeen) };
      if (next.hintsSeen !== r.hintsSeen) progress.save(guildId, userId, next);
      return screen(exercise, next);
    },


    /** The Solution button: the open step's commands once the rule allows, else what is still missing. */
    solution(guildId: string, userId: string, exerciseId: string):
      | { type: 'solution'; step: LabStep; screen: ExerciseScreen }
      | { type: 'solution-locked'; hintsLeft: number; checksLeft: number }
      | ExerciseScreen | StaleExercise | NoExercise {
      const exercise = activeExercise(guildId, userId, exerciseId);
      if (!('steps' in exercise)) return exercise;
      const r = record(guildId, userId, exercise.id);
      const view = screen(exercise, r);
      if (!view.currentStep) return view;
      if (!view.solutionUnlocked) {
        return { type: 'solution-locked', hintsLeft: view.solutionRule.hints - view.hints.length, checksLeft: view.solutionRule.failedChecks - view.failedChecks };
      }
      return { type: 'solution', step: view.currentStep, screen: view };
    },

    /** The Reset button: a clean lab and the exercise from its first step. */
    async restart(guildId: string, userId: string, exerciseId: string): Promise<ExerciseScreen | StaleExercise | NoExercise | LabUnavailable | { type: 'denied'; denial: LabDenial }> {
      if (!executor) return { type: 'unavailable' };
      const exercise = activeExercise(guildId, userId, exerciseId);
      if (!('steps' in exercise)) return exercise;
      const cleaned = await executor.reset({ guildId, userId });
      if ('denied' in cleaned) return { type: 'denied', denial: cleaned.denied };
      return progress.transaction(() => {
        const r = { ...record(guildId, userId, exercise.id), completedSteps: 0, failedChecks: 0, hintsSeen: 0, updatedAt: clock.now() };
        progress.save(guildId, userId, r);
        return screen(exercise, r);
      });
    },

    /** `/lab reset`: removes every container and image of the learner; exercise progress stays. */
    async reset(guildId: string, userId: string): Promise<{ type: 'reset'; removedContainers: number; removedImages: number } | { type: 'denied'; denial: LabDenial } | LabUnavailable> {
      if (!executor) return { type: 'unavailable' };
      const cleaned = await executor.reset({ guildId, userId });
      return 'denied' in cleaned ? { type: 'denied', denial: cleaned.denied } : { type: 'reset', ...cleaned };
    },

    async status(guildId: string, userId: string): Promise<{ type: 'status'; lab: LabStatus; active: ExerciseScreen | undefined } | LabUnavailable> {
      if (!executor) return { type: 'unavailable' };
      const lab = await executor.status({ guildId, userId }).catch(unlessEngineGone(undefined));
      if (!lab) return { type: 'unavailable' };
      const exercise = activeExercise(guildId, userId);
      const r = 'steps' in exercise ? record(guildId, userId, exercise.id) : undefined;
      return { type: 'status', lab, active: 'steps' in exercise && r ? screen(exercise, r) : undefined };
    },
  };
}

export type LabService = ReturnType<typeof createLabService>;

/** Turns "the engine is unreachable" into `fallback`; every other error keeps propagating. */
function unlessEngineGone<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof LabEngineUnavailableError) return fallback;
    throw error;
  };
}
