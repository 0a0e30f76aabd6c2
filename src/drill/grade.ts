import type { Framework } from '../content/schema.js';
import type { Grader } from '../grading/index.js';
import { ratingFor, type RatingName } from './schedule.js';
import type { DrillItem } from './questions.js';

/** Longer than this to recall a criterion is not recalling it quickly: a met answer then rates hard. */
export const SLOW_MS = 3 * 60_000;

export interface DrillGrade {
  met: boolean;
  /** Not met, but part of it was there. */
  partial: boolean;
  /** The sentence that earned the criterion, as written; null when not met. */
  evidence: string | null;
  /** What was seen of it when not met (the grader's note). */
  note?: string;
  /** Met, and an alternative was weighed with a reason. */
  depth: boolean;
  rating: RatingName;
}

/**
 * Grades a drill answer with the same grader as a round, on the criterion's phase, and reads off that criterion
 * alone; `elapsedMs` (when the answer was typed live) tells a quick recall from a slow one.
 */
export function gradeDrill(grader: Grader, framework: Framework, item: DrillItem, text: string, elapsedMs?: number): DrillGrade {
  if (!text.trim()) return { met: false, partial: false, evidence: null, note: 'no answer', depth: false, rating: 'again' };
  if (item.pitfall) return gradePitfall(grader, framework, item, text, elapsedMs);
  const grade = grader.grade(item.prompt, framework, { sections: [{ phase: item.phase, text }], phases: [item.phase] });
  const result = grade.criteria.find((c) => c.id === item.criterion.id);
  const met = Boolean(result?.met);
  const partial = !met && Boolean(result && ((result.credit ?? 0) > 0 || result.note));
  const depth = met && grade.signals.tradeoffs > 0;
  const slow = elapsedMs !== undefined && elapsedMs > SLOW_MS;
  return {
    met,
    partial,
    evidence: met ? (result?.evidence ?? null) : null,
    ...(result?.note && !met ? { note: result.note } : {}),
    depth,
    rating: ratingFor({ met, partial, depth, slow }),
  };
}

/**
 * A pitfall card is recalled when the answer takes the mistake back by the rules a probe clears a red flag with:
 * cleared → good (hard when slow); stated again, or neither → again.
 */
function gradePitfall(grader: Grader, framework: Framework, item: DrillItem, text: string, elapsedMs?: number): DrillGrade {
  const { cleared, committed } = grader.clearsPitfall?.(item.prompt, framework, item.card.itemId, text) ?? { cleared: false, committed: false };
  const slow = elapsedMs !== undefined && elapsedMs > SLOW_MS;
  const note = committed ? 'the answer makes the same claim again' : 'the answer does not take the claim back or say what is wrong with it';
  return { met: cleared, partial: false, evidence: null, ...(cleared ? {} : { note }), depth: false, rating: ratingFor({ met: cleared, partial: false, slow }) };
}
