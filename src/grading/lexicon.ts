import type { Vocabulary } from '../content/schema.js';
import type { Nlp, RawToken } from './nlp.js';
import { stem } from './stem.js';

/** One normalised word of an answer or a rubric phrase. */
export interface Term {
  /** The form matched on: lemma → spelling fixes → stem, or "~group" for a vocabulary synonym group. */
  norm: string;
  /** For the first part of a hyphenated word, the joined form ("re-ranking" → "rerank"). */
  alt?: string;
  /** The word as written, lower-case (for typo tolerance). */
  lower: string;
  /** Written in capitals ("MAP", "CEs"): only such a word matches a vocabulary variant written in capitals. */
  caps?: boolean;
  /** Digits, or a digit-led quantity such as "10k", "100ms". */
  num: boolean;
  /** Negated or rejected; 'excluded' when only a scope exclusion leaves it out ("appeals are out of scope"). */
  negated: Negation;
}

export type Negation = boolean | 'excluded';

/** Words that carry no meaning for matching a phrase ("the position of the item" ≈ "item position"). */
export const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'and', 'or', 'is', 'are', 'be', 'been',
  'it', 'its', 'this', 'that', 'these', 'those', 'we', 'our', 'you', 'your', 'they', 'their', 'as', 'from',
  'into', 'each', 'per', 'some', 'any', 'can', 'will', 'would', 'should', 'could', 'do', 'does', 'has', 'have',
  'was', 'were', 'i', 'my', 'which', 'who', 'so', 'such', 'than', 'then', 'also', 'very', 'more', 'most',
]);

const SCALE_WORDS = new Set(['million', 'billion', 'thousand', 'hundred', 'trillion']);
const QUANTITY = /^[~≈<>]?\d[\d,.]*(?:[a-z%×x]{0,4})$/;

/** Capitals and digits, an optional plural "s": how an abbreviation is written ("MAP", "L2", "CEs"). */
const CAPITALS = /^(?=.*\p{Lu})[\p{Lu}\p{N}]+s?$/u;

const KEEP_FIRST = /[\p{L}\p{N}@~]/u;
const KEEP_LAST = /[\p{L}\p{N}%]/u;

/**
 * A word without the punctuation around it: from the first letter, digit, "@" or "~" to the last letter, digit or
 * "%". A scan by code point; the pattern it replaces, /^[^\p{L}\p{N}@~]+|[^\p{L}\p{N}%]+$/gu, rescanned a long run
 * of punctuation from each of its characters.
 */
export function stripEdges(s: string): string {
  // Most tokens start and end with an ASCII letter or digit: nothing to strip.
  if (/[a-z0-9@~]/i.test(s[0] ?? '') && /[a-z0-9%]/i.test(s[s.length - 1] ?? '')) return s;
  let start = 0;
  while (start < s.length) {
    const char = String.fromCodePoint(s.codePointAt(start)!);
    if (KEEP_FIRST.test(char)) break;
    start += char.length;
  }
  let end = s.length;
  while (end > start) {
    const pair = end - 2 >= start && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(s.slice(end - 2, end));
    const char = s.slice(pair ? end - 2 : end - 1, end);
    if (KEEP_LAST.test(char)) break;
    end -= char.length;
  }
  return s.slice(start, end);
}

/**
 * Turns tokens into normalised terms, the same way for answers and rubric phrases: lower-case lemma, the
 * vocabulary's word fixes, British → American spelling, a light stemmer, hyphen/slash parts split (with the
 * joined form kept), and synonym groups collapsed to one term.
 */
export class Lexicon {
  private readonly words: Map<string, string>;
  /**
   * First term → the synonym variants starting with it, longest first. `caps` marks the words a variant writes
   * in capitals: "MAP" is mean average precision, "map" the ordinary word.
   */
  private readonly synonyms = new Map<string, Array<{ norms: string[]; caps: boolean[]; id: string }>>();
  readonly notTypos: Set<string>;
  private readonly vocabularyPairs: Array<[string, string]> = [];

