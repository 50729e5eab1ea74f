import type { ReviewRating } from '../scheduler/fsrs-scheduler.ts';

/*
 * Every reward of the product in one place: which FSRS rating an automatically graded answer gets,
 * how much XP each source pays, the daily caps and the leech threshold. Services hand a graded
 * answer to `rewardFor`; nobody else picks a rating or an amount.
 */

/** How an answer was graded; `close` is accepted with a spelling note. */
export type Outcome = 'correct' | 'close' | 'incorrect' | 'skipped';
export type XpSource = 'review' | 'quiz' | 'daily' | 'interview' | 'lab';

/** XP for a review answer: effort counts, so even a wrong answer earns a little. */
export const reviewXp = { correct: 10, close: 8, incorrect: 2, skipped: 0 } as const;
/** XP of a quiz round: the winner's bonus comes on top of the correct-answer XP. */
export const quizXp = { win: 20, correct: 10, participation: 2 } as const;
/** XP for answering the daily question (its cap below allows one award a day). */
export const dailyQuestionXp = 15;

/** Daily caps per source, so grinding old cards cannot dominate a leaderboard. Null = no cap. */
export const dailyXpCaps: Record<XpSource, number | null> = { review: 300, quiz: 500, daily: dailyQuestionXp, interview: 200, lab: 200 };

/** Rubric score from which an interview answer counts as good (FSRS Good, outcome correct). */
export const goodScore = 70;
/** Rubric score from which an interview answer counts as partly right (FSRS Hard, outcome close). */
export const passableScore = 40;

/** Lapses after which a card is flagged as a leech (Anki's default). */
export const leechLapses = 8;

/**
 * Automatic grading → FSRS rating (DESIGN.md §4): wrong, timeout or "don't know" → Again;
 * correct (or accepted with a spelling note) → Good; correct after a hint → Hard. Never Easy.
 */
export function ratingForOutcome(outcome: Outcome, hintUsed: boolean): ReviewRating {
  if (outcome === 'incorrect' || outcome === 'skipped') return 'again';
  return hintUsed ? 'hard' : 'good';
}

/**
 * FSRS rating of an interview attempt: ≥ 70 Good, 40–69 Hard, < 40 Again. A good answer given after
 * looking at the hint is Hard, as for every other kind of question. A skipped question is Again.
 */
export function ratingForScore(score: number | null, hintUsed: boolean): ReviewRating {
  if (score === null || score < passableScore) return 'again';
  if (score < goodScore) return 'hard';
  return hintUsed ? 'hard' : 'good';
}

/** The review-log outcome of an interview attempt (null score = skipped). */
export function outcomeForScore(score: number | null): Outcome {
  if (score === null) return 'skipped';
  if (score >= goodScore) return 'correct';
  return score >= passableScore ? 'close' : 'incorrect';
}

/** XP for an interview attempt: one point per two points of score. */
export function xpForScore(score: number | null): number {
  return score === null ? 0 : Math.floor(Math.max(0, score) / 2);
}

/** How much of `amount` may still be awarded today given what this source already gave. */
export function cappedAmount(source: XpSource, amount: number, alreadyToday: number): number {
  const cap = dailyXpCaps[source];
  if (cap === null) return Math.max(0, amount);
  return Math.max(0, Math.min(amount, cap - alreadyToday));
}

export function becameLeech(lapsesBefore: number, lapsesAfter: number): boolean {
  return lapsesBefore < leechLapses && lapsesAfter >= leechLapses;
}

/**
 * A graded answer as the reward rules see it, per source. `ref` names what the XP was for (a review
 * or interview answer is for its item).
 */
export type GradedAnswer =
  | { readonly source: 'review'; readonly itemId: string; readonly outcome: Outcome; readonly hintUsed: boolean }
  /** An interview question scored by its rubric (in /interview or in /review); null score = skipped. */
  | { readonly source: 'interview'; readonly itemId: string; readonly score: number | null; readonly hintUsed: boolean }
  | { readonly source: 'quiz'; readonly ref: string; readonly outcome: Outcome; readonly hintUsed: boolean; readonly won: boolean }
  | { readonly source: 'daily'; readonly ref: string; readonly outcome: Outcome }
  /** A lab step completed for the first time; the exercise sets its worth. */
  | { readonly source: 'lab'; readonly ref: string; readonly xpPerStep: number };

/** One XP award before the daily cap; `oncePerDay` pays a reference at most once per study day. */
export type XpGrant = { readonly amount: number; readonly source: XpSource; readonly ref: string; readonly oncePerDay?: boolean };

/** What an answer earns: the card's rating and log outcome (null when no card is reviewed) and its XP. */
export type Reward = { readonly card: { readonly rating: ReviewRating; readonly outcome: Outcome } | null; readonly xp: readonly XpGrant[] };

/** The one place that decides the rating and the XP of a graded answer. */
export function rewardFor(answer: GradedAnswer): Reward {
  const { source } = answer;
  switch (answer.source) {
    case 'review':
      return {
        card: { rating: ratingForOutcome(answer.outcome, answer.hintUsed), outcome: answer.outcome },
        xp: [{ amount: reviewXp[answer.outcome], source, ref: answer.itemId }],
      };
    case 'interview':
      return {
        card: { rating: ratingForScore(answer.score, answer.hintUsed), outcome: outcomeForScore(answer.score) },
        xp: [{ amount: xpForScore(answer.score), source, ref: answer.itemId, oncePerDay: true }],
      };
    case 'quiz': {
      const { ref } = answer;
      const accepted = answer.outcome === 'correct' || answer.outcome === 'close';
      const xp: XpGrant[] = [{ amount: accepted ? quizXp.correct : quizXp.participation, source, ref }];
      if (answer.won) xp.push({ amount: quizXp.win, source, ref: `${ref}:win` });
      return { card: { rating: ratingForOutcome(answer.outcome, answer.hintUsed), outcome: answer.outcome }, xp };
    }
    case 'daily':
      return { card: { rating: ratingForOutcome(answer.outcome, false), outcome: answer.outcome }, xp: [{ amount: dailyQuestionXp, source, ref: answer.ref }] };
    case 'lab':
      return { card: null, xp: [{ amount: answer.xpPerStep, source, ref: answer.ref }] };
  }
}
