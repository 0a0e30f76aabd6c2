import { LANGUAGE } from '../content/language.compiled.js';

/**
 * A terse note that names an idea and says something about it — a number, a reason, a choice, a contrast, a
 * purpose — is how people write under a clock ("NDCG – graded relevance", "CTR alone → clickbait", "LR first as the
 * baseline"). Such a note is evidence at full weight; a bare name ("Offline: AUC, log loss.") is not. Lists packed
 * with many criteria, chained terms, questions and imagined sentences are kept out before this is asked.
 */

/** Relations written as symbols: arrows, equals, comparisons, approximations. */
const RELATION = /→|->|=>|⇒|⟶|(?<![<>!=])=(?!=)|≥|≤|>|<|≈|~/;
/** A spaced dash with at least two words after it: "NDCG – graded relevance". */
const DASH_GLOSS = /\S\s+[–—-]{1,2}\s+[\p{L}\p{N}][^\s]*\s+[\p{L}\p{N}]/u;
/** A parenthesis of two words or more: "(graded relevance)", not "(FAISS)". */
const PAREN_GLOSS = /\(\s*[^()\s]+\s+[^()\s][^()]*\)/;

/**
 * The shipped words that qualify a name (data/language.yaml → notes.qualifiers): why (because, so), which of several
 * (choose, prefer, first, then), against what (vs, instead, rather, alone, only, not), for what (for, per, avoids).
 */
const QUALIFIERS: ReadonlySet<string> = new Set(LANGUAGE.notes.qualifiers);

/**
 * Whether a note's text qualifies what it names (see the module comment), from the sentence analysis's `hasNumber`
 * and `listLike`. In a list of terms a number belongs to one item ("100M DAU, high QPS" estimates no QPS), so it
 * qualifies only a note that is not a list.
 */
export function qualifiesNote(text: string, sentence: { hasNumber: boolean; listLike: boolean }, qualifiers: ReadonlySet<string> = QUALIFIERS): boolean {
  if ((sentence.hasNumber && !sentence.listLike) || RELATION.test(text) || DASH_GLOSS.test(text) || PAREN_GLOSS.test(text)) return true;
  // The label before a colon ("Offline:", "Ranking:") names a section of the note, not a qualification.
  const body = text.replace(/^[^:]{1,30}:\s*/, '');
  return body.toLowerCase().split(/[^\p{L}]+/u).some((w) => qualifiers.has(w));
}

/** Longer than this, a sentence that is not prose is a list or a run-on, not a note. */
export const NOTE_MAX_WORDS = 15;

/**
 * A long line of notes whose parts are separated by ";" is several notes written on one line ("pos bias → IPW;
 * counter: explore slice, human grades"): each part is to be read as a note of its own, as it would be on a line of
 * its own. The parts of such a line (the line itself when it has one part).
 */
export function noteParts(text: string): string[] {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts : [text];
}
