import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import { advanceExercise, portsToWatch } from '../../src/domain/lab/checks.ts';
import type { TestLab } from '../helpers/docker.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';
import { visitPage } from '../helpers/fetch-page.ts';

const instance = testInstance('exercises');
const exercises = loadLabExercises(join(import.meta.dirname, '../../questions/labs'));
let docker: Docker;
let lab: TestLab;

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  lab = createTestLab(docker, { instance, portMin: 21600 });
});

afterAll(async () => {
  if (docker) await cleanupInstance(docker, instance);
});

describe('every exercise can be completed by typing its solutions (and opening its pages) in a real lab', () => {
  it.each(exercises.map((exercise, index) => [exercise.id, exercise, index] as const))(
    '%s',
    async (_id, exercise, index) => {
      const learner = { guildId: '100000000000000001', userId: `50000000000000000${index}` };
      let completed = 0;
      const outputs: string[] = [];
      for (const step of exercise.steps) {
        if (step.check.kind === 'page-visited') {
          // What the learner does: open the address the bot gave in a browser; then a Check.
          const port = step.check.port;
          const published = (await lab.executor.status(learner)).containers.flatMap((c) => c.published).find((p) => p.virtualHostPort === port);
          expect((await visitPage(docker, published!.realHostPort)).status).toBe(200);
          const snapshot = await lab.executor.snapshot(learner, { watchPorts: portsToWatch(exercise, completed) });
          completed = advanceExercise(exercise, completed, snapshot).completedSteps;
        }
        for (const command of step.solution) {
          const result = await lab.executor.run(learner, command);
          if (result.status !== 'done') throw new Error(`${exercise.id}/${step.id}: ${command} → ${JSON.stringify(result)}`);
          outputs.push(...result.stderr);
          // What the app does after each /lab run: check against the learner's real state.
          const snapshot = await lab.executor.snapshot(learner, { watchPorts: portsToWatch(exercise, completed), lastCommand: result.canonical });
          completed = advanceExercise(exercise, completed, snapshot).completedSteps;
        }
        expect(completed, `${exercise.id}: step ${step.id} should be complete`).toBeGreaterThan(exercise.steps.indexOf(step));
      }
      expect(completed).toBe(exercise.steps.length);
      if (exercise.id === 'practice-6-remove-image') {
        expect(outputs).toContainEqual(expect.stringMatching(/conflict: unable to remove repository reference "httpd" \(must force\)/));
      }
      expect((await lab.executor.status(learner)).containers).toEqual([]);
    },
    120_000,
  );
});
