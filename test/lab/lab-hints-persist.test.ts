import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabService } from '../../src/app/lab/lab-service.ts';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import { createLabProgressRepository } from '../../src/db/lab/lab-repository.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { createFakeTestLab } from '../helpers/fake-lab.ts';
import { openTempDatabase } from '../helpers/temp-db.ts';

const guildId = '100000000000000001';
const minji = '600000000000000001';
const exercises = loadLabExercises(join(import.meta.dirname, '../../questions/labs'));
const clock = { now: () => new Date('2025-03-01T10:00:00Z') };
const noAnswers = { recordAnswerTx: () => ({ ok: true as const, xpAwarded: 0, card: null, streak: null }) };

// Hints read are part of the learner's progress: a bot restart does not take them back (nor the Solution they unlocked).
describe('lab hints on SQLite', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => { for (const cleanup of cleanups.splice(0).reverse()) await cleanup(); });

  const serviceOn = (db: ReturnType<typeof openDatabase>['db']) =>
    createLabService({ executor: createFakeTestLab({ now: clock.now }).executor, exercises, progress: createLabProgressRepository(db), answers: noAnswers, clock });

  it('keeps the hints read and the unlocked Solution across a restart, and starts the next step with none', async () => {
    const first = openTempDatabase();
    cleanups.push(first.cleanup);
    const before = serviceOn(first.db);
    before.start(guildId, minji, 'practice-5-nginx');
    before.hint(guildId, minji, 'practice-5-nginx');
    const step = exercises.find((e) => e.id === 'practice-5-nginx')!.steps[0]!;
    expect(before.hint(guildId, minji, 'practice-5-nginx')).toMatchObject({ hints: step.hints.slice(0, 2), solutionUnlocked: true });
    await first.close();

    const reopened = openDatabase(first.path);
    cleanups.push(() => reopened.close());
    const after = serviceOn(reopened.db);
    expect(after.solution(guildId, minji, 'practice-5-nginx')).toMatchObject({ type: 'solution', step: { id: step.id } });
    const restarted = await after.restart(guildId, minji, 'practice-5-nginx');
    expect(restarted).toMatchObject({ type: 'exercise', completedSteps: 0, hints: [], solutionUnlocked: false });
    expect(createLabProgressRepository(reopened.db).get(guildId, minji, 'practice-5-nginx')).toMatchObject({ hintsSeen: 0, failedChecks: 0 });
  });
});
