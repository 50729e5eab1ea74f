import { describe, expect, it } from 'vitest';
import {
  afterRound,
  closeRound,
  computeStandings,
  everyoneDone,
  memberResults,
  openRound,
  planQuiz,
  pointsFor,
  roundWinner,
  submitAnswer,
  trailingEmptyRounds,
  type QuizRound,
} from '../../src/domain/quiz/index.ts';
import type { Item } from '../../src/domain/content/items.ts';
import { rewardFor } from '../../src/domain/learning/rewards.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { fixtureItem, loadQuizFixture } from './fixtures/content.ts';

const t0 = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const typedRound = () => openRound({ index: 0, itemId: 'd.term', style: 'typed', answerWindowMs: 20_000, now: t0 });
const buttonRound = () => openRound({ index: 1, itemId: 'd.choice', style: 'buttons', answerWindowMs: 20_000, now: t0 });

function play(round: QuizRound, mode: 'race' | 'everyone', answers: [string, number, 'correct' | 'close' | 'incorrect', ('typed' | 'buttons')?][]) {
  let current = round;
  const decisions = [];
  for (const [userId, ms, outcome, via] of answers) {
    const decision = submitAnswer(current, mode, { userId, now: at(ms), outcome, via: via ?? round.style, text: 'x' });
    decisions.push(decision);
    if (decision.kind === 'accepted') current = decision.round;
  }
  return { round: current, decisions };
}

describe('quiz scoring', () => {
  it('gives the full speed bonus at once and none at the end of the window', () => {
    expect(pointsFor({ elapsedMs: 0, answerWindowMs: 20_000, hinted: false })).toBe(150);
    expect(pointsFor({ elapsedMs: 5_000, answerWindowMs: 20_000, hinted: false })).toBe(138);
    expect(pointsFor({ elapsedMs: 20_000, answerWindowMs: 20_000, hinted: false })).toBe(100);
  });

  it('halves the points of an answer given after the hint appeared', () => {
    expect(pointsFor({ elapsedMs: 12_000, answerWindowMs: 20_000, hinted: true })).toBe(60);
  });
});

describe('a race round', () => {
  it('lets the first accepted answer win and asks to close the round', () => {
    const { decisions, round } = play(typedRound(), 'race', [['a', 1_000, 'incorrect'], ['b', 2_000, 'correct']]);
    expect(decisions.map((d) => d.kind === 'accepted' && d.closesRound)).toEqual([false, true]);
    expect(roundWinner(round)?.userId).toBe('b');
    expect(round.answers.map((a) => a.points)).toEqual([0, 145]);
  });

  it('rejects every answer once the round is closed, and a second close changes nothing', () => {
    const { round } = play(typedRound(), 'race', [['b', 2_000, 'correct']]);
    const closed = closeRound(round, at(2_000), 'won')!;
    expect(closeRound(closed, at(2_001), 'timeout')).toBeNull();
    expect(submitAnswer(closed, 'race', { userId: 'c', now: at(2_001), outcome: 'correct', via: 'typed', text: 'x' })).toEqual({ kind: 'rejected', reason: 'closed' });
  });

  it('accepts a close spelling as a win', () => {
    const { decisions } = play(typedRound(), 'race', [['a', 3_000, 'close']]);
    expect(decisions[0]).toMatchObject({ kind: 'accepted', closesRound: true, answer: { points: 143 } });
  });
});

