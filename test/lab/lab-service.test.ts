import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabService } from '../../src/app/lab/lab-service.ts';
import { createLabService } from '../../src/app/lab/lab-service.ts';
import type { LabStepAnswer } from '../../src/app/learning/learning-service.ts';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import type { FakeLabDriver } from '../../src/lab/testing/fake-lab-driver.ts';
import { createFakeTestLab } from '../helpers/fake-lab.ts';
import { createInMemoryLabProgressStore } from './in-memory-progress-store.ts';

const guildId = '100000000000000001';
const minji = '600000000000000001';
const alex = '600000000000000002';
const exercises = loadLabExercises(join(import.meta.dirname, '../../questions/labs'));
const clock = { now: () => new Date('2025-03-01T10:00:00Z') };
let driver: FakeLabDriver;
let service: LabService;
const awards: LabStepAnswer[] = [];

// The service's rules (steps, XP, hints, solutions, restarts) on the in-memory driver; the same
// exercises run against the real engine in engine-exercises.test.ts and test/e2e/lab.test.ts.
beforeAll(() => {
  const lab = createFakeTestLab({ now: clock.now });
  driver = lab.driver;
  const { executor } = lab;
  service = createLabService({
    executor,
    exercises,
    progress: createInMemoryLabProgressStore(),
    answers: { recordAnswerTx: (answer) => (awards.push(answer as LabStepAnswer), { ok: true, xpAwarded: (answer as LabStepAnswer).xpPerStep, card: null, streak: null }) },
    clock,
  });
});

async function run(userId: string, command: string) {
  const view = await service.run(guildId, userId, command);
  if (view.type !== 'run' || view.result.status !== 'done') throw new Error(`${command}: ${JSON.stringify(view)}`);
  return view;
}

describe('the /lab app service', () => {
  it('lets two learners complete practice 3 side by side, each on their own port 8080, with XP per step', async () => {
    for (const userId of [minji, alex]) expect(service.start(guildId, userId, 'practice-3-apache')).toMatchObject({ type: 'exercise', completedSteps: 0 });

    const runs = await Promise.all([minji, alex].map((userId) => run(userId, 'docker run --name apa02 -d -p 8080:80 httpd')));
    const urls = runs.map((view) => view.result.status === 'done' && view.result.published[0]!);
    expect(new Set(urls.map((p) => p && p.realHostPort)).size).toBe(2);
    for (const view of runs) {
      expect(view.progress).toMatchObject({ completedSteps: 2, xpAwarded: 10, finished: false });
      expect(view.progress?.newlyCompleted.map((s) => s.id)).toEqual(['run-apa02', 'open-page']);
      const port = view.result.status === 'done' ? view.result.published[0]!.realHostPort : 0;
      expect((await driver.probePage(port)).body).toContain('It works!');
    }

    for (const userId of [minji, alex]) {
      const ps = await run(userId, 'docker ps');
      expect(ps.result.status === 'done' && ps.result.stdout.filter((line) => line.endsWith('apa02'))).toHaveLength(1);
      await run(userId, 'docker stop apa02');
      await run(userId, 'docker rm apa02');
      const last = await run(userId, 'docker ps -a');
      expect(last.progress).toMatchObject({ finished: true, completedSteps: 6 });
    }
    expect(awards.filter((a) => a.userId === minji).map((a) => a.ref)).toEqual(exercises.find((e) => e.id === 'practice-3-apache')!.steps.map((s) => `practice-3-apache.${s.id}`));
    expect(awards.every((a) => a.source === 'lab' && a.xpPerStep === 5)).toBe(true);
  });

  it('practice 6: image rm fails while the container exists and succeeds after rm', async () => {
    service.start(guildId, minji, 'practice-6-remove-image');
    await run(minji, 'docker run --name apa06 -d -p 8085:80 httpd');
    const refused = await run(minji, 'docker image rm httpd');
    expect(refused.result.status === 'done' && refused.result.stderr[0]).toMatch(/conflict: unable to remove repository reference "httpd"/);
    expect(refused.progress?.completedSteps).toBe(2);
    await run(minji, 'docker rm -f apa06');
    await run(minji, 'docker ps -a');
    await run(minji, 'docker image ls');
    const removed = await run(minji, 'docker image rm httpd');
    expect(removed.result.status === 'done' && removed.result.stdout[0]).toBe('Untagged: httpd:latest');
    expect(removed.progress).toMatchObject({ finished: true });
  });

  it('counts failed Check presses, shows why, and unlocks the Solution after three', async () => {
    service.start(guildId, alex, 'practice-5-nginx');
    expect(service.solution(guildId, alex, 'practice-5-nginx')).toEqual({ type: 'solution-locked', remaining: 3 });
    for (let i = 1; i <= 3; i++) {
      const check = await service.check(guildId, alex, 'practice-5-nginx');
      expect(check).toMatchObject({ type: 'progress', failedChecks: i, failure: { code: 'container-missing', name: 'nginx01' }, explicit: true });
    }
    const solution = service.solution(guildId, alex, 'practice-5-nginx');
    expect(solution).toMatchObject({ type: 'solution', step: { id: 'run-nginx01', solution: ['docker run --name nginx01 -d -p 8084:80 nginx'] } });
    const done = await run(alex, 'docker run --name nginx01 -d -p 8084:80 nginx');
    expect(done.progress).toMatchObject({ completedSteps: 1, failedChecks: 0 });
  });

  it('refuses a button of an exercise that is no longer the active one', async () => {
    expect(await service.check(guildId, alex, 'practice-3-apache')).toEqual({ type: 'stale', exerciseId: 'practice-3-apache' });
    expect(service.hint(guildId, alex, 'container-lifecycle')).toEqual({ type: 'stale', exerciseId: 'container-lifecycle' });
  });

  it('restarts an exercise on a clean lab without paying its XP twice', async () => {
    const before = awards.length;
    const restarted = await service.restart(guildId, alex, 'practice-5-nginx');
    expect(restarted).toMatchObject({ type: 'exercise', completedSteps: 0 });
    expect((await service.status(guildId, alex))).toMatchObject({ type: 'status', lab: { containers: [], images: [] } });
    await run(alex, 'docker run --name nginx01 -d -p 8084:80 nginx');
    expect(awards.length).toBe(before);
  });

  it('says labs are unavailable when no engine is configured, without touching anything', async () => {
    const offline = createLabService({ executor: undefined, exercises, progress: createInMemoryLabProgressStore(), answers: { recordAnswerTx: () => ({ ok: true, xpAwarded: 0, card: null, streak: null }) }, clock });
    expect(offline.available).toBe(false);
    expect(await offline.run(guildId, minji, 'docker ps')).toEqual({ type: 'unavailable' });
    expect(offline.start(guildId, minji, 'practice-3-apache')).toEqual({ type: 'unavailable' });
    expect(offline.list(guildId, minji).exercises).toHaveLength(exercises.length);
  });
});
