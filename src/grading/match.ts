import type { AnalysedAnswer, Sentence } from './analyse.js';
import { STOPWORDS, type Term } from './lexicon.js';

export type Hit = 'yes' | 'negated';

/** Extra terms a phrase may be spread over: "bias from the position" still matches "position bias". */
export const WINDOW_SLACK = 3;

/** A rubric phrase that itself says "not", "instead of"… ("not just clicks") is matched as written, negation and all. */
const NEGATION_TERMS = new Set(['not', 'no', 'never', 'without', 'instead', 'rather', 'beyond']);

/** A phrase naming a synonym group is matched on collapsed terms; a phrase of plain words, word by word. */
function termsFor(sentence: Sentence, phrase: readonly string[]) {
  return phrase.some((p) => p.startsWith('~')) ? sentence.terms : sentence.plain;
}

const contentRanks = new WeakMap<Sentence['terms'], number[]>();

/**
 * Each term's position counted in content words only: rubric phrases drop stopwords, so the window must too
 * ("a burst of curiosity in the first days" spans the same as "curiosity first days").
 */
function ranksOf(terms: Sentence['terms']): number[] {
  let ranks = contentRanks.get(terms);
  if (!ranks) {
    let n = 0;
    ranks = terms.map((t) => (STOPWORDS.has(t.norm) ? n : n++));
    contentRanks.set(terms, ranks);
  }
  return ranks;
}

function positionsOf(terms: Sentence['terms'], norm: string): number[] {
  const out: number[] = [];
  terms.forEach((t, i) => {
    if (t.norm === norm || t.alt === norm) out.push(i);
  });
  return out;
}

/**
 * The position in an ascending list nearest to `anchor`, the earlier one on a tie. A binary search: a sentence
 * repeating a phrase's words thousands of times made a scan per anchor quadratic.
 */
function nearest(list: readonly number[], anchor: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < anchor) lo = mid + 1;
    else hi = mid;
  }
  const after = list[lo];
  const before = list[lo - 1];
  if (before === undefined) return after!;
  if (after === undefined) return before;
  return anchor - before <= after - anchor ? before : after;
}

/** Where a phrase was found: the sentence's terms it was matched on and the first and last of them. */
export interface PhraseMatch {
  hit: Hit;
  terms: readonly Term[];
  from: number;
  to: number;
}

/**
 * Whether a sentence holds a phrase: all its terms, in any order, within a window of the phrase's length plus
 * a little slack. 'negated' when it is only there with a negated or rejected term.
 */
export function findPhrase(sentence: Sentence, phrase: readonly string[], acceptExcluded = false): Hit | null {
  return matchPhrase(sentence, phrase, acceptExcluded)?.hit ?? null;
}

/** findPhrase, with where: the affirmative match if there is one, else the first negated one. */
export function matchPhrase(sentence: Sentence, phrase: readonly string[], acceptExcluded = false): PhraseMatch | null {
  const terms = termsFor(sentence, phrase);
  const positions = phrase.map((p) => positionsOf(terms, p));
  if (positions.some((p) => p.length === 0)) return null;
  const asWritten = phrase.some((p) => NEGATION_TERMS.has(p));
  const ranks = ranksOf(terms);
  const affirmative = (n: Term['negated']) => !n || (n === 'excluded' && acceptExcluded);
  let found: PhraseMatch | null = null;
  for (const anchor of positions[0]!) {
    const chosen = [anchor];
    for (const list of positions.slice(1)) chosen.push(nearest(list, anchor));
    const from = Math.min(...chosen);
    const to = Math.max(...chosen);
    if (ranks[to]! - ranks[from]! + 1 > phrase.length + WINDOW_SLACK) continue;
    if (asWritten || chosen.every((i) => affirmative(terms[i]!.negated))) return { hit: 'yes', terms, from, to };
    found ??= { hit: 'negated', terms, from, to };
  }
  return found;
}

/** Every sentence holding the phrase, with how it holds it; looked up through the answer's term index. */
export function phraseHits(answer: AnalysedAnswer, phrase: readonly string[], acceptExcluded = false): Map<number, Hit> {
  const hits = new Map<number, Hit>();
  let rarest: number[] | undefined;
  for (const term of phrase) {
    const list = answer.index.get(term);
    if (!list) return hits;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  for (const i of rarest ?? []) {
    const hit = findPhrase(answer.sentences[i]!, phrase, acceptExcluded);
    if (hit) hits.set(i, hit);
  }
  return hits;
}
