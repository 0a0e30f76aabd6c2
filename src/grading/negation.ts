import type { Language } from '../content/language.js';
import { LANGUAGE } from '../content/language.compiled.js';
import type { Negation } from './lexicon.js';
import type { RawToken } from './nlp.js';

/** The negation and dismissal lists of data/language.yaml as sets, made once per grader (see `negationRules`). */
export interface NegationRules {
  clauseNegators: ReadonlySet<string>;
  phraseNegators: ReadonlySet<string>;
  protectedFaults: ReadonlySet<string>;
  notContrast: ReadonlySet<string>;
  protectiveVerbs: ReadonlySet<string>;
  /** Phrases after a negator that name a cost the design refuses to pay, as word lists: "at the cost of". */
  protectivePhrases: ReadonlyArray<readonly string[]>;
  /** Phrases whose clause states what the design prevents, as word lists: "make sure", "ensure". */
  guards: ReadonlyArray<readonly string[]>;
  conditionalOpeners: ReadonlySet<string>;
  clauseBreaks: ReadonlySet<string>;
  arrows: ReadonlySet<string>;
  relativePronouns: ReadonlySet<string>;
  subjectPronouns: ReadonlySet<string>;
  dismissedAfterNot: ReadonlySet<string>;
  dismissedAfterNo: ReadonlySet<string>;
  dismissingWords: ReadonlySet<string>;
  rejectingVerbs: ReadonlySet<string>;
  /** Two-word phrases, first word → second words: "rule out", "decide against". */
  rejectingPhrases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Two-word phrases opened by a phrase negator that set aside the rest of the clause: "no longer". */
  settingAside: ReadonlyMap<string, ReadonlySet<string>>;
  /** Phrases naming the alternative to what follows, as word lists: "instead of", "in place of". */
  alternativeTo: ReadonlyArray<readonly string[]>;
}

export function negationRules(language: Pick<Language, 'negation' | 'dismissals'>): NegationRules {
  const n = language.negation;
  const d = language.dismissals;
  const pairs = (phrases: readonly string[]) => {
    const out = new Map<string, Set<string>>();
    for (const phrase of phrases) {
      const [first, ...rest] = phrase.split(/\s+/);
      out.set(first!, new Set([...(out.get(first!) ?? []), rest.join(' ')]));
    }
    return out;
  };
  return {
    clauseNegators: new Set(n.clauseNegators),
    phraseNegators: new Set(n.phraseNegators),
    protectedFaults: new Set(n.protectedFaults),
    notContrast: new Set(n.notContrast),
    protectiveVerbs: new Set(n.protectiveVerbs),
    protectivePhrases: n.protectivePhrases.map((p) => p.split(/\s+/)),
    guards: n.guards.map((p) => p.split(/\s+/)),
    conditionalOpeners: new Set(n.conditionalOpeners),
    clauseBreaks: new Set(n.clauseBreaks),
    arrows: new Set(n.arrows),
    relativePronouns: new Set(n.relativePronouns),
    subjectPronouns: new Set(n.subjectPronouns),
    dismissedAfterNot: new Set(d.afterNot),
    dismissedAfterNo: new Set(d.afterNo),
    dismissingWords: new Set(d.words),
    rejectingVerbs: new Set(d.rejectingVerbs),
    rejectingPhrases: pairs(d.rejectingPhrases),
    settingAside: pairs(d.settingAside),
    alternativeTo: d.alternativeTo.map((p) => p.split(/\s+/)),
  };
}

/** The shipped lists, for callers that hand none. */
export const DEFAULT_NEGATION = negationRules(LANGUAGE);

/** How far after a negator a protective verb is looked for: "we never (want to) skip the A/B test". */
const PROTECTIVE_REACH = 4;
/** How far after "not" a dismissal is looked for: "is not really needed". */
const DISMISSAL_REACH = 3;
const PHRASE_END_POS = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'PRON']);
const RELATIVE_REACH = 4;
/** How far before a negator, within its clause, a guard is looked for: "makes sure (that) we don't show". */
const GUARD_REACH = 5;

/** Whether the lemmas of `phrase` start at token k. */
function phraseAt(tokens: readonly RawToken[], k: number, phrase: readonly string[]): boolean {
  return phrase.every((w, n) => tokens[k + n]?.lemma === w);
}

/**
 * "click or no click", "with or without a prior": the negator names the other value of a label or a choice and
 * rejects nothing.
 */
