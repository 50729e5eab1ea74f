import { createRepositories } from '../../src/db/repositories.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/app/create-services.ts';
import type { QuizQuestionView } from '../../src/app/quiz/quiz-views.ts';
import { loadContent } from '../../src/content/load-content.ts';
import type { Item } from '../../src/domain/content/items.ts';
import { evaluateAnswer, expectedAnswer, type ReviewAnswer } from '../../src/domain/review/evaluate.ts';
import { manualClock, openTempDatabase } from '../helpers/temp-db.ts';
import { createManualTimers } from './manual-timers.ts';
import { createRecordingNotifier } from './recording-notifier.ts';

const content = loadContent('questions');
const guildId = '100000000000000001';
const channelId = '300000000000000001';
const minji = '200000000000000001';
const alex = '200000000000000002';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** The app services on a real temp database and the real question bank, played through a recording front end. */
function setup() {
  const database = openTempDatabase();
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const bot = startServices(database, clock);
  cleanup = async () => {
    await bot.services.conductor.stop();
    await database.cleanup();
  };
  return { database, clock, ...bot };
}

/** One "bot process": services and their conductor on the given database (a restart calls it again). */
function startServices(database: ReturnType<typeof openTempDatabase>, clock: ReturnType<typeof manualClock>) {
  const notifier = createRecordingNotifier();
  const timers = createManualTimers(clock);
  const problems: unknown[] = [];
  const log = { warn: (fields: object) => problems.push(fields), error: (fields: object) => problems.push(fields) };
  const services = createAppServices({
    repositories: createRepositories(database.db), clock, timeZone: 'Asia/Seoul', content, quizFront: { notifier, log, timers, pauseMs: 4_000 },
  });
  const advance = async (ms: number) => {
    clock.advance(ms);
    await services.conductor.tick();
    await services.conductor.idle();
  };
  return { notifier, timers, services, problems, advance };
}

/** A right and a wrong answer to the question as shown (found by grading, so any item of the bank works). */
function answersTo(view: QuizQuestionView): { right: ReviewAnswer; wrong: ReviewAnswer } {
  const item = content.items.get(view.question.itemId) as Item;
  const graded = (answer: ReviewAnswer) => {
    const evaluation = evaluateAnswer(item, view.question, answer);
    return evaluation.valid ? evaluation.outcome : 'invalid';
  };
  const candidates: ReviewAnswer[] = view.question.style === 'typed'
    ? [{ type: 'typed', text: expectedAnswer(item, view.question).ko }, { type: 'typed', text: '모르겠어요' }]
    : view.question.style === 'true-false'
      ? [{ type: 'true-false', value: true }, { type: 'true-false', value: false }]
      : view.question.options.map((option) => ({ type: 'pick', indexes: [option.index] }));
  const right = candidates.find((answer) => graded(answer) === 'correct');
  const wrong = candidates.find((answer) => graded(answer) === 'incorrect');
  if (!right || !wrong) throw new Error(`no right/wrong answer found for ${item.id}`);
  return { right, wrong };
}

