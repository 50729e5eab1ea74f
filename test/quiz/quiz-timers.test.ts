import { afterEach, describe, expect, it } from 'vitest';
import { createQuizTimers } from '../../src/app/quiz/quiz-timers.ts';
import { manualClock } from '../helpers/temp-db.ts';

let scheduler: ReturnType<typeof createQuizTimers> | undefined;
afterEach(async () => {
  await scheduler?.stop();
});

function setup() {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const errors: unknown[] = [];
  scheduler = createQuizTimers({ clock, tickMs: 60_000, onError: (error) => errors.push(error) });
  const at = (ms: number) => new Date(clock.now().getTime() + ms);
  return { clock, errors, scheduler, at };
}

describe('the quiz timers', () => {
  it('runs a task once its time has come on the injected clock, never early and only once', async () => {
    const { clock, scheduler, at } = setup();
    const runs: string[] = [];
    scheduler.at('quiz:1:close', at(20_000), () => runs.push('close'));
    await scheduler.tick();
    clock.advance(19_999);
    await scheduler.tick();
    expect(runs).toEqual([]);
    clock.advance(1);
    await scheduler.tick();
    await scheduler.tick();
    expect(runs).toEqual(['close']);
  });

  it('replaces a task with the same key, runs due tasks in time order, and cancels by prefix', async () => {
    const { clock, scheduler, at } = setup();
    const runs: string[] = [];
    scheduler.at('quiz:1:close', at(5_000), () => runs.push('old close'));
    scheduler.at('quiz:1:close', at(20_000), () => runs.push('close'));
    scheduler.at('quiz:1:hint', at(10_000), () => runs.push('hint'));
    scheduler.at('quiz:2:close', at(1_000), () => runs.push('other quiz'));
    scheduler.cancelPrefix('quiz:2:');
    clock.advance(30_000);
    await scheduler.tick();
    expect(runs).toEqual(['hint', 'close']);
    expect(scheduler.pendingKeys()).toEqual([]);
  });

  it('fires on its own real timer when the clock is the real time, and keeps going after a failing task', async () => {
    const clock = { now: () => new Date() };
    const errors: unknown[] = [];
    scheduler = createQuizTimers({ clock, tickMs: 60_000, onError: (error) => errors.push(error) });
    const done = new Promise<string>((resolve) => {
      scheduler!.at('a', new Date(Date.now() + 20), () => { throw new Error('boom'); });
      scheduler!.at('b', new Date(Date.now() + 40), () => resolve('b ran'));
    });
    expect(await done).toBe('b ran');
    expect(errors).toHaveLength(1);
  });
});