function namesBothValues(tokens: readonly RawToken[], i: number): boolean {
  if (tokens[i - 1]?.lemma !== 'or') return false;
  const before = tokens[i - 2]?.lemma;
  return before !== undefined && (before === tokens[i + 1]?.lemma || (before === 'with' && tokens[i]!.lemma === 'without'));
}

function isBreak(t: RawToken, rules: NegationRules): boolean {
  return (t.type === 'punctuation' && /^[,;:()\[\]—–.!?]$/.test(t.text)) || rules.clauseBreaks.has(t.lemma) || rules.arrows.has(t.text);
}

/** Token index ranges [start, end) of the clauses of a sentence. */
export function clauses(tokens: readonly RawToken[], rules: NegationRules = DEFAULT_NEGATION): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  tokens.forEach((t, i) => {
    // "and we …" starts a clause with a subject of its own: "accuracy is useless and we track recall".
    const newSubject = t.lemma === 'and' && tokens[i + 1]?.pos === 'PRON';
    if (isBreak(t, rules) || newSubject) {
      if (i > start) out.push([start, i]);
      start = rules.clauseBreaks.has(t.lemma) || newSubject ? i : i + 1;
    }
  });
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}

/**
 * Token flags set by ranges. A sentence of "no no no …" or "instead of … instead of …" marks overlapping ranges
 * thousands of times; each flag is visited once, the ranges skip what is already marked (union-find jumps).
 */
class Marks {
  readonly flags: boolean[];
  /** next[i]: an index at or before the first unmarked index from i; made on the first mark (most sentences have none). */
  private next: Int32Array | undefined;

  constructor(length: number) {
    this.flags = new Array<boolean>(length).fill(false);
  }

  private firstUnmarked(next: Int32Array, from: number): number {
    let root = from;
    while (next[root] !== root) root = next[root]!;
    for (let i = from; next[i] !== root; ) {
      const up = next[i]!;
      next[i] = root;
      i = up;
    }
    return root;
  }

  mark(from: number, to: number): void {
    if (from >= to) return;
    if (!this.next) {
      this.next = new Int32Array(this.flags.length + 1);
      for (let i = 0; i <= this.flags.length; i++) this.next[i] = i;
    }
    const next = this.next;
    for (let i = this.firstUnmarked(next, Math.max(0, from)); i < to; i = this.firstUnmarked(next, i + 1)) {
      this.flags[i] = true;
      next[i] = i + 1;
    }
  }
}

/** For each index, the first index at or after it whose token passes `test` (tokens.length when none); built on first use. */
function nextWhere(tokens: readonly RawToken[], test: (t: RawToken) => boolean): () => Int32Array {
  let next: Int32Array | undefined;
  return () => {
    if (next) return next;
    next = new Int32Array(tokens.length + 1).fill(tokens.length);
    for (let i = tokens.length - 1; i >= 0; i--) next[i] = test(tokens[i]!) ? i : next[i + 1]!;
    return next;
  };
}

/**
 * Which tokens of a sentence are negated or rejected, so that "we don't need A/B testing", "a feature store is
 * overkill", "we considered X but rejected it" and "instead of X" do not earn X. A sentence that opens with a
 * condition ("Without position-bias correction, the model learns its own ranking, so…") argues *for* the idea:
 * its opening clause is left affirmative.
 */
export function negatedTokens(tokens: readonly RawToken[], rules: NegationRules = DEFAULT_NEGATION): Negation[] {
  return readNegation(tokens, rules).negated;
}

/**
 * `negated` as negatedTokens gives it, and `dismissed`: the tokens of the clauses a dismissal sets aside as not worth
 * doing ("no need to estimate QPS", "X is not needed", "a feature store is overkill"). A rejection ("we ruled out a
 * DNN", "rather than clicks") is not a dismissal: it weighs one option against another.
 */
