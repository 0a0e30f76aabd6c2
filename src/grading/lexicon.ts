import { createHash } from 'node:crypto';
import type { Language } from '../content/language.js';
import type { Vocabulary } from '../content/schema.js';
import { LANGUAGE } from '../content/language.compiled.js';
import { negationRules, type NegationRules } from './negation.js';
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

interface Variant {
  norms: string[];
  caps: boolean[];
  id: string;
}

/**
 * The vocabulary's synonym groups after the language model has read them: what the constructor builds, in a
 * form that survives JSON. `npm run build` writes it for data/vocabulary.yaml so that a run need not tokenise
 * several thousand wordings before grading; `key` ties it to the vocabulary it came from.
 */
export interface CompiledLexicon {
  key: string;
  synonyms: Array<[string, Variant[]]>;
  pairs: Array<[string, string]>;
  /** Rubric phrases already normalised (the shipped prompts' concepts), by their text. */
  phrases?: Record<string, NormalisedPhrase>;
}

export interface NormalisedPhrase {
  terms: string[];
  words: Array<[string, string]>;
}

/** Bump when the way wordings become terms changes, so that a compiled lexicon from an older build is not used. */
const LEXICON_FORMAT = 5;

/**
 * Identifies a vocabulary's synonyms and word fixes and the stopwords, the only parts the compiled form depends on
 * (a phrase's terms leave its stopwords out).
 */
export function lexiconKey(vocabulary: Pick<Vocabulary, 'synonyms' | 'words' | 'language'>): string {
  const stopwords = (vocabulary.language ?? LANGUAGE).stopwords;
  return createHash('sha1').update(JSON.stringify([LEXICON_FORMAT, vocabulary.synonyms, vocabulary.words, stopwords])).digest('hex');
}

/**
 * The shipped stopwords (data/language.yaml), words that carry no meaning for matching a phrase ("the position of
 * the item" ≈ "item position"); a grader uses those of the vocabulary it was given (`Lexicon.stopwords`).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(LANGUAGE.stopwords);

/** Scale words as written: "a million" is a figure, "millions of" an order of magnitude that sizes nothing. */
const SCALE_WORDS = new Set(['million', 'billion', 'thousand', 'hundred', 'trillion']);
const QUANTITY = /^[~≈<>]?\d[\d,.]*(?:[a-z%×x]{0,4})$/;

const SMALL_COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * A digit joined by a hyphen to the word after it ("2-stage", "3-tower", "2-step") is a count written the short way:
 * read as its word ("two-stage"), as a small count in words is, not as a figure.
 */
function countInCompound(tokens: readonly RawToken[], i: number): string | undefined {
  const digit = tokens[i]!.text;
  if (tokens[i]!.type !== 'number' || !/^[1-9]$/.test(digit) || tokens[i + 1]?.text !== '-' || tokens[i + 2]?.type !== 'word') return undefined;
  if (tokens[i - 1]?.text === '-' || /^\d/.test(tokens[i + 2]!.text)) return undefined;
  return SMALL_COUNTS[Number(digit) - 1];
}

/** A comparison sign before a number, as the word a sentence would use: "score > 0.95" is "score above 0.95". */
const COMPARISONS: ReadonlyMap<string, string> = new Map([['>', 'above'], ['>=', 'above'], ['≥', 'above'], ['<', 'below'], ['<=', 'below'], ['≤', 'below']]);

const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
/** Up to this many hours between runs, "every N hours" is what people call "every few hours". */
const FEW_HOURS = 12;

/**
 * Where "every" at token i opens a cadence of a few hours ("every 4 h", "every 2–4 hours", "every 6 hrs"), the index
 * of its unit: the cadence reads as "every few hours" too, its unit as "hours". Once an hour or a day is not "a few".
 */
