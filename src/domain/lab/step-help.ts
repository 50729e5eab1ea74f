import type { LabStep, LocalizedText } from './exercise.ts';

/*
 * The help a learner gets on one open step, in one place: hints one at a time (each more specific
 * than the last), and the Solution button, which opens after enough hints or enough failed checks.
 */

/** The Solution opens after this many hints (or every hint the step has, if fewer) … */
export const solutionAfterHints = 2;
/** … or after this many presses of Check that found the step not done. */
export const solutionAfterFailedChecks = 3;

/** What the learner has used on the open step so far. */
export type StepHelp = { readonly hintsSeen: number; readonly failedChecks: number };

/** Hints to read before the Solution opens on this step. */
export function hintsForSolution(step: Pick<LabStep, 'hints'>): number {
  return Math.min(solutionAfterHints, step.hints.length);
}

export function solutionUnlocked(step: Pick<LabStep, 'hints'>, help: StepHelp): boolean {
  return help.hintsSeen >= hintsForSolution(step) || help.failedChecks >= solutionAfterFailedChecks;
}

/** The hints shown so far, oldest first (at most every hint the step has). */
export function hintsShown(step: Pick<LabStep, 'hints'>, hintsSeen: number): readonly LocalizedText[] {
  return step.hints.slice(0, Math.max(0, hintsSeen));
}

/** `hintsSeen` after one more press of Hint: it stops growing at the last hint. */
export function afterHintPress(step: Pick<LabStep, 'hints'>, hintsSeen: number): number {
  return Math.min(step.hints.length, hintsSeen + 1);
}
