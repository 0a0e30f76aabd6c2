import type { Negation } from './lexicon.js';
import type { RawToken } from './nlp.js';

/** Negators whose scope runs to the end of the clause: "we do not need A/B testing". */
const CLAUSE_NEGATORS = new Set(['not', 'never', 'neither', 'nor', 'cannot']);
/** Negating determiners whose scope is the noun phrase that follows: "videos with no views get…". */
const PHRASE_NEGATORS = new Set(['no', 'without']);
/** Faults a design rules out: "so no leakage from later events" commits to preventing the leak. */
const PROTECTED_FAULTS = new Set(['leakage', 'leak', 'skew', 'mismatch', 'lookahead', 'look-ahead', 'contamination', 'peeking']);
/** Nouns after "no" that widen its scope to the clause: "no need to monitor drift". */
const NO_WIDENERS = new Set(['need', 'point', 'reason', 'plan', 'use', 'value', 'benefit']);
/** After "not": a contrast, not a rejection ("not only clicks but watch time"). */
const NOT_CONTRAST = new Set(['only', 'just', 'simply', 'merely', 'solely', 'purely']);
/** "X is not needed / not worth it / not a concern": the subject is what is rejected. */
const DISMISSED_AFTER_NOT = new Set([
  'need', 'needed', 'require', 'required', 'necessary', 'worth', 'useful', 'important', 'helpful', 'relevant',
  'matter', 'concern', 'priority', 'problem', 'issue', 'critical', 'essential', 'valuable', 'applicable',
]);
/**
 * Negated verbs of loss or harm protect what follows: "we don't lose diversity", "without hurting latency",
 * "we never skip the A/B test" commit to the idea rather than reject it.
 */
const PROTECTIVE_VERBS = new Set([
  'lose', 'hurt', 'harm', 'degrade', 'break', 'sacrifice', 'miss', 'drop', 'reduce', 'leak', 'overfit', 'ignore',
  'forget', 'neglect', 'compromise', 'skip', 'exceed', 'violate', 'starve', 'bury', 'blow',
]);
const PROTECTIVE_REACH = 4;

/** Words that dismiss the clause they stand in: "a feature store is overkill". */
const DISMISSING_WORDS = new Set([
  'overkill', 'unnecessary', 'needless', 'pointless', 'overengineering', 'over-engineering', 'overengineered',
  'over-engineered', 'superfluous', 'unneeded', 'irrelevant', 'useless', 'premature',
]);
/** Verbs that reject what the clause (and a preceding "we considered X" clause) names. */
const REJECTING_VERBS = new Set(['reject', 'dismiss', 'discard', 'abandon', 'veto', 'scrap']);
const CONDITIONAL_OPENERS = new Set(['without', 'if', 'unless', 'otherwise']);
const CLAUSE_BREAK_WORDS = new Set(['but', 'whereas', 'however', 'although', 'though', 'because', 'since', 'so', 'until', 'if', 'unless', 'when']);
const PHRASE_END_POS = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'PRON']);
/** Pronouns that open a relative clause: "items that don't ship here are filtered out". */
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whose']);
const RELATIVE_REACH = 4;

/** Note-takers' arrows ("not mature → train on older data") join two clauses; "->" arrives as "-" then ">". */
const ARROWS = new Set(['→', '⇒', '>', '=>', '->']);

function isBreak(t: RawToken): boolean {
  return (t.type === 'punctuation' && /^[,;:()\[\]—–.!?]$/.test(t.text)) || CLAUSE_BREAK_WORDS.has(t.lemma) || ARROWS.has(t.text);
}