  constructor(
    vocabulary: Vocabulary,
    private readonly nlp: Nlp,
  ) {
    this.words = new Map(Object.entries(vocabulary.words));
    this.notTypos = new Set(vocabulary.notTypos.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    const groupIds = vocabulary.synonyms.flatMap((group) => group.map(() => `~${group[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`));
    nlp.tokenizeMany(vocabulary.synonyms.flat()).forEach((tokens, i) => this.addSynonym(groupIds[i]!, tokens));
    for (const list of this.synonyms.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  }

  private addSynonym(id: string, tokens: readonly RawToken[]): void {
    const raw = tokens.flatMap((t) => this.tokenTerms(t, false));
    for (const t of raw) if (!t.num) this.vocabularyPairs.push([t.lower, t.norm]);
    const norms = raw.map((t) => t.norm);
    if (!norms.length) return;
    const caps = raw.map((t) => t.caps === true);
    const list = this.synonyms.get(norms[0]!) ?? [];
    const key = (v: { norms: string[]; caps: boolean[] }) => v.norms.map((n, k) => (v.caps[k] ? n.toUpperCase() : n)).join(' ');
    if (!list.some((known) => key(known) === key({ norms, caps }))) list.push({ norms, caps, id });
    this.synonyms.set(norms[0]!, list);
  }

  /** The terms of a short phrase, synonyms collapsed, stopwords dropped (kept when the phrase is only stopwords). */
  phrase(text: string): string[] {
    return this.phrases([text])[0]!.terms;
  }

  /** Many phrases in one model pass: their terms, and their words as (written, normalised) for the typo index. */
  phrases(texts: readonly string[]): Array<{ terms: string[]; words: Array<[string, string]> }> {
    return this.nlp.tokenizeMany(texts).map((tokens) => {
      const raw = tokens.flatMap((t) => this.tokenTerms(t, false));
      const terms = this.collapse(raw).map((t) => t.norm);
      const content = terms.filter((t) => !STOPWORDS.has(t));
      return { terms: content.length ? content : terms, words: raw.filter((t) => !t.num).map((t) => [t.lower, t.norm] as [string, string]) };
    });
  }

  /**
   * Terms of a tokenised sentence, with negation flags carried from the tokens: `words` one per word, and
   * `terms` with synonym groups collapsed. Both are kept so that a rubric phrase naming a group ("ANN") and
   * one naming a plain word inside a group's variant ("streaming" in "streaming pipeline") both match.
   */
  terms(tokens: readonly RawToken[], negated: readonly Negation[], correct?: (lower: string, norm: string) => string | undefined): { words: Term[]; terms: Term[] } {
    const words: Term[] = [];
    tokens.forEach((token, i) => {
      for (const term of this.tokenTerms(token, negated[i] ?? false)) {
        const fixed = correct && !term.num ? correct(term.lower, term.norm) : undefined;
        words.push(fixed ? { ...term, norm: fixed } : term);
      }
    });
    return { words, terms: this.collapse(words) };
  }

  /** Normalises one word as written (no lemma): used for typo candidates and joined forms. */
  word(lower: string): string {
    return stem(this.words.get(lower) ?? lower);
  }

  /** (as written, normalised) pairs of every word in the vocabulary's synonym groups. */
  vocabularyWords(): Array<[string, string]> {
    return this.vocabularyPairs;
  }

  private tokenTerms(token: RawToken, negated: Negation): Term[] {
    if (token.type === 'punctuation' || token.type === 'symbol' || token.type === 'tabCRLF' || token.type === 'emoji') return [];
    const text = stripEdges(token.text);
    let lower = text.toLowerCase();
    if (!lower) return [];
    if (lower.startsWith('@')) return [this.plain('at', negated), this.plain('k', negated)];
    if (token.type === 'number' || QUANTITY.test(lower)) {
      return [{ norm: lower.replace(/,/g, ''), lower, num: true, negated }];
    }
    const parts = text.split(/[-/]+/).filter(Boolean);
    if (parts.length > 1) {
      const terms = parts.map((p) => this.plain(p, negated));
      terms[0] = { ...terms[0]!, alt: this.word(parts.join('').toLowerCase()) };
      return terms;
    }
    lower = parts[0]?.toLowerCase() ?? lower;
    const fixed = this.words.get(lower);
    const lemma = token.pos === 'PROPN' || fixed ? (fixed ?? lower) : stripEdges(token.lemma) || lower;
    return [{ norm: stem(this.words.get(lemma) ?? lemma), lower, caps: CAPITALS.test(parts[0] ?? text), num: SCALE_WORDS.has(lemma), negated }];
  }

  private plain(text: string, negated: Negation): Term {
    const lower = text.toLowerCase();
    return { norm: this.word(lower), lower, caps: CAPITALS.test(text), num: QUANTITY.test(lower), negated };
  }

  /** Collapses vocabulary synonym variants to their group term, longest match first. */
  private collapse(terms: Term[]): Term[] {
    const out: Term[] = [];
    for (let i = 0; i < terms.length; ) {
      const t = terms[i]!;
      const candidates = [...(this.synonyms.get(t.norm) ?? []), ...((t.alt && this.synonyms.get(t.alt)) || [])];
      const hit = candidates.find((v) =>
        v.norms.every((n, k) => (!v.caps[k] || terms[i + k]?.caps) && (terms[i + k]?.norm === n || (k === 0 && terms[i]?.alt === n && v.norms.length === 1))),
      );
      if (hit) {
        const span = t.alt && hit.norms.length === 1 && hit.norms[0] === t.alt ? this.hyphenSpan(terms, i) : hit.norms.length;
        const covered = terms.slice(i, i + span);
        out.push({ norm: hit.id, lower: covered.map((c) => c.lower).join(' '), num: false, negated: covered.some((c) => c.negated === true) || (covered.some((c) => c.negated) && 'excluded') });
        i += span;
      } else {
        out.push(t);
        i++;
      }
    }
    return out;
  }

  /** How many terms a hyphenated word was split into (its joined form equals the concatenated parts). */
  private hyphenSpan(terms: Term[], i: number): number {
    let joined = '';
    for (let k = i; k < terms.length; k++) {
      joined += terms[k]!.lower;
      if (this.word(joined) === terms[i]!.alt) return k - i + 1;
    }
    return 1;
  }
}
