import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/app/create-services.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import { UserError } from '../../src/app/user-error.ts';
import { content } from '../helpers/review-driver.ts';
import { manualClock, openTempDatabase, openTestServices } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const opened = openTestServices(content);
  cleanup = opened.cleanup;
  return opened;
}
const guildId = '100000000000000001';
const owner = '200000000000000001';
const stranger = '200000000000000002';
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.code;
    throw error;
  }
  return null;
};

describe('review sessions', () => {
  it("refuses another user's answer, an old screen and a repeated answer without writing anything", () => {
    const { services, database } = setup();
    const screen = services.review.start({ guildId, userId: owner, deckId: 'containers', mode: 'due' });
    if (screen.type !== 'question') throw new Error('expected a question');
    expect(codeOf(() => services.review.answer(screen.sessionId, screen.version, stranger, { type: 'skip' }, null))).toBe('error.notYourComponent');
    expect(codeOf(() => services.review.answer(screen.sessionId, screen.version - 1, owner, { type: 'skip' }, null))).toBe('review.stale');
    const logs = () => (database.sqlite.prepare('select count(*) n from review_logs').get() as { n: number }).n;
    expect(logs()).toBe(0);
    services.review.answer(screen.sessionId, screen.version, owner, { type: 'skip' }, null);
    expect(codeOf(() => services.review.answer(screen.sessionId, screen.version, owner, { type: 'skip' }, null))).toBe('review.stale');
    expect(logs()).toBe(1);
  });

  it('rejects an empty typed answer with a reason and keeps the question open', () => {
    const { services } = setup();
    let screen = services.review.start({ guildId, userId: owner, deckId: 'docker-commands', mode: 'due' });
    // Walk to the first typed question.
    while (screen.type === 'question' && screen.view.style !== 'typed') {
      const answered = services.review.answer(screen.sessionId, screen.version, owner, { type: 'skip' }, null);
      screen = services.review.next(answered.type === 'feedback' ? answered.sessionId : 0, answered.type === 'feedback' ? answered.version : 0, owner);
    }
    if (screen.type !== 'question') throw new Error('no typed question in the deck');
    expect(codeOf(() => services.review.answer(screen.sessionId, screen.version, owner, { type: 'typed', text: ' \u200b ' }, ' '))).toBe('review.invalid.empty');
    expect(services.review.current(screen.sessionId, screen.version, owner).view.itemId).toBe(screen.view.itemId);
  });

  it('drills recently missed cards in mistakes mode', () => {
    const { services } = setup();
    const first = services.review.start({ guildId, userId: owner, deckId: 'containers', mode: 'due' });
    if (first.type !== 'question') throw new Error('expected a question');
    services.review.answer(first.sessionId, first.version, owner, { type: 'skip' }, null);
    const drill = services.review.start({ guildId, userId: owner, deckId: null, mode: 'mistakes' });
    expect(drill.type === 'question' && drill.view.itemId).toBe(first.view.itemId);
  });
});

describe('interview cards in review', () => {
  it('brings a due interview question back and scores the answer with its rubric', () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
    const services = createAppServices({ repositories: createRepositories(database.db), clock, timeZone: 'Asia/Seoul', content });
    const item = [...content.items.values()].find((candidate) => candidate.kind === 'interview' && candidate.topic === 'why-containers');
    if (item?.kind !== 'interview') throw new Error('no why-containers question');
    services.learning.recordAnswer({ guildId, userId: owner, itemId: item.id, mode: 'interview', source: 'interview', score: 0, hintUsed: false, responseMs: null, answerText: 'x' });
    clock.advance(2 * 3_600_000);
    const screen = services.review.start({ guildId, userId: owner, deckId: 'interview', mode: 'due' });
    if (screen.type !== 'question') throw new Error('expected the interview question');
    expect(screen.view.itemId).toBe(item.id);
    expect(screen.view.hint?.ko).toContain(item.rubric[0]!.label.ko);
    const feedback = services.review.answer(screen.sessionId, screen.version, owner, { type: 'typed', text: item.modelAnswer.ko }, item.modelAnswer.ko);
    if (feedback.type !== 'feedback') throw new Error('expected feedback');
    expect(feedback.score).toBeGreaterThanOrEqual(80);
    expect(feedback.outcome).toBe('correct');
    const log = database.sqlite.prepare('select rating, mode from review_logs order by id desc limit 1').get();
    expect(log).toEqual({ rating: 3, mode: 'review' });
  });
});
