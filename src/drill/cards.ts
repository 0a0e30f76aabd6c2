import { applicableCriteria } from '../content/rubric.js';
import type { Framework, Prompt } from '../content/schema.js';
import type { Grade } from '../grading/types.js';
import type { Mode } from '../interview/types.js';

/** What a card drills: a rubric criterion, or a pitfall (a red flag an answer raised). */
export type CardKind = 'criterion' | 'pitfall';
/** Where a review came from: a round, a practice drill, a saved `score`, or `mlsd drill`. */
export type ReviewSource = Mode | 'drill';

export interface CardKey {
  promptId: string;
  kind: CardKind;
  /** The criterion's id (or the pitfall's). */
  itemId: string;
}

/** One thing a graded answer says about a card: missed (make the card, or fail its review) or met. */
export interface Outcome {
  kind: CardKind;
  itemId: string;
  met: boolean;
}

/** A full round grades all six phases; only there does meeting a criterion count as recalling its card. */
export const countsMet = (mode: Mode): boolean => mode !== 'practice';

/**
 * The outcomes of a graded answer: every drillable criterion it missed, and in a full round every one it met.
 * `drillable` holds the ids of the criteria content asks a drill question about (the prompt's own and the
 * framework's it applies), so the clarifying-questions credit and criteria that have since left the content
 * make no cards.
 */
export function gradeOutcomes(grade: Pick<Grade, 'criteria'>, drillable: ReadonlySet<string>, mode: Mode): Outcome[] {
  return grade.criteria
    .filter((c) => drillable.has(c.id) && (!c.met || countsMet(mode)))
    .map((c) => ({ kind: 'criterion' as const, itemId: c.id, met: c.met }));
}

/** Misses given by id, e.g. the pitfalls behind an answer's red flags: each makes a card or fails its review. */
export function missedOutcomes(kind: CardKind, ids: readonly string[]): Outcome[] {
  return [...new Set(ids)].map((itemId) => ({ kind, itemId, met: false }));
}

/** The criteria of a prompt that a card can drill: its own, and the framework's it does not skip. */
export function drillableIds(prompt: Prompt, framework: Framework): Set<string> {
  return new Set(applicableCriteria(prompt, framework).map(({ criterion }) => criterion.id));
}