/** Token index ranges [start, end) of the clauses of a sentence. */
export function clauses(tokens: readonly RawToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  tokens.forEach((t, i) => {
    // "and we …" starts a clause with a subject of its own: "accuracy is useless and we track recall".
    const newSubject = t.lemma === 'and' && tokens[i + 1]?.pos === 'PRON';
    if (isBreak(t) || newSubject) {
      if (i > start) out.push([start, i]);
      start = CLAUSE_BREAK_WORDS.has(t.lemma) || newSubject ? i : i + 1;
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
export function negatedTokens(tokens: readonly RawToken[]): Negation[] {
  const marks = new Marks(tokens.length);
  const mark = (from: number, to: number) => marks.mark(from, to);
  const nextVerb = nextWhere(tokens, (t) => t.pos === 'VERB' || t.pos === 'AUX');
  const nextPhraseEnd = nextWhere(tokens, (t) => PHRASE_END_POS.has(t.pos));
  const parts = clauses(tokens);
  parts.forEach(([start, end], clauseIndex) => {
    const first = tokens[start];
    const conditional = clauseIndex === 0 && parts.length > 1 && first !== undefined && CONDITIONAL_OPENERS.has(first.lemma);
    for (let i = start; i < end; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      // "step up instead of rejecting" names the alternative, it does not reject the clause.
      const contrasted = tokens[i - 1]?.lemma === 'of' && tokens[i - 2]?.lemma === 'instead' || tokens[i - 1]?.lemma === 'than';
      if (DISMISSING_WORDS.has(t.lemma) || (REJECTING_VERBS.has(t.lemma) && !contrasted)) {
        mark(start, end);
        if (REJECTING_VERBS.has(t.lemma) && clauseIndex > 0) mark(parts[clauseIndex - 1]![0], parts[clauseIndex - 1]![1]);
        continue;
      }
      if (t.lemma === 'rule' && next?.lemma === 'out') {
        mark(start, end);
        continue;
      }
      if ((t.lemma === 'instead' && next?.lemma === 'of') || (t.lemma === 'rather' && next?.lemma === 'than') || (t.lemma === 'in' && next?.lemma === 'place' && tokens[i + 2]?.lemma === 'of')) {
        mark(i, end);
        continue;
      }
      if (t.lemma === 'decide' && next?.lemma === 'against') {
        mark(start, end);
        continue;
      }
      if (conditional || /^["“'‘]$/.test(tokens[i - 1]?.text ?? '')) continue;
      if (CLAUSE_NEGATORS.has(t.lemma) || PHRASE_NEGATORS.has(t.lemma)) {
        if (tokens.slice(i + 1, Math.min(end, i + 1 + PROTECTIVE_REACH)).some((n) => PROTECTIVE_VERBS.has(n.lemma))) continue;
      }
      if (CLAUSE_NEGATORS.has(t.lemma)) {
        if (next && NOT_CONTRAST.has(next.lemma)) continue;
        const dismissed = tokens.slice(i + 1, Math.min(end, i + 4)).some((n) => DISMISSED_AFTER_NOT.has(n.lemma) || DISMISSED_AFTER_NOT.has(n.text.toLowerCase()));
        mark(dismissed ? start : i, dismissed ? end : relativeClauseEnd(tokens, nextVerb, start, i, end));
        continue;
      }
      if (PHRASE_NEGATORS.has(t.lemma)) {
        if (next && (NO_WIDENERS.has(next.lemma) || t.lemma === 'no' && next.lemma === 'longer')) {
          mark(i, end);
          continue;
        }
        let j = i + 1;
        if (j < end && /ing$/.test(tokens[j]!.text.toLowerCase())) j++;
        j = Math.min(end, nextPhraseEnd()[j]!);
        const head = tokens[j - 1];
        if (head && j - 1 > i && PROTECTED_FAULTS.has(head.lemma.toLowerCase())) continue;
        mark(i, j);
      }
    }
  });
  const excluded = new Marks(tokens.length);
  markExcluded(tokens, excluded);
  return marks.flags.map((negated, i): Negation => negated || (excluded.flags[i] ? 'excluded' : false));
}

/**
 * Where a "not" inside a relative clause stops: "items that don't ship to your country are filtered out" negates
 * shipping, not the filtering. After the negated verb, the next verb is the main clause's; a "not" outside a
 * relative clause runs to `end`.
 */
function relativeClauseEnd(tokens: readonly RawToken[], nextVerb: () => Int32Array, start: number, at: number, end: number): number {
  const isVerb = (t: RawToken | undefined) => t?.pos === 'VERB' || t?.pos === 'AUX';
  let opener = false;
  for (let k = Math.max(start + 1, at - RELATIVE_REACH); k < at; k++) {
    const before = tokens[k - 1]!.pos;
    if (RELATIVE_PRONOUNS.has(tokens[k]!.lemma) && (before === 'NOUN' || before === 'PROPN')) opener = true;
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
