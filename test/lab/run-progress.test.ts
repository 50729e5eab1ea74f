import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLabService } from '../../src/app/lab/lab-service.ts';
import type { LabStepAnswer } from '../../src/app/learning/learning-service.ts';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import { renderRun } from '../../src/discord/lab/render-lab.ts';
import { createFakeTestLab } from '../helpers/fake-lab.ts';
import { createInMemoryLabProgressStore } from './in-memory-progress-store.ts';

const clock = { now: () => new Date('2025-03-01T10:00:00Z') };
const exercises = loadLabExercises(join(import.meta.dirname, '../../questions/labs'));

function labService() {
  const { executor } = createFakeTestLab({ now: clock.now });
  return createLabService({
    executor, exercises, progress: createInMemoryLabProgressStore(), clock,
    answers: { recordAnswerTx: (answer) => ({ ok: true, xpAwarded: (answer as LabStepAnswer).xpPerStep, card: null, streak: null }) },
  });
}

describe('/lab run says where the learner stands after every command', () => {
  it('explains why a command did not finish the step (a different container name), without giving the command', async () => {
    const service = labService();
    service.start('100000000000000001', '600000000000000009', 'practice-5-nginx');
    const view = await service.run('100000000000000001', '600000000000000009', 'docker run --name ngx01 -d -p 8084:80 nginx');
    if (view.type !== 'run') throw new Error(JSON.stringify(view));
    const ko = renderRun(view, 'ko').content;
    expect(ko).toMatch(/⏳ 단계 0\/\d+까지 완료\. 지금 단계는 아직이에요: .*nginx01/);
    expect(ko).not.toContain('docker run --name nginx01');
    const en = renderRun(view, 'en').content;
    expect(en).toMatch(/⏳ 0\/\d+ steps done\. The current step is not yet: /);
  });

  it('says only that the command did not finish a step that waits for a command', async () => {
    const service = labService();
    service.start('100000000000000001', '600000000000000008', 'container-lifecycle');
    const view = await service.run('100000000000000001', '600000000000000008', 'docker ps');
    if (view.type !== 'run') throw new Error(JSON.stringify(view));
    const ko = renderRun(view, 'ko').content;
    expect(ko).toContain('이 명령으로는 지금 단계가 끝나지 않아요');
    expect(ko).not.toContain('docker --version');
  });
});
