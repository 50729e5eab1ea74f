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
      // The server runs, but nobody opened the page yet: the visit step stays open and says where to go.
      expect(view.progress).toMatchObject({ completedSteps: 1, xpAwarded: 5, finished: false });
      const published = view.result.status === 'done' ? view.result.published[0]! : undefined;
      expect(view.progress?.failure).toEqual({ code: 'page-not-visited', port: 8080, name: 'apa02', url: published?.url });
    }

    for (const [index, userId] of [minji, alex].entries()) {
      // The learner opens the address the bot gave; the request lands in that container's access log.
      expect(driver.visit(runs[index]!.result.status === 'done' ? runs[index]!.result.published[0]!.realHostPort : 0)).toBe(200);
      const ps = await run(userId, 'docker ps');
      expect(ps.progress?.newlyCompleted.map((s) => s.id)).toEqual(['open-page', 'list-running']);
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

  it('does not count a visit to the page of another learner, or a request for something else', async () => {
    service.start(guildId, minji, 'practice-5-nginx');
    service.start(guildId, alex, 'practice-5-nginx');
    const mine = await run(minji, 'docker run --name nginx01 -d -p 8084:80 nginx');
    const theirs = await run(alex, 'docker run --name nginx01 -d -p 8084:80 nginx');
    const port = (view: typeof mine) => (view.result.status === 'done' ? view.result.published[0]!.realHostPort : 0);
    await run(minji, 'docker ps');
    driver.visit(port(theirs));
    expect(driver.visit(port(mine), '/favicon.ico')).toBe(404);
    const check = await service.check(guildId, minji, 'practice-5-nginx');
    expect(check).toMatchObject({ type: 'progress', completedSteps: 2, failure: { code: 'page-not-visited', name: 'nginx01' } });
    driver.visit(port(mine));
    expect(await service.check(guildId, minji, 'practice-5-nginx')).toMatchObject({ type: 'progress', completedSteps: 3, newlyCompleted: [{ id: 'open-page' }] });
    await service.restart(guildId, minji, 'practice-5-nginx');
    await service.restart(guildId, alex, 'practice-5-nginx');
  });

  it('gives hints one at a time, each press one more, and opens the Solution after two hints', async () => {
    const started = service.start(guildId, minji, 'practice-5-nginx');
    const step = exercises.find((e) => e.id === 'practice-5-nginx')!.steps[0]!;
    expect(started).toMatchObject({ hints: [], solutionRule: { hints: 2, failedChecks: 3 }, solutionUnlocked: false });
    expect(service.solution(guildId, minji, 'practice-5-nginx')).toEqual({ type: 'solution-locked', hintsLeft: 2, checksLeft: 3 });
    expect(service.hint(guildId, minji, 'practice-5-nginx')).toMatchObject({ hints: [step.hints[0]], solutionUnlocked: false });
    expect(service.solution(guildId, minji, 'practice-5-nginx')).toEqual({ type: 'solution-locked', hintsLeft: 1, checksLeft: 3 });
    expect(service.hint(guildId, minji, 'practice-5-nginx')).toMatchObject({ hints: [step.hints[0], step.hints[1]], solutionUnlocked: true });
    // Pressing again after the last hint adds nothing new.
    expect(service.hint(guildId, minji, 'practice-5-nginx')).toMatchObject({ hints: step.hints });
    expect(service.solution(guildId, minji, 'practice-5-nginx')).toMatchObject({ type: 'solution', step: { id: 'run-nginx01' } });
    // The next step starts with no hints read and the Solution locked again.
    const next = await run(minji, 'docker run --name nginx01 -d -p 8084:80 nginx');
    expect(next.progress).toMatchObject({ completedSteps: 1, hints: [], solutionUnlocked: false });
    await service.restart(guildId, minji, 'practice-5-nginx');
  });

  it('counts failed Check presses, shows why, and unlocks the Solution after three', async () => {
    service.start(guildId, alex, 'practice-5-nginx');
    expect(service.solution(guildId, alex, 'practice-5-nginx')).toEqual({ type: 'solution-locked', hintsLeft: 2, checksLeft: 3 });
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