describe('the quiz conductor (no Discord)', () => {
  it('plays a 3-round race on the real question bank with a manual clock: questions, winners, scores, reveals and standings', async () => {
    const { services, notifier, timers, problems, advance, database } = setup();
    const { quiz, conductor } = services;
    let messageCounter = 0;
    /** What a front end does with an answer: submit it, and hand a closed round to the conductor. */
    const answer = async (view: QuizQuestionView, userId: string, given: ReviewAnswer) => {
      let result;
      if (given.type === 'typed') {
        const typed = quiz.submitTyped({ channelId, userId, text: given.text, messageId: `7000000000000000${messageCounter++}` });
        if (typed.kind !== 'recorded') throw new Error(`answer not recorded: ${JSON.stringify(typed)}`);
        result = typed;
      } else {
        result = quiz.submitButton({ quizId: view.quizId, roundIndex: view.roundIndex, userId, answer: given });
      }
      if (result.closed) conductor.quiz.roundClosed(result.closed);
      await conductor.idle();
      return result;
    };

    const start = quiz.start({ guildId, channelId, starterId: minji, locale: 'ko', deckId: null, rounds: 3, seconds: 20, mode: 'race' });
    conductor.quiz.begin(start);
    await conductor.idle();
    const questions = () => notifier.of('question').map((event) => event.view);
    expect(questions()).toHaveLength(1);
    expect(questions()[0]).toMatchObject({ roundIndex: 0, roundCount: 3, mode: 'race' });

    // Round 1: alex is wrong at 1 s, minji right at 3 s wins it (100 + 50 × 17/20 = 143 points).
    const q1 = questions()[0]!;
    await advance(1_000);
    expect(await answer(q1, alex, answersTo(q1).wrong)).toMatchObject({ outcome: 'incorrect', points: 0, closed: null });
    await advance(2_000);
    expect(await answer(q1, minji, answersTo(q1).right)).toMatchObject({ outcome: 'correct', points: 143 });
    const reveal1 = notifier.of('reveal')[0]!.result;
    expect(reveal1).toMatchObject({ roundIndex: 0, reason: 'won', winnerId: minji, scorers: [{ userId: minji, points: 143, elapsedMs: 3_000 }], final: null });
    // The scoreboard so far goes with every reveal between rounds.
    expect(reveal1.standings.map(({ userId, rank, points }) => ({ userId, rank, points }))).toEqual([
      { userId: minji, rank: 1, points: 143 }, { userId: alex, rank: 2, points: 0 },
    ]);
    expect(reveal1.expected).toEqual(expectedAnswer(content.items.get(q1.question.itemId)!, q1.question));

    // The pause: nothing opens before 4 s have passed.
    await advance(3_999);
    expect(questions()).toHaveLength(1);
    await advance(1);
    expect(questions()).toHaveLength(2);

    // Round 2: alex right at 2 s (145 points).
    const q2 = questions()[1]!;
    expect(q2.roundIndex).toBe(1);
    await advance(2_000);
    await answer(q2, alex, answersTo(q2).right);
    expect(notifier.of('reveal')[1]!.result).toMatchObject({ roundIndex: 1, reason: 'won', winnerId: alex, scorers: [{ userId: alex, points: 145 }] });

    // Round 3: nobody answers; a typed round shows its hint halfway, then it times out and the quiz ends.
    await advance(4_000);
    const q3 = questions()[2]!;
    expect(q3.roundIndex).toBe(2);
    await advance(10_000);
    expect(notifier.of('hint')).toHaveLength(q3.style === 'typed' ? 1 : 0);
    await advance(9_999);
    expect(notifier.of('reveal')).toHaveLength(2);
    await advance(1);
    const reveal3 = notifier.of('reveal')[2]!.result;
    expect(reveal3).toMatchObject({ roundIndex: 2, reason: 'timeout', winnerId: null, scorers: [], answeredCount: 0 });
    expect(reveal3.final).toMatchObject({ reason: 'completed', roundsPlayed: 3, roundCount: 3 });

    const finals = notifier.of('final').map((event) => event.view);
    expect(finals).toHaveLength(1);
    expect(finals[0]!.standings.map(({ userId, rank, points, correct }) => ({ userId, rank, points, correct }))).toEqual([
      { userId: alex, rank: 1, points: 145, correct: 1 },
      { userId: minji, rank: 2, points: 143, correct: 1 },
    ]);
    // Every reveal came after its question, and a round boundary opened and closed each round.
    expect(notifier.events.map((event) => event.kind).filter((kind) => kind !== 'hint')).toEqual([
      'boundary', 'question', 'boundary', 'reveal',
      'boundary', 'question', 'boundary', 'reveal',
      'boundary', 'question', 'boundary', 'reveal', 'final',
    ]);
    expect(timers.pendingKeys()).toEqual([]);
    expect(quiz.runningQuizIds()).toEqual([]);
    expect(quiz.isQuizChannel(channelId)).toBe(false);
    // The rounds were fed into learning: both players got their cards and XP.
    const fed = database.sqlite.prepare('select count(*) as n from quiz_rounds where fed_at_ms is not null').get() as { n: number };
    expect(fed.n).toBe(3);
    const xp = database.sqlite.prepare("select user_id as userId, sum(amount) as total from xp_events where source = 'quiz' group by user_id order by user_id")
      .all() as { userId: string; total: number }[];
    expect(xp.map((row) => row.userId)).toEqual([minji, alex]);
    expect(xp.every((row) => row.total > 0)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('resumes a running round after a restart on the same database, keeping its timer, and reveals it on time', async () => {
    const { database, clock, services, notifier } = setup();
    const start = services.quiz.start({ guildId, channelId, starterId: minji, locale: 'ko', deckId: null, rounds: 2, seconds: 20, mode: 'everyone' });
    services.conductor.quiz.begin(start);
    await services.conductor.idle();
    const q1 = notifier.of('question')[0]!.view;
    await services.conductor.stop();

    // Eight seconds later a new process starts on the same file: the round goes on where it was.
    clock.advance(8_000);
    const next = startServices(database, clock);
    const previousCleanup = cleanup;
    cleanup = async () => {
      await next.services.conductor.stop();
      await previousCleanup?.();
    };
    next.services.conductor.start();
    await next.services.conductor.idle();
    expect(next.notifier.events.map((event) => event.kind)).toEqual(['resume', 'boundary']);
    expect(next.timers.pendingKeys()).toEqual(expect.arrayContaining([`quiz:${q1.quizId}:close`]));
    await next.advance(11_999);
    expect(next.notifier.of('reveal')).toEqual([]);
    await next.advance(1);
    expect(next.notifier.of('reveal')[0]!.result).toMatchObject({ roundIndex: 0, reason: 'timeout', final: null });
    await next.advance(4_000);
    expect(next.notifier.of('question').map((event) => event.view.roundIndex)).toEqual([1]);
    expect(next.problems).toEqual([]);
  });
});