function fewHoursAfter(tokens: readonly RawToken[], i: number): number | undefined {
  if (tokens[i]!.lemma !== 'every') return undefined;
  let k = i + 1;
  const numbers: number[] = [];
  while (tokens[k]?.type === 'number' && numbers.length < 2) {
    numbers.push(Number(tokens[k]!.text));
    k++;
    if (numbers.length === 1 && /^[-–—]$/.test(tokens[k]?.text ?? '') && tokens[k + 1]?.type === 'number') k++;
  }
  const unit = tokens[k]?.text.toLowerCase();
  if (!numbers.length || !unit || !HOUR_UNITS.has(unit)) return undefined;
  return numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= FEW_HOURS) && Math.max(...numbers) >= 2 ? k : undefined;
}

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
  private readonly synonyms: Map<string, Variant[]>;
  readonly notTypos: Set<string>;
  private readonly vocabularyPairs: Array<[string, string]>;
  private readonly key: string;
  private readonly known = new Map<string, NormalisedPhrase>();
  /** The word lists of data/language.yaml this lexicon reads with (the shipped copy when the vocabulary has none). */
  readonly language: Language;
  readonly stopwords: ReadonlySet<string>;
  readonly negation: NegationRules;

  /** `compiled` is used only when it was made from this very vocabulary; otherwise the groups are compiled here. */
  constructor(
    vocabulary: Vocabulary,
    private readonly nlp: Nlp,
    compiled?: CompiledLexicon,
  ) {
    this.words = new Map(Object.entries(vocabulary.words));
    this.language = vocabulary.language ?? LANGUAGE;
    this.stopwords = vocabulary.language ? new Set(vocabulary.language.stopwords) : STOPWORDS;
    this.negation = negationRules(this.language);
    this.notTypos = new Set(vocabulary.notTypos.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    this.key = lexiconKey(vocabulary);
    if (compiled?.key === this.key) {
      this.synonyms = new Map(compiled.synonyms);
      this.vocabularyPairs = compiled.pairs;
      for (const [text, phrase] of Object.entries(compiled.phrases ?? {})) this.known.set(text, phrase);
      return;
    }
    this.synonyms = new Map();
    this.vocabularyPairs = [];
    const groupIds = vocabulary.synonyms.flatMap((group) => group.map(() => `~${group[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`));
    nlp.tokenizeMany(vocabulary.synonyms.flat()).forEach((tokens, i) => this.addSynonym(groupIds[i]!, tokens));
    for (const list of this.synonyms.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  }

  /** The synonym groups as built and the given rubric phrases normalised, for `npm run build` to store. */
  compiled(phrases: readonly string[] = []): CompiledLexicon {
    const unique = [...new Set(phrases)];
    const normalised = this.phrases(unique);
    return { key: this.key, synonyms: [...this.synonyms], pairs: this.vocabularyPairs, phrases: Object.fromEntries(unique.map((p, i) => [p, normalised[i]!])) };
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
  phrases(texts: readonly string[]): NormalisedPhrase[] {
    const unknown = texts.filter((t) => !this.known.has(t));
    const fresh = this.tokenizePhrases(unknown);
    let next = 0;
    return texts.map((t) => this.known.get(t) ?? fresh[next++]!);
  }

  private tokenizePhrases(texts: readonly string[]): NormalisedPhrase[] {
    return this.nlp.tokenizeMany(texts).map((tokens) => {
      const raw = tokens.flatMap((t) => this.tokenTerms(t, false));
      const terms = this.collapse(raw).map((t) => t.norm);
      const content = terms.filter((t) => !this.stopwords.has(t));
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
    let hoursAt = -1;
    tokens.forEach((token, i) => {
      const count = countInCompound(tokens, i);
      if (count) {
        words.push(this.plain(count, negated[i] ?? false));
        return;
      }
      // The sign's word rides on the number as its other reading, so it takes no place of its own in a phrase's window.
      const compared = COMPARISONS.get(tokens[i - 1]?.text ?? '');
      if (compared && token.type === 'number') {
        const [figure, ...rest] = this.tokenTerms(token, negated[i] ?? false);
        if (figure) words.push({ ...figure, alt: this.word(compared) }, ...rest);
        return;
      }
      if (i === hoursAt) {
        words.push(this.plain('hours', negated[i] ?? false));
        return;
      }
      const cadence = fewHoursAfter(tokens, i);
      if (cadence) {
        hoursAt = cadence;
        words.push(...this.tokenTerms(token, negated[i] ?? false), this.plain('few', negated[i] ?? false));
        return;
      }
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
    return [{ norm: stem(this.words.get(lemma) ?? lemma), lower, caps: CAPITALS.test(parts[0] ?? text), num: SCALE_WORDS.has(lower), negated }];
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
