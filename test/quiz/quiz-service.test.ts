import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/app/user-error.ts';
import { openTestServices } from '../helpers/temp-db.ts';
import { loadQuizFixture } from './fixtures/content.ts';

const guildId = '100000000000000001';
const channelId = '300000000000000001';
const starter = '200000000000000001';
const user = (n: number) => `2100000000000000${String(n).padStart(2, '0')}`;

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const opened = openTestServices(loadQuizFixture());
  cleanup = opened.cleanup;
  return opened;
}

const startInput = { guildId, channelId, starterId: starter, locale: 'ko' as const, deckId: 'quizfix', rounds: 5, seconds: 20 };

/** Opens rounds until one of the given style is open (the plan order is random). */
function openUntil(services: ReturnType<typeof setup>['services'], quizId: number, style: 'typed' | 'buttons') {
  for (;;) {
    const opened = services.quiz.openNextRound(quizId);
    if (!opened || opened.kind !== 'question') throw new Error('no such round');
    if (opened.view.style === style) return opened.view;
    services.quiz.closeRound(quizId, opened.view.roundIndex);
  }
}

describe('quiz service', () => {
  it('closes a race round exactly once when 50 members answer right in the same moment, and feeds learning once', () => {
    const { services, database, content, clock } = setup();
    const { quizId } = services.quiz.start({ ...startInput, mode: 'race' });
    const view = openUntil(services, quizId, 'typed');
    const item = content.items.get(view.question.itemId)!;
    const answer = item.kind === 'term' ? item.term.ko : item.kind === 'command' ? item.answer : '';
    clock.advance(3_000);
    const results = Array.from({ length: 50 }, (_, i) => services.quiz.submitTyped({ channelId, userId: user(i), text: answer, messageId: `9${i}` }));
    expect(results.filter((r) => r.kind === 'recorded')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'recorded' && r.closed !== null)).toHaveLength(1);
    expect(services.quiz.closeRound(quizId, view.roundIndex)).toBeNull();
    expect(database.sqlite.prepare('select count(*) as n from review_logs').get()).toEqual({ n: 0 });
    expect(services.quiz.feedPendingRounds()).toBe(1);
    expect(services.quiz.feedPendingRounds()).toBe(0);
    const logs = database.sqlite.prepare("select user_id, mode, outcome from review_logs where item_id = ?").all(view.question.itemId);
    expect(logs).toEqual([{ user_id: user(0), mode: 'quiz', outcome: 'correct' }]);
    const xp = database.sqlite.prepare('select user_id, amount, ref from xp_events order by id').all();
    expect(xp).toEqual([
      { user_id: user(0), amount: 10, ref: `quiz:${quizId}:${view.roundIndex}` },
      { user_id: user(0), amount: 20, ref: `quiz:${quizId}:${view.roundIndex}:win` },
    ]);
  });

  it('refuses a second quiz in the same channel and lets only the starter or a manager stop it', () => {
    const { services } = setup();
    services.quiz.start({ ...startInput, mode: 'everyone' });
    expect(() => services.quiz.start({ ...startInput, mode: 'race', starterId: user(1) })).toThrow(expect.objectContaining({ code: 'quiz.error.alreadyRunning' }));
    expect(() => services.quiz.stop({ channelId, userId: user(1), canManageGuild: false })).toThrow(UserError);
    const stopped = services.quiz.stop({ channelId, userId: user(2), canManageGuild: true });
    expect(stopped.final.reason).toBe('stopped');
    expect(services.quiz.isQuizChannel(channelId)).toBe(false);
    expect(services.quiz.start({ ...startInput, mode: 'race' }).quizId).toBeGreaterThan(0);
  });

  it('ends by itself after three rounds in a row with no answer', () => {
    const { services } = setup();
    const { quizId } = services.quiz.start({ ...startInput, mode: 'race' });
    const results = [0, 1, 2].map(() => {
      const opened = services.quiz.openNextRound(quizId);
      if (opened?.kind !== 'question') throw new Error('expected a round');
      return services.quiz.closeRound(quizId, opened.view.roundIndex);
    });
    expect(results.map((r) => r?.next.kind)).toEqual(['nextRound', 'nextRound', 'finish']);
    expect(results[2]?.final?.reason).toBe('idle');
  });
});
