import type { CardKey, CardKind, Outcome, ReviewSource } from '../drill/cards.js';
import { ratingName, ratingValue, schedule, type Memory, type RatingName } from '../drill/schedule.js';
import type { Db } from './open.js';

export type { CardKey, CardKind, ReviewSource };

export interface StoredCard extends CardKey {
  id: number;
  memory: Memory;
  createdAt: number;
}

export interface ReviewInput {
  rating: RatingName;
  met: boolean;
  at: number;
  source: ReviewSource;
  sessionId?: number | null;
  /** The drill answer as typed. */
  answer?: string | null;
}

/** Cards a round made, reviews it failed, and reviews it passed. */
export interface RoundCounts {
  created: number;
  failed: number;
  recalled: number;
}

export interface StoredReview {
  cardId: number;
  rating: RatingName;
  met: boolean;
  at: number;
  source: ReviewSource;
  sessionId: number | null;
  answer: string | null;
  /** The review that made the card (a miss in a round), not a recall of it. */
  first: boolean;
}

interface CardRow {
  id: number;
  prompt_id: string;
  kind: CardKind;
  item_id: string;
  fsrs_state: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: number | null;
  due: number;
  created_at: number;
}

interface ReviewRow {
  card_id: number;
  rating: number;
  met: number;
  at: number;
  source: ReviewSource;
  session_id: number | null;
  answer: string | null;
  first: number;
}

const toCard = (r: CardRow): StoredCard => ({
  id: r.id,
  promptId: r.prompt_id,
  kind: r.kind,
  itemId: r.item_id,
  createdAt: r.created_at,
  memory: {
    state: r.fsrs_state,
    stability: r.stability,
    difficulty: r.difficulty,
    elapsedDays: r.elapsed_days,
    scheduledDays: r.scheduled_days,
    learningSteps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    lastReview: r.last_review,
    due: r.due,
  },
});

const memoryParams = (m: Memory) => ({
  state: m.state,
  stability: m.stability,
  difficulty: m.difficulty,
  elapsedDays: m.elapsedDays,
  scheduledDays: m.scheduledDays,
  learningSteps: m.learningSteps,
  reps: m.reps,
  lapses: m.lapses,
  lastReview: m.lastReview,
  due: m.due,
});

export type CardStore = ReturnType<typeof cardStore>;

/** Spaced-practice cards and their reviews; statements prepared once. */
export function cardStore(db: Db) {
  const selectKey = db.prepare<[string, string, string], CardRow>('SELECT * FROM cards WHERE prompt_id = ? AND kind = ? AND item_id = ?');
  const selectId = db.prepare<[number], CardRow>('SELECT * FROM cards WHERE id = ?');
  const selectAll = db.prepare<[], CardRow>('SELECT * FROM cards ORDER BY due, id');
  const selectDue = db.prepare<[number], CardRow>('SELECT * FROM cards WHERE due <= ? ORDER BY due, id');
  const insertCard = db.prepare(
    `INSERT INTO cards (prompt_id, kind, item_id, fsrs_state, stability, difficulty, elapsed_days, scheduled_days,
       learning_steps, reps, lapses, last_review, due, created_at)
     VALUES (@promptId, @kind, @itemId, @state, @stability, @difficulty, @elapsedDays, @scheduledDays,
       @learningSteps, @reps, @lapses, @lastReview, @due, @createdAt)`,
  );
  const updateCard = db.prepare(
    `UPDATE cards SET fsrs_state = @state, stability = @stability, difficulty = @difficulty, elapsed_days = @elapsedDays,
       scheduled_days = @scheduledDays, learning_steps = @learningSteps, reps = @reps, lapses = @lapses,
       last_review = @lastReview, due = @due
     WHERE id = @id`,
  );
  const insertReview = db.prepare(
    `INSERT INTO reviews (card_id, rating, at, source, met, session_id, answer)
     VALUES (@cardId, @rating, @at, @source, @met, @sessionId, @answer)`,
  );
  const selectReviewsSince = db.prepare<[number], ReviewRow>(
    `SELECT r.*, r.id = (SELECT min(id) FROM reviews WHERE card_id = r.card_id) AS first
     FROM reviews r WHERE r.at >= ? ORDER BY r.at, r.id`,
  );
  const sessionReviewed = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM reviews WHERE session_id = ?');

  const review = db.transaction((key: CardKey, input: ReviewInput): StoredCard => {
    const found = selectKey.get(key.promptId, key.kind, key.itemId);
    const memory = schedule(found && toCard(found).memory, input.rating, input.at);
    let id: number;
    if (found) {
      id = found.id;
      updateCard.run({ id, ...memoryParams(memory) });
    } else {
      id = Number(insertCard.run({ ...key, ...memoryParams(memory), createdAt: input.at }).lastInsertRowid);
    }
    insertReview.run({
      cardId: id, rating: ratingValue(input.rating), at: input.at, source: input.source, met: input.met ? 1 : 0,
      sessionId: input.sessionId ?? null, answer: input.answer ?? null,
    });
    return toCard(selectId.get(id)!);
  });

  const recordRound = db.transaction((promptId: string, outcomes: readonly Outcome[], at: { at: number; source: ReviewSource; sessionId?: number | null }) => {
    const counts = { created: 0, failed: 0, recalled: 0 };
    for (const o of outcomes) {
      const key = { promptId, kind: o.kind, itemId: o.itemId };
      const found = selectKey.get(promptId, o.kind, o.itemId);
      const existed = Boolean(found);
      // A criterion met by an answer that never missed it has nothing to be reminded of.
      if (o.met && !existed) continue;
      // Missing it again before the card is due says nothing new (the same answer saved twice, a retry the same
      // day): the card already comes back then, and failing it now would count a review never asked for.
      if (!o.met && found && found.due > at.at) continue;
      review(key, { rating: o.met ? 'good' : 'again', met: o.met, at: at.at, source: at.source, sessionId: at.sessionId ?? null });
      if (o.met) counts.recalled++;
      else if (existed) counts.failed++;
      else counts.created++;
    }
    return counts;
  });

  return {
    get(key: CardKey): StoredCard | undefined {
      const row = selectKey.get(key.promptId, key.kind, key.itemId);
      return row && toCard(row);
    },
    /** Every card, soonest due first. */
    all(): StoredCard[] {
      return selectAll.all().map(toCard);
    },
    /** Cards due at or before `until`, soonest first. */
    dueBy(until: number): StoredCard[] {
      return selectDue.all(until).map(toCard);
    },
    /**
     * Records one answer about a card and schedules its next review, creating the card on its first miss; the
     * card and its review are written together.
     */
    review(key: CardKey, input: ReviewInput): StoredCard {
      return review(key, input);
    },
    /**
     * What a graded answer says about the prompt's cards, in one transaction: a miss makes the card (due the
     * next day) or, once the card is due, fails its review; a met criterion that has a card is a successful review.
     */
    recordRound(promptId: string, outcomes: readonly Outcome[], at: { at: number; source: ReviewSource; sessionId?: number | null }): RoundCounts {
      return recordRound(promptId, outcomes, at);
    },
    reviewsSince(at: number): StoredReview[] {
      return selectReviewsSince.all(at).map((r) => ({
        cardId: r.card_id, rating: ratingName(r.rating), met: r.met === 1, at: r.at, source: r.source,
        sessionId: r.session_id, answer: r.answer, first: r.first === 1,
      }));
    },
    /** Whether a session's outcomes were recorded already. */
    sessionRecorded(sessionId: number): boolean {
      return sessionReviewed.get(sessionId)!.n > 0;
    },
  };
}