export function readNegation(tokens: readonly RawToken[], rules: NegationRules = DEFAULT_NEGATION): { negated: Negation[]; dismissed: boolean[] } {
  const marks = new Marks(tokens.length);
  const mark = (from: number, to: number) => marks.mark(from, to);
  const dismissal = new Marks(tokens.length);
  const dismiss = (from: number, to: number) => {
    mark(from, to);
    dismissal.mark(from, to);
  };
  const nextVerb = nextWhere(tokens, (t) => t.pos === 'VERB' || t.pos === 'AUX');
  const nextPhraseEnd = nextWhere(tokens, (t) => PHRASE_END_POS.has(t.pos));
  const nextSubject = nextWhere(tokens, (t) => rules.subjectPronouns.has(t.text.toLowerCase()));
  const parts = clauses(tokens, rules);
  parts.forEach(([start, end], clauseIndex) => {
    const first = tokens[start];
    const conditional = clauseIndex === 0 && parts.length > 1 && first !== undefined && rules.conditionalOpeners.has(first.lemma);
    for (let i = start; i < end; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      // "step up instead of rejecting" names the alternative, it does not reject the clause.
      const contrasted = rules.alternativeTo.some((p) => p.every((w, k) => tokens[i - p.length + k]?.lemma === w));
      if (rules.dismissingWords.has(t.lemma)) {
        dismiss(start, end);
        continue;
      }
      if (rules.rejectingVerbs.has(t.lemma) && !contrasted) {
        mark(start, end);
        if (rules.rejectingVerbs.has(t.lemma) && clauseIndex > 0) mark(parts[clauseIndex - 1]![0], parts[clauseIndex - 1]![1]);
        continue;
      }
      if (next && rules.rejectingPhrases.get(t.lemma)?.has(next.lemma)) {
        mark(start, end);
        continue;
      }
      const alternative = rules.alternativeTo.find((p) => p.every((w, k) => tokens[i + k]?.lemma === w));
      if (alternative) {
        // The alternative ends with its clause, or where a subject pronoun opens the main clause ("Instead of
        // waiting three weeks we interleave both rankings").
        mark(i, Math.min(end, nextSubject()[i + alternative.length + 1] ?? end));
        continue;
      }
      if (conditional || /^["“'‘]$/.test(tokens[i - 1]?.text ?? '')) continue;
      if (rules.clauseNegators.has(t.lemma) || rules.phraseNegators.has(t.lemma)) {
        const reach = Math.min(end, i + 1 + PROTECTIVE_REACH);
        if (tokens.slice(i + 1, reach).some((n) => rules.protectiveVerbs.has(n.lemma))) continue;
        let protectedCost = false;
        for (let k = i + 1; k < reach && !protectedCost; k++) protectedCost = rules.protectivePhrases.some((p) => phraseAt(tokens, k, p));
        if (protectedCost || namesBothValues(tokens, i)) continue;
      }
      // Under a guard ("makes sure we don't…") the negation is what the design prevents; a dismissal still dismisses.
      const guarded = () => {
        for (let k = Math.max(start, i - GUARD_REACH); k < i; k++) if (rules.guards.some((p) => phraseAt(tokens, k, p))) return true;
        return false;
      };
      if (rules.clauseNegators.has(t.lemma)) {
        if (next && rules.notContrast.has(next.lemma)) continue;
        const dismissed = tokens
          .slice(i + 1, Math.min(end, i + 1 + DISMISSAL_REACH))
          .some((n) => rules.dismissedAfterNot.has(n.lemma) || rules.dismissedAfterNot.has(n.text.toLowerCase()));
        if (dismissed) dismiss(start, end);
        else if (!guarded()) mark(i, relativeClauseEnd(tokens, nextVerb, start, i, end, rules));
        continue;
      }
      if (rules.phraseNegators.has(t.lemma)) {
        if (next && rules.dismissedAfterNo.has(next.lemma)) {
          dismiss(i, end);
          continue;
        }
        if (guarded()) continue;
        if (next && rules.settingAside.get(t.lemma)?.has(next.lemma)) {
          mark(i, end);
          continue;
        }
        let j = i + 1;
        if (j < end && /ing$/.test(tokens[j]!.text.toLowerCase())) j++;
        j = Math.min(end, nextPhraseEnd()[j]!);
        const head = tokens[j - 1];
        if (head && j - 1 > i && rules.protectedFaults.has(head.lemma.toLowerCase())) continue;
        mark(i, j);
      }
    }
  });
  const excluded = new Marks(tokens.length);
  markExcluded(tokens, excluded);
  return { negated: marks.flags.map((negated, i): Negation => negated || (excluded.flags[i] ? 'excluded' : false)), dismissed: dismissal.flags };
}

/**
 * Where a "not" inside a relative clause stops: "items that don't ship to your country are filtered out" negates
 * shipping, not the filtering. After the negated verb, the next verb is the main clause's; a "not" outside a
 * relative clause runs to `end`.
 */
function relativeClauseEnd(tokens: readonly RawToken[], nextVerb: () => Int32Array, start: number, at: number, end: number, rules: NegationRules): number {
  const isVerb = (t: RawToken | undefined) => t?.pos === 'VERB' || t?.pos === 'AUX';
  // "videos that break the rules or are not licensed": a "not" in the second verb phrase of a relative clause; the
  // opener is looked for before the "or" / "and" that joins the two.
  let from = at;
  for (let k = at - 1; k > start && k >= at - 3; k--) {
    const t = tokens[k]!;
    if (t.pos === 'CCONJ' && (t.lemma === 'or' || t.lemma === 'and')) {
      from = k;
      break;
    }
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  let opener = false;
  for (let k = Math.max(start + 1, from - (from < at ? 2 * RELATIVE_REACH : RELATIVE_REACH)); k < from; k++) {
    const before = tokens[k - 1]!.pos;
    if (rules.relativePronouns.has(tokens[k]!.lemma) && (before === 'NOUN' || before === 'PROPN')) opener = true;
  }
  if (!opener) return end;
  let j = at + 1;
  // The negated verb itself: one word, or an auxiliary and its verb ("not be used").
  if (tokens[j]?.pos === 'AUX' && tokens[j + 1]?.pos === 'VERB') j += 2;
  else if (isVerb(tokens[j])) j++;
  return j < end ? Math.min(end, nextVerb()[j]!) : j;
}

/** Breaks that end a scope exclusion's reach; commas do not, since exclusions are usually lists. */
const STRONG_BREAKS = new Set([';', '.', '!', '?', '(', ')', '—', '–']);

/** Where a scope phrase starts at token i, its length: "out of scope", "outside this design", "leaving … out / aside". */
function scopePhraseAt(tokens: readonly RawToken[], i: number): number {
  const lemma = (k: number) => tokens[k]?.lemma.toLowerCase();
  if (lemma(i) === 'out' && lemma(i + 1) === 'of' && lemma(i + 2) === 'scope') return 3;
  if (lemma(i) === 'outside' && ['scope', 'design', 'system'].includes(lemma(i + 1) ?? '')) return 2;
  if (lemma(i) === 'outside' && ['scope', 'design', 'system'].includes(lemma(i + 2) ?? '')) return 3;
  if (lemma(i) === 'leave' && (lemma(i + 1) === 'out' || lemma(i + 1) === 'aside')) return 2;
  return 0;
}

/**
 * Scope exclusions reject what they name, as "rather than X" does: "appeals are out of scope", "out of scope: bid
 * setting, pacing", "I'll leave search and ads out of scope", "leaving search aside". The phrase itself stays
 * affirmative, so the answer still gets credit for stating its scope.
 */
function markExcluded(tokens: readonly RawToken[], marks: Marks): void {
  const mark = (from: number, to: number) => marks.mark(from, to);
  const nextStrongBreak = nextWhere(tokens, (t) => STRONG_BREAKS.has(t.text));
  // Where the stretch that ends at each token starts: just after the last strong break or colon before it.
  let stretch = 0;
  let stretchEnd = 0;
  const stretchStart = (at: number) => {
    for (; stretchEnd < at; stretchEnd++) if (STRONG_BREAKS.has(tokens[stretchEnd]!.text) || tokens[stretchEnd]!.text === ':') stretch = stretchEnd + 1;
    return stretch;
  };
  for (let i = 0; i < tokens.length; i++) {
    const length = scopePhraseAt(tokens, i);
    const leave = tokens[i]!.lemma.toLowerCase() === 'leave';
    if (!length && !leave) continue;
    if (leave && !length) {
      // "leaving X aside", "leave X out of scope": what sits between the verb and "aside/out" is excluded.
      let j = i + 1;
      while (j < tokens.length && j <= i + 8 && !STRONG_BREAKS.has(tokens[j]!.text) && !['aside', 'out'].includes(tokens[j]!.lemma.toLowerCase())) j++;
      if (j < tokens.length && j > i + 1 && ['aside', 'out'].includes(tokens[j]!.lemma.toLowerCase())) mark(i + 1, j);
      continue;
    }
    // Before the phrase, back to the last strong break: "search is out of scope", "bans are outside this design".
    mark(stretchStart(i), i);
    // After it, a colon opens the list of what is left out: "out of scope for this round: A, B".
    let colon = i + length;
    while (colon < tokens.length && colon <= i + length + 5 && tokens[colon]!.text !== ':') colon++;
    if (colon < tokens.length && colon <= i + length + 5) mark(colon + 1, nextStrongBreak()[colon + 1]!);
    i += length - 1;
  }
}
