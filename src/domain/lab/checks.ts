import { openedThePage } from './access-log.ts';
import type { LabContainerState } from './cli-output.ts';
import { canonicalCommand } from './canonical.ts';
import type { LabExercise, LabSnapshot, StepCheck } from './exercise.ts';
import { parseDockerCommand } from './parse-command.ts';
import { checkImage } from './values.ts';

/** Why a step is not done yet; the app turns it into a localized sentence next to the hint. */
export type StepFailure =
  | { readonly code: 'container-missing'; readonly name: string }
  | { readonly code: 'container-not-running'; readonly name: string; readonly state: LabContainerState }
  | { readonly code: 'container-not-created'; readonly name: string; readonly state: LabContainerState }
  | { readonly code: 'container-running'; readonly name: string }
  | { readonly code: 'wrong-image'; readonly name: string; readonly expected: string; readonly actual: string }
  | { readonly code: 'port-missing'; readonly name: string; readonly port: number }
  | { readonly code: 'container-still-exists'; readonly name: string }
  | { readonly code: 'containers-remain'; readonly count: number }
  | { readonly code: 'page-not-served'; readonly port: number }
  | { readonly code: 'page-not-visited'; readonly port: number; readonly name: string; readonly url: string }
  | { readonly code: 'image-missing'; readonly image: string }
  | { readonly code: 'image-still-present'; readonly image: string }
  | { readonly code: 'not-run-yet'; readonly command: string };

export type StepResult = { readonly passed: true } | { readonly passed: false; readonly failure: StepFailure };

const pass: StepResult = { passed: true };
const fail = (failure: StepFailure): StepResult => ({ passed: false, failure });

/** Normalizes an exercise's image (`httpd` → `httpd:latest`) the same way the parser does. */
function imageRef(text: string): string {
  const checked = checkImage(text);
  return checked.ok ? checked.value.ref : text;
}

/** Canonical form of an exercise's expected command; the content loader guarantees it parses. */
export function expectedCommand(command: string): string {
  const parsed = parseDockerCommand(command, {});
  return parsed.ok ? canonicalCommand(parsed.command) : command;
}

/** Evaluates one step's check against the learner's snapshot. Pure. */
export function checkStep(check: StepCheck, snapshot: LabSnapshot): StepResult {
  const container = 'name' in check ? snapshot.containers.find((c) => c.name === check.name) : undefined;
  switch (check.kind) {
    case 'container-running':
    case 'container-created': {
      if (!container) return fail({ code: 'container-missing', name: check.name });
      const wanted = check.kind === 'container-running' ? 'running' : 'created';
      if (container.state !== wanted) {
        const code = wanted === 'running' ? 'container-not-running' : 'container-not-created';
        return fail({ code, name: check.name, state: container.state });
      }
      if (check.image && container.image !== imageRef(check.image)) {
        return fail({ code: 'wrong-image', name: check.name, expected: imageRef(check.image), actual: container.image });
      }
      if (check.kind === 'container-running' && check.port !== undefined && !container.ports.some((p) => p.virtualHostPort === check.port)) {
        return fail({ code: 'port-missing', name: check.name, port: check.port });
      }
      return pass;
    }
    case 'container-stopped':
      if (!container) return fail({ code: 'container-missing', name: check.name });
      return container.state === 'running' || container.state === 'restarting' || container.state === 'paused'
        ? fail({ code: 'container-running', name: check.name })
        : pass;
    case 'container-absent':
      return container ? fail({ code: 'container-still-exists', name: check.name }) : pass;
    case 'no-containers':
      return snapshot.containers.length === 0 ? pass : fail({ code: 'containers-remain', count: snapshot.containers.length });
    case 'page-visited': {
      const server = snapshot.visits.find((v) => v.virtualHostPort === check.port)?.server;
      if (!server) return fail({ code: 'page-not-served', port: check.port });
      return server.requests.some(openedThePage) ? pass : fail({ code: 'page-not-visited', port: check.port, name: server.name, url: server.url });
    }
    case 'image-present':
      return snapshot.images.includes(imageRef(check.image)) ? pass : fail({ code: 'image-missing', image: imageRef(check.image) });
    case 'image-absent':
      return snapshot.images.includes(imageRef(check.image))
        ? fail({ code: 'image-still-present', image: imageRef(check.image) })
        : pass;
    case 'ran':
      return snapshot.lastCommand === expectedCommand(check.command) ? pass : fail({ code: 'not-run-yet', command: check.command });
  }
}

export type ExerciseProgress = {
  /** Steps done, counted from the start (steps complete in order). */
  readonly completedSteps: number;
  /** Ids of the steps this check completed, in order (each is worth `xpPerStep`). */
  readonly newlyCompleted: readonly string[];
  readonly finished: boolean;
  /** The first step still open and why, when not finished. */
  readonly blocked: { readonly stepId: string; readonly failure: StepFailure } | undefined;
};

/**
 * Completes as many steps as the snapshot allows, starting after `completedSteps` and stopping
 * at the first step that does not pass. Earlier steps are never re-checked, so undoing them later
 * (stopping the server after the page was seen) is what the exercise asks for, not a regression.
 */
export function advanceExercise(exercise: LabExercise, completedSteps: number, snapshot: LabSnapshot): ExerciseProgress {
  const newlyCompleted: string[] = [];
  let done = Math.max(0, Math.min(completedSteps, exercise.steps.length));
  while (done < exercise.steps.length) {
    const step = exercise.steps[done]!;
    const result = checkStep(step.check, snapshot);
    if (!result.passed) return { completedSteps: done, newlyCompleted, finished: false, blocked: { stepId: step.id, failure: result.failure } };
    newlyCompleted.push(step.id);
    done++;
  }
  return { completedSteps: done, newlyCompleted, finished: true, blocked: undefined };
}

/** Virtual ports whose visits the remaining steps look at: the only ones worth reading a log for. */
export function portsToWatch(exercise: LabExercise, completedSteps: number): number[] {
  const ports = exercise.steps
    .slice(completedSteps)
    .flatMap((step) => (step.check.kind === 'page-visited' ? [step.check.port] : []));
  return [...new Set(ports)];
}