describe('an everyone round', () => {
  it('scores every accepted answer inside the window and none after it', () => {
    const { round, decisions } = play(typedRound(), 'everyone', [['a', 1_000, 'correct'], ['b', 9_000, 'correct'], ['c', 19_999, 'correct'], ['d', 20_000, 'correct']]);
    expect(decisions.map((d) => d.kind)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(decisions[3]).toEqual({ kind: 'rejected', reason: 'late' });
    expect(round.answers.map((a) => [a.userId, a.points, a.hinted])).toEqual([['a', 148, false], ['b', 128, false], ['c', 50, true]]);
    expect(decisions.some((d) => d.kind === 'accepted' && d.closesRound)).toBe(false);
  });

  it('ignores further messages from a member who already got it', () => {
    const { decisions } = play(typedRound(), 'everyone', [['a', 1_000, 'correct'], ['a', 2_000, 'correct']]);
    expect(decisions[1]).toEqual({ kind: 'rejected', reason: 'alreadyCorrect' });
  });
});

describe('answer limits', () => {
  it('allows one button press per member per round', () => {
    const { decisions } = play(buttonRound(), 'race', [['a', 1_000, 'incorrect'], ['a', 2_000, 'correct'], ['b', 3_000, 'correct']]);
    expect(decisions.map((d) => (d.kind === 'rejected' ? d.reason : 'ok'))).toEqual(['ok', 'alreadyAnswered', 'ok']);
  });

  it('allows three typed guesses, and typed text is not an answer in a button round', () => {
    const { decisions } = play(typedRound(), 'race', [['a', 1, 'incorrect'], ['a', 2, 'incorrect'], ['a', 3, 'incorrect'], ['a', 4, 'correct']]);
    expect(decisions.map((d) => (d.kind === 'rejected' ? d.reason : 'ok'))).toEqual(['ok', 'ok', 'ok', 'attemptLimit']);
    expect(play(buttonRound(), 'race', [['a', 1, 'correct', 'typed']]).decisions[0]).toEqual({ kind: 'rejected', reason: 'wrongStyle' });
  });

  it('gives button rounds no hint', () => {
    expect(buttonRound().hintAtMs).toBeNull();
    expect(typedRound().hintAtMs).toBe(t0.getTime() + 10_000);
  });
});

describe('quiz progress', () => {
  const closedEmpty = (index: number) => closeRound(openRound({ index, itemId: 'x', style: 'typed', answerWindowMs: 1000, now: t0 }), at(1000), 'timeout')!;

  it('ends after three rounds in a row with no answer at all', () => {
    expect(afterRound({ closed: closedEmpty(1), roundCount: 10, emptyRoundsBefore: 1 }).next).toEqual({ kind: 'nextRound', index: 2 });
    expect(afterRound({ closed: closedEmpty(2), roundCount: 10, emptyRoundsBefore: 2 }).next).toEqual({ kind: 'finish', reason: 'idle' });
  });

  it('ends after the last round, and a stopped round ends the quiz', () => {
    expect(afterRound({ closed: closedEmpty(2), roundCount: 3, emptyRoundsBefore: 0 }).next).toEqual({ kind: 'finish', reason: 'completed' });
    const stopped = closeRound(typedRound(), at(10), 'stopped')!;
    expect(afterRound({ closed: stopped, roundCount: 10, emptyRoundsBefore: 0 }).next).toEqual({ kind: 'finish', reason: 'stopped' });
  });

  it('counts the empty rounds at the end when resuming', () => {
    const answered = play(typedRound(), 'race', [['a', 1, 'incorrect']]).round;
    expect(trailingEmptyRounds([closedEmpty(0), answered, closedEmpty(2), closedEmpty(3)])).toBe(2);
  });
});

describe('standings and learning feed', () => {
  it('orders by points, then correct answers, then the fastest answer, and lists members with 0 points', () => {
    const r1 = play(typedRound(), 'everyone', [['a', 1_000, 'correct'], ['b', 2_000, 'correct'], ['c', 3_000, 'incorrect']]).round;
    const r2 = play({ ...buttonRound(), index: 1 }, 'everyone', [['b', 500, 'correct'], ['a', 2_500, 'correct']]).round;
    const standings = computeStandings([r1, r2]);
    expect(standings.map((s) => [s.rank, s.userId, s.points, s.correct, s.fastestMs])).toEqual([
      [1, 'b', 145 + 149, 2, 500],
      [2, 'a', 148 + 144, 2, 1_000],
      [3, 'c', 0, 0, null],
    ]);
  });

  it('feeds each member once: the accepted answer if any, XP +10/+2 and +20 for the winner', () => {
    const round = play(typedRound(), 'everyone', [['a', 1_000, 'incorrect'], ['b', 2_000, 'correct'], ['a', 12_000, 'correct'], ['c', 3_000, 'incorrect']]).round;
    const members = memberResults(round);
    expect(members).toEqual([
      { userId: 'a', outcome: 'correct', hintUsed: true, responseMs: 12_000, answerText: 'x', won: false },
      { userId: 'b', outcome: 'correct', hintUsed: false, responseMs: 2_000, answerText: 'x', won: true },
      { userId: 'c', outcome: 'incorrect', hintUsed: false, responseMs: 3_000, answerText: 'x', won: false },
    ]);
    const xp = members.map((member) => rewardFor({ source: 'quiz', ref: 'quiz:1:0', ...member }).xp.map((grant) => grant.amount));
    expect(xp).toEqual([[10], [10, 20], [2]]);
  });
});

describe('quiz plan', () => {
  it('draws distinct quiz items with the seeded rng, the same ones again for the same seed', () => {
    const items = [...loadQuizFixture().items.values()];
    const plan = planQuiz(items, 10, seededRandom(7));
    expect(plan).toHaveLength(items.length);
    expect(new Set(plan)).toEqual(new Set(items.map((item) => item.id)));
    expect(planQuiz(items, 10, seededRandom(7))).toEqual(plan);
    expect(planQuiz(items, 2, seededRandom(7))).toHaveLength(2);
  });

  it('leaves out order and interview items and multi-answer choices', () => {
    const content = loadQuizFixture();
    const choice = fixtureItem(content, 'quizfix.registry');
    if (choice.kind !== 'choice') throw new Error('fixture');
    const multi = { ...choice, id: 'x.multi', options: choice.options.map((option) => ({ ...option, correct: true })) };
    const order = { ...choice, id: 'x.order', kind: 'order', steps: [] } as unknown as Item;
    expect(planQuiz([multi, order, choice], 5, seededRandom(1))).toEqual(['quizfix.registry']);
  });
});

describe('closing a round early', () => {
  it('waits until every player of the previous round is right or out of tries (one press for buttons)', () => {
    const typed = play(typedRound(), 'everyone', [['a', 1_000, 'correct'], ['b', 2_000, 'incorrect'], ['b', 3_000, 'incorrect']]);
    expect(everyoneDone(typed.round, ['a', 'b'])).toBe(false);
    const outOfTries = play(typed.round, 'everyone', [['b', 4_000, 'incorrect']]);
    expect(everyoneDone(outOfTries.round, ['a', 'b'])).toBe(true);
    const pressed = play(buttonRound(), 'everyone', [['a', 1_000, 'incorrect']]);
    expect(everyoneDone(pressed.round, ['a'])).toBe(true);
    expect(everyoneDone(pressed.round, ['a', 'c'])).toBe(false);
    expect(everyoneDone(pressed.round, [])).toBe(false);
  });
});
