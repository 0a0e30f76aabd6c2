import { createEmptyCard, fsrs, Rating, type Card, type Grade as FsrsRating } from 'ts-fsrs';

/** FSRS's four answers, as `mlsd drill --json` names them. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];

const FSRS_RATING: Record<RatingName, FsrsRating> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** The stored number of a rating (FSRS's own: again 1 … easy 4). */
export const ratingValue = (rating: RatingName): number => FSRS_RATING[rating];
export const ratingName = (value: number): RatingName => RATINGS[value - 1] ?? 'again';

/** A card's memory state as the history keeps it; times are milliseconds since the epoch. */
export interface Memory {
  /** FSRS's state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  due: number;
}

/**
 * A card counts as learned once FSRS spaces it three weeks or more apart (Anki calls such cards mature); before
 * that it is learning.
 */
export const LEARNED_DAYS = 21;

/**
 * FSRS with its default weights, no fuzz (the same answers give the same dates), and one-day (re)learning steps
 * instead of the usual minutes: a miss comes back the next day, not later in the same sitting, because the
 * coach is opened once a day rather than kept open like a deck.
 */
const scheduler = fsrs({ learning_steps: ['1d'], relearning_steps: ['1d'], enable_fuzz: false });

const toCard = (m: Memory): Card => ({
  state: m.state,
  stability: m.stability,
  difficulty: m.difficulty,
  elapsed_days: m.elapsedDays,
  scheduled_days: m.scheduledDays,
  learning_steps: m.learningSteps,
  reps: m.reps,
  lapses: m.lapses,
  due: new Date(m.due),
  ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview) }),
});

const fromCard = (c: Card): Memory => ({
  state: c.state,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  lastReview: c.last_review ? c.last_review.getTime() : null,
  due: c.due.getTime(),
});

/** The memory after answering with `rating` at `now`; `memory` undefined is a new card, seen for the first time. */
export function schedule(memory: Memory | undefined, rating: RatingName, now: number): Memory {
  const card = memory ? toCard(memory) : createEmptyCard(new Date(now));
  return fromCard(scheduler.next(card, new Date(now), FSRS_RATING[rating]).card);
}

/** What a graded recall was like; `slow` and `depth` are known only for a drill answered live or graded alone. */
export interface Recall {
  met: boolean;
  /** Not met, but part of it was there (half credit for a terse note, some of its ideas, or a negated mention). */
  partial: boolean;
  /** Met, and the answer also weighed an alternative with a reason. */
  depth?: boolean;
  /** Met, but only after a long think. */
  slow?: boolean;
}

/** Met quickly → good, or easy with depth; met slowly or half there → hard; missed → again. */
export function ratingFor(recall: Recall): RatingName {
  if (!recall.met) return recall.partial ? 'hard' : 'again';
  if (recall.slow) return 'hard';
  return recall.depth ? 'easy' : 'good';
}
