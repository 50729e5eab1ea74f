import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type FSRS, type Grade } from 'ts-fsrs';

/** The three grades automatic grading may give (DESIGN.md §4: never Easy for a pick). */
export type ReviewRating = 'again' | 'hard' | 'good';

/** Every FSRS field of a card, as stored. `learningSteps` must be kept or cards restart their steps. */
export type CardMemory = {
  dueMs: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReviewMs: number | null;
};

const grades: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good };
const schedulers = new Map<number, FSRS>();

/** One ts-fsrs instance per desired retention (fuzz and short-term learning steps on). */
function schedulerFor(desiredRetention: number): FSRS {
  let scheduler = schedulers.get(desiredRetention);
  if (!scheduler) {
    scheduler = fsrs(generatorParameters({ enable_fuzz: true, enable_short_term: true, request_retention: desiredRetention }));
    schedulers.set(desiredRetention, scheduler);
  }
  return scheduler;
}

/** A card never reviewed, due now. */
export function newCardMemory(now: Date): CardMemory {
  return fromFsrs(createEmptyCard(now));
}

/** Schedules the next review of a card answered with `rating` at `now` (FSRS-6 via ts-fsrs). */
export function scheduleReview(memory: CardMemory, rating: ReviewRating, now: Date, desiredRetention: number): CardMemory {
  const { card } = schedulerFor(desiredRetention).next(toFsrs(memory), now, grades[rating]);
  return fromFsrs(card);
}

/** Numeric FSRS rating (1 again … 3 good) for the review log. */
export function ratingNumber(rating: ReviewRating): number {
  return grades[rating];
}

export function toFsrs(memory: CardMemory): Card {
  return {
    due: new Date(memory.dueMs),
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state,
    ...(memory.lastReviewMs === null ? {} : { last_review: new Date(memory.lastReviewMs) }),
  };
}

function fromFsrs(card: Card): CardMemory {
  return {
    dueMs: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReviewMs: card.last_review ? card.last_review.getTime() : null,
  };
}
