/**
 * Checked arithmetic: the numbers a candidate derives (QPS from users and sessions, storage from counts and sizes,
 * a chain "a × b = c", the time a heavy model needs for the work it is given) are redone, and a result off by
 * more than OFF_BY (3×) becomes a red flag whose id starts with `arithmetic-`. Right derivations are returned
 * too, so that a report can credit them. Pure: text in, findings out.
 *
 * Severity rule: a wrong QPS, storage figure, product or a figure that contradicts the fact sheet is `minor`
 * (it deducts; the design usually survives a slip in a back-of-the-envelope sum). A latency claim off by
 * MAJOR_LATENCY (30×) or more is `major`: the design rests on a heavy model doing work it cannot do in the
 * budget. Arithmetic alone is never `disqualifying`.
 */
import type { Severity } from '../content/schema.js';
import type { PhaseId } from '../phases.js';
import type { AnswerSection, CheckedArithmetic } from './types.js';
import {
  formatCount, formatDuration, formatQuantity, MAY_HOLD_NUMBER, readQuantities, SECONDS, tokenize,
  type Quantity, type QuantityClass, type TimeUnit, type Token,
} from './numbers.js';

export const OFF_BY = 3;
export const MAJOR_LATENCY = 30;

export type ArithmeticId = 'arithmetic-qps' | 'arithmetic-storage' | 'arithmetic-latency' | 'arithmetic-product' | 'arithmetic-fact';
export type ArithmeticKind = 'qps' | 'storage' | 'latency' | 'product' | 'fact';
export type { Severity };

/** A red flag in the contract's shape (`redFlags` in `mlsd score --json`), plus the factor it is off by. */
export interface ArithmeticFlag {
  id: ArithmeticId;
  phase: PhaseId;
  severity: Severity;
  /** The candidate's sentence, as written. */
  evidence: string;
  /** The arithmetic redone, in words. */
  why: string;
  /** What to say instead. */
  instead: string;
  /** How far the claim is from the redone result (≥ 1; > OFF_BY for a flag). */
  off: number;
}

/** One derivation that was checked, right or wrong: the grade's `CheckedArithmetic`, with its kind named. */
export interface ArithmeticCheck extends CheckedArithmetic {
  kind: ArithmeticKind;
}

export interface ArithmeticResult {
  /** Wrong derivations, as red flags (one per sentence and id). */
  flags: ArithmeticFlag[];
  /** Every derivation checked, right ones included (`ok: true`), in text order. */
  checks: ArithmeticCheck[];
}

export interface ArithmeticOptions {
  /** The request's latency budget in ms, when known (the fact sheet's); else the answer's own, else 1 s. */
  budgetMs?: number;
  /** The catalogue size, for "score every video" with no number in the sentence; else the answer's largest item count. */
  catalogue?: number;
}

const DEFAULT_PHASE: Record<ArithmeticKind, PhaseId> = {
  qps: 'requirements', storage: 'serving', latency: 'serving', product: 'requirements', fact: 'requirements',
};

// ---------------------------------------------------------------------------------------------------------------
// Sentences

export interface ArithmeticSentence {
  text: string;
  phase: PhaseId | null;
}

const LINE_START = /^\s{0,3}(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|\||>)/;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'approx', 'etc', 'cf', 'ca', 'est', 'avg', 'incl', 'resp', 'fig', 'no']);

/** Sentences of one section: paragraphs are joined across wrapped lines, list items and table rows stand alone. */
export function sentencesOf(text: string): string[] {
  const blocks: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n|[\u2028\u2029]/)) {
    const line = raw.trim();
    if (!line || /^(```|~~~)/.test(line) || /^[-=|:\s]+$/.test(line)) {
      if (current) blocks.push(current);
      current = '';
      continue;
    }
    if (LINE_START.test(raw)) {
      if (current) blocks.push(current);
      current = line.startsWith('#') ? '' : line.replace(/^(?:[-*+•]|\d{1,3}[.)])\s+/, '');
      if (line.startsWith('#')) continue;
      continue;
    }
    current = current ? `${current} ${line}` : line;
  }
  if (current) blocks.push(current);
  const out: string[] = [];
  for (const block of blocks) {
    let start = 0;
    for (let i = 0; i < block.length; i++) {
      const c = block[i]!;
      if (c !== '.' && c !== '!' && c !== '?') continue;
      const next = block[i + 1];
      if (next !== undefined && next !== ' ' && next !== '"' && next !== '”' && next !== ')' && next !== '*') continue;
      if (c === '.') {
        let w = i;
        while (w > start && /[A-Za-z.]/.test(block[w - 1]!)) w--;
        if (ABBREVIATIONS.has(block.slice(w, i).toLowerCase())) continue;
      }
      const s = block.slice(start, i + 1).trim();
      if (s) out.push(s);
      start = i + 1;
    }
    const rest = block.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

function sentencesOfInput(input: string | readonly AnswerSection[]): ArithmeticSentence[] {
  const sections: readonly AnswerSection[] = typeof input === 'string' ? [{ phase: null, text: input }] : input;
  return sections.flatMap((s) => sentencesOf(s.text).map((text) => ({ text, phase: s.phase })));
}

const isQuestion = (text: string) => /\?\s*[*_"”)]*\s*$/.test(text) || /^\s*(?:what|how|do|does|is|are|can|could|should|would|which|who|when|where|why)\b[^.]*\?/i.test(text);

// ---------------------------------------------------------------------------------------------------------------
// Chains: "a × b = c", "a / b ≈ c", users × loads per user → a day → per second

type Link = 'times' | 'div' | 'equals' | 'weak' | 'break';

const EQUALS_WORDS = new Set([
  '=', '≈', '→', '⇒', '⟹', 'is', 'are', 'gives', 'giving', 'give', 'so', 'which', 'means', 'equals', 'makes', 'comes', 'yields',
  'becomes', 'or', 'take', 'takes', 'need', 'needs', 'require', 'requires', 'occupy', 'occupies', 'that’s', "that's", 'thats', 'ie', 'total', 'totals', 'totalling', 'totaling', 'hence', 'therefore', 'thus', 'i.e',
]);
const WEAK_WORDS = new Set([',', '(', ':', '—', '–', '~', '∼', 'about', 'roughly', 'around', 'approximately', 'approx', 'nearly', 'almost', 'maybe', 'perhaps', 'like', 'some']);
const BREAK_WORDS = new Set(['and', 'but', 'while', 'whereas', 'plus', '+', 'then', 'with', 'versus', 'vs', ';', 'each', 'per', 'of', 'from', 'if', 'for', 'at', 'in', 'to', 'on', 'out']);

function linkOf(tokens: readonly Token[], from: number, to: number, prev: Quantity, next: Quantity): Link {
  if (to - from > 12) return 'break';
  let equals = false;
  let weak = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const w = t.lower;
    if (w === ';' || w === '|') return 'break';
    if (w === '×' || w === '*' || w === '·' || (w === 'x' && t.type === 'word') || w === 'times' || w === 'multiplied') return 'times';
    // "w/ images" abbreviates "with"; a division's slash stands alone or right after the number.
    // "1/1000", "24/7", "80/10/10": a small number slashed to another unspaced is a ratio or a split, not a sum.
    if (w === '/' && k === from && !t.spaced && !tokens[k + 1]?.spaced && prev.value < 1000 && prev.cls === 'count') return 'break';
    if ((w === '/' && (k === from || t.spaced)) || w === '÷' || w === 'divided' || (w === 'over' && next.time === 1)) return 'div';
    if (w === '-' && tokens[k + 1]?.text === '>' || w === '=' && tokens[k + 1]?.text === '>') { equals = true; k++; continue; }
    if (EQUALS_WORDS.has(w)) equals = true;
    else if (WEAK_WORDS.has(w)) weak = true;
    else if (BREAK_WORDS.has(w) && !equals) return 'break';
  }
  return equals ? 'equals' : weak ? 'weak' : 'break';
}

interface Run {
  value: number;
  low: number;
  high: number;
  cls: QuantityClass;
  time: number;
  rateUnit: TimeUnit | null;
  derived: boolean;
  daily: boolean;
  users: boolean;
  dtype: number | null;
  kind: string | null;
  expr: string;
  first: Quantity;
}

const RATE_UNITS = new Set<string>(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
const rateUnitOf = (q: Quantity): TimeUnit | null => (q.time === -1 && q.timeUnit && RATE_UNITS.has(q.timeUnit) ? (q.timeUnit as TimeUnit) : null);

function startRun(q: Quantity): Run {
  return {
    value: q.value, low: q.low, high: q.high, cls: q.cls, time: q.time, rateUnit: rateUnitOf(q), derived: false,
    daily: q.qualifier === 'daily' || rateUnitOf(q) === 'day', users: q.kind === 'users', dtype: q.dtypeBytes, kind: q.kind,
    expr: q.text, first: q,
  };
}

const SCALARS = new Set<QuantityClass>(['percent', 'factor', 'count']);

function combine(run: Run, q: Quantity, op: 'times' | 'div'): Run | null {
  // "90M payments/day ÷ 86,400": dividing a day's rate by the seconds in a day restates it per second.
  if (op === 'div' && run.time === -1 && run.rateUnit && run.rateUnit !== 'second' && q.time !== -1) {
    const seconds = SECONDS[run.rateUnit];
    if (q.cls === 'count' && Math.abs(q.value - seconds) / seconds < 0.25) {
      return { ...run, rateUnit: 'second', derived: true, expr: `${run.expr} ÷ ${q.text}` };
    }
  }
  let cls: QuantityClass;
  if (op === 'times') {
    if (run.cls === 'percent' || run.cls === 'factor') cls = q.cls === 'percent' || q.cls === 'factor' ? 'count' : q.cls;
    else if (SCALARS.has(q.cls)) cls = run.cls;
    else if (run.cls === 'count') cls = q.cls;
    else if ((run.cls === 'floats' && q.cls === 'bytes') || (run.cls === 'bytes' && q.cls === 'floats')) cls = 'bytes';
    else return null;
  } else if (SCALARS.has(q.cls)) cls = run.cls === 'percent' || run.cls === 'factor' ? 'count' : run.cls;
  else if (q.cls === run.cls) cls = 'count';
  else return null;
  const time = op === 'times' ? run.time + q.time : run.time - q.time;
  if (Math.abs(time) > 1) return null;
  const [low, high] = op === 'times' ? [run.low * q.low, run.high * q.high] : [run.low / q.high, run.high / q.low];
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
  return {
    value: op === 'times' ? run.value * q.value : run.value / q.value,
    low, high, cls, time,
    rateUnit: rateUnitOf(q) ?? run.rateUnit,
    derived: true,
    daily: run.daily || q.qualifier === 'daily' || rateUnitOf(q) === 'day',
    users: run.users || q.kind === 'users',
    dtype: run.dtype ?? q.dtypeBytes,
    kind: q.kind ?? run.kind,
    expr: `${run.expr} ${op === 'times' ? '×' : '÷'} ${q.text}`,
    first: run.first,
  };
}

/** Kinds that name traffic, so "400M requests a day, about 4.6k QPS" compares a day's count with a second's. */
const TRAFFIC = new Set(['requests', 'auctions', 'impressions', 'predictions', 'payments', 'posts', 'comments', 'uploads', 'events', 'clicks', 'reports', 'decisions']);
const compatibleKinds = (a: string | null, b: string | null) => !a || !b || a === b || (TRAFFIC.has(a) && TRAFFIC.has(b));

function offBy(eLow: number, eHigh: number, q: Quantity, scale = 1): number {
  const cLow = q.bound === 'upper' ? 0 : q.low * scale;
  const cHigh = q.bound === 'lower' ? Infinity : q.high * scale;
  if (eLow <= 0 || eHigh <= 0) return 1;
  // A claim of zero is a placeholder or a different statement ("= 0 false positives"), not a result to compare.
  if (cHigh <= 0) return 1;
  if (cHigh < eLow) return eLow / cHigh;
  if (cLow > eHigh) return cLow / eHigh;
  return 1;
}

interface Comparison {
  kind: ArithmeticKind;
  off: number;
  expected: string;
  why: string;
  instead: string;
}

function classify(run: Run, q: Quantity, conversion: boolean): ArithmeticKind {
  if (q.cls === 'bytes' || run.cls === 'bytes' || run.cls === 'floats') return 'storage';
  if (q.time === 1) return 'latency';
  if (q.time === -1 && (conversion || q.timeUnit === 'second' || run.time !== q.time || run.users)) return 'qps';
  return 'product';
}

/** Compares a chain's value with the quantity claimed for it; null when the two cannot be compared. */
function compare(run: Run, q: Quantity, peak: boolean): Comparison | null {
  if (q.vague || q.cls === 'money' && run.cls !== 'money') return null;
  let low = run.low;
  let high = run.high;
  let cls = run.cls;
  let note = '';
  if (cls === 'floats' && q.cls === 'bytes') {
    const bytes = run.dtype ?? 4;
    low *= bytes;
    high *= bytes;
    cls = 'bytes';
    note = ` at ${bytes} bytes a number`;
  }
  if (cls !== q.cls) return null;
  const qRate = rateUnitOf(q);
  let time = run.time;
  let conversion = Boolean(run.rateUnit && qRate && run.rateUnit !== qRate);
  let scale = 1;
  if (time === 0 && q.time === -1) {
    if (run.daily || (run.users && run.derived)) {
      low /= SECONDS.day;
      high /= SECONDS.day;
      time = -1;
      conversion = qRate !== 'day';
      note += conversion ? ' a day' : '';
    } else {
      // "1B / 86,400 = 12k per second": the operands already did the conversion; compare the numbers as written.
      scale = SECONDS[qRate ?? 'second'];
      time = -1;
    }
  }
  if (time !== q.time) return null;
  if (!run.derived && (!conversion || isPerUser(run.first))) return null;
  if (!run.derived && !compatibleKinds(run.kind, q.kind)) return null;
  const eLow = low;
  let eHigh = high;
  // A peak with no factor given: anything from the average to five times it is fair.
  if (peak && !run.derived) eHigh *= 5;
  const off = offBy(eLow, eHigh, q, scale);
  const kind = classify({ ...run, cls }, q, conversion);
  const expectedValue = Math.sqrt(eLow * eHigh) || (eLow + eHigh) / 2;
  const expected = q.time === -1 && scale === 1
    ? formatQuantity(expectedValue, cls, -1, qRate ?? 'second')
    : scale !== 1 ? formatCount(expectedValue) : formatQuantity(expectedValue, cls, q.time as -1 | 0 | 1, qRate);
  const from = run.derived ? `${run.expr}${note}` : `${formatQuantity(run.value, run.cls, -1, run.rateUnit ?? 'day')}`;
  const via = conversion && q.time === -1 ? ` (a day has 86,400 seconds)` : '';
  const why = `${from} is about ${expected}${via}, not ${q.text}.`;
  const instead = INSTEAD[kind](from, expected);
  return { kind, off, expected, why, instead };
}

const INSTEAD: Record<ArithmeticKind, (from: string, expected: string) => string> = {
  qps: (from, expected) => `Divide a day's count by 86,400 seconds (about 10^5): ${from} is about ${expected} on average; then apply the peak factor.`,
  storage: (from, expected) => `Multiply count × numbers per item × bytes per number and say the unit: ${from} is about ${expected}.`,
  product: (from, expected) => `Redo the multiplication out loud before using it: ${from} is about ${expected}.`,
  latency: (from, expected) => `Work out the time before promising it: ${from} is about ${expected}.`,
  fact: (from, expected) => `Use the figures the interviewer gave: ${from} (${expected}).`,
};

const PEAK_WORDS = new Set(['peak', 'peaks', 'peaking', 'busiest', 'max', 'maximum', 'spike', 'spikes', 'burst']);
const CLAUSE_END = new Set([',', ';', '(', ')', '.', ':', '—', '|']);

function nearWord(tokens: readonly Token[], q: Quantity, words: ReadonlySet<string>, before: number, after: number): boolean {
  for (let k = q.first - 1; k >= Math.max(0, q.first - before); k--) {
    if (CLAUSE_END.has(tokens[k]!.text)) break;
    if (words.has(tokens[k]!.lower)) return true;
  }
  for (let k = q.end; k < Math.min(tokens.length, q.end + after); k++) {
    if (CLAUSE_END.has(tokens[k]!.text)) break;
    if (words.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** A population followed by how often each of them does something: "200M users who each open the feed 10 times a day". */
function isPerUser(q: Quantity): boolean {
  return q.per === 'user' || q.per === 'each' || q.per === 'person' || q.per === 'dau' || q.per === 'customer' || q.per === 'shopper' || q.per === 'buyer'
    || (q.kind === 'requests' && q.time === -1 && q.value < 1);
}

const SIZE_GLUE = new Set(['with', 'a', 'an', 'at', 'of', 'each', 'and', 'one', 'per', 'in', 'for', 'every', 'their', 'its']);
const EACH_GLUE = new Set(['and', 'each', 'request', 'query', 'auction', 'search', 'needs', 'need', 'has', 'scores', 'ranks', 'with', 'of', 'we', 'score', 'rank', 'takes', 'sees', 'gets']);
const OF = new Set(['of', 'the', 'all', 'our']);
const PER_EVENT = new Set(['request', 'query', 'auction', 'search', 'impression', 'page', 'load', 'session']);

function onlyWords(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (!words.has(tokens[k]!.lower)) return false;
  return true;
}

interface Finding {
  check: ArithmeticCheck;
  flag: ArithmeticFlag | null;
}

function finding(kind: ArithmeticKind, phase: PhaseId | null, evidence: string, claimed: string, c: { off: number; expected: string; why: string; instead: string }, severity: Severity = 'minor'): Finding {
  const p = phase ?? DEFAULT_PHASE[kind];
  const ok = c.off <= OFF_BY;
  return {
    check: { kind, phase: p, evidence, claimed, expected: c.expected, off: round(c.off), ok },
    flag: ok ? null : { id: `arithmetic-${kind}`, phase: p, severity, evidence, why: c.why, instead: c.instead, off: round(c.off) },
  };
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);

/** A sentence that goes on from the last one's result: "That is 2B requests a day", "So about 23k QPS". */
const CONTINUES = /^\W*(?:that(?:'s|’s| is| gives| means| makes| comes to)|this(?:'s| is| gives| means)|which(?: is| gives| means)|so|hence|therefore|in total|i\.e\.?|=|≈|→|->)(?=\W)/i;

interface Chains {
  findings: Finding[];
  /** The chain's value at the end of the sentence, for a next sentence that goes on from it. */
  last: Run | null;
}

function checkChains(s: ArithmeticSentence, tokens: readonly Token[], qs: readonly Quantity[], carried: Run | null = null): Chains {
  const out: Finding[] = [];
  const usable = qs.filter((q) => !q.vague);
  let run: Run | null = null;
  let prev: Quantity | null = null;
  let size: Quantity | null = null;
  for (const q of usable) {
    if (!run || !prev) {
      const opening = tokens.slice(0, q.first);
      if (carried?.derived && CONTINUES.test(s.text) && opening.length <= 6) {
        const c = compare(carried, q, false);
        if (c) out.push(finding(c.kind, s.phase, s.text, q.text, c));
      }
      run = startRun(q);
      prev = q;
      continue;
    }
    if ((prev.cls === 'floats' || prev.cls === 'bytes') && prev.time === 0) size = prev;
    const link = linkOf(tokens, prev.end, q.first, prev, q);
    const peak = q.time === -1 && nearWord(tokens, q, PEAK_WORDS, 6, 4);
    if (run.cls === 'percent' && !run.derived && onlyWords(tokens, prev.end, q.first, OF)) {
      // "50% of 1B"
      run = combine(run, q, 'times') ?? startRun(q);
    } else if (link === 'times' || link === 'div') {
      run = combine(run, q, link) ?? startRun(q);
    } else if (!run.derived && run.users && run.cls === 'count' && run.time === 0 && run.value >= 1000 && isPerUser(q) && q.cls === 'count' && link !== 'break' || !run.derived && run.users && run.value >= 1000 && isPerUser(q) && q.cls === 'count' && tokens.slice(prev.end, q.first).every((t) => t.text !== ';')) {
      run = combine(run, q, 'times') ?? startRun(q);
    } else if (!run.derived && run.cls === 'count' && run.time <= 0 && (q.cls === 'floats' || q.cls === 'bytes') && q.time === 0 && onlyWords(tokens, prev.end, q.first, SIZE_GLUE)) {
      // "800M listings with a 256-dim embedding", "50M videos at 64 dims"
      run = combine(run, q, 'times') ?? startRun(q);
    } else if (run.time === -1 && run.cls === 'count' && q.cls === 'count' && q.time === 0 && (PER_EVENT.has(q.per ?? '') || onlyWords(tokens, prev.end, q.first, EACH_GLUE) && tokens.slice(prev.end, q.first).some((t) => t.lower === 'each'))) {
      // "100k QPS and each request needs 1,000 candidates", "20k QPS with 500 candidates per request"
      run = combine(run, q, 'times') ?? startRun(q);
    } else if (q.cls === 'percent' && link !== 'break' && run.cls === 'count') {
      run = combine(run, q, 'times') ?? startRun(q);
    } else if (link === 'equals' || link === 'weak') {
      // "Each embedding is 256 floats, so 50M videos need 51 GB": a size stated first applies to the count.
      if (!run.derived && run.cls === 'count' && q.cls === 'bytes' && size && size !== prev) run = combine(run, size, 'times') ?? run;
      const c = compare(run, q, peak);
      if (c) out.push(finding(c.kind, s.phase, s.text, q.text, c));
      run = startRun(q);
    } else {
      run = startRun(q);
    }
    prev = q;
  }
  return { findings: out, last: run };
}

/** "3× at peak" on an average rate, then the peak claimed: "12k QPS on average and 3× that at peak, so ~40k QPS". */
function checkPeak(s: ArithmeticSentence, tokens: readonly Token[], qs: readonly Quantity[]): Finding[] {
  const out: Finding[] = [];
  const isRate = (q: Quantity) => q.time === -1 && q.cls === 'count' && !q.vague;
  // The nearest average rate before each quantity and the nearest rate after it, in one pass each way.
  const before: Array<Quantity | null> = [];
  let average: Quantity | null = null;
  for (const q of qs) {
    before.push(average);
    if (isRate(q) && !isPerUser(q)) average = q;
  }
  const after: Array<Quantity | null> = new Array<Quantity | null>(qs.length).fill(null);
  let next: Quantity | null = null;
  for (let i = qs.length - 1; i >= 0; i--) {
    after[i] = next;
    if (isRate(qs[i]!)) next = qs[i]!;
  }
  qs.forEach((k, i) => {
    if (k.cls !== 'factor' || k.vague || k.value < 1 || k.value > 100) return;
    const avg = before[i];
    const peak = after[i];
    if (!avg || !peak || !nearWord(tokens, k, PEAK_WORDS, 6, 6)) return;
    const low = avg.low * k.low;
    const high = avg.high * k.high;
    const off = offBy(low, high, peak);
    const unit = rateUnitOf(peak) ?? 'second';
    const expected = formatQuantity(Math.sqrt(low * high), 'count', -1, unit);
    const from = `${formatCount(k.value)} × ${formatQuantity(avg.value, 'count', -1, unit)}`;
    out.push(finding('qps', s.phase, s.text, peak.text, {
      off, expected,
      why: `A peak of ${from} is about ${expected}, not ${peak.text}.`,
      instead: `Multiply the average by the peak factor: ${from} is about ${expected}.`,
    }));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Latency: a heavy model over a whole catalogue per request

interface ModelCost {
  pattern: RegExp;
  seconds: number;
  name: string;
}

/** Generous lower bounds on the cost of one item for a model class: if even this is too slow, the claim is. */
const MODEL_COSTS: readonly ModelCost[] = [
  { pattern: /\b(?:llms?|gpt[\w-]*|large language models?|language models?)\b/, seconds: 1e-3, name: 'a language model' },
  { pattern: /\b(?:cross[- ]?encoders?|bert|transformers?)\b/, seconds: 1e-5, name: 'a cross-encoder or transformer' },
  {
    pattern: /\b(?:(?:large|heavy|big|deep|full|expensive|complex|heavyweight|second[- ]stage|main|neural|final)\s+(?:ranker|ranking model|model|network|net|dnn)s?|rankers?|ranking models?|dnns?|deep (?:neural )?networks?|neural (?:net|network)s?)\b/,
    seconds: 1e-6, name: 'a large ranker',
  },
];
const HEAVY_HINT = /ranker|ranking model|encoder|bert|transformer|llm|language model|gpt|dnn|network|model/i;
const REQUEST_CONTEXT = /\b(?:per|every|each|for every|for each|on every|on each)\s+(?:single\s+)?(?:request|query|search|page|feed|user request|call|impression|auction|load)\b|\breal[- ]time\b|\bat request time\b/;
const NOT_A_CLAIM = /\b(?:not|never|no|can't|cannot|can not|couldn't|won't|wouldn't|would|could|impossible|infeasible|unfeasible|too|prohibitive|prohibitively|instead|rather|unless|if|why|avoid|without|only|then|offline|batch|nightly|precompute|precomputed|pre-compute|cache|cached|narrow|narrows|shortlist|retrieve|retrieves|retrieval|retrieved|ann|nearest|candidate generation|filter|filters|prune|top|hurt|hurts|expensive|slow)\b|n't\b/;
const ITEM_KINDS = new Set(['videos', 'listings', 'items', 'ads', 'posts', 'candidates', 'embeddings', 'comments']);
const WHOLE = /\b(?:all|every|entire|whole|full)\b[^.;]{0,30}\b(?:catalogue|catalog|corpus|inventory|videos?|listings?|items?|products?)\b/;

const BUDGET_WORDS = new Set(['p99', 'p95', 'latency', 'budget', 'sla', 'slo']);

/**
 * The answer's latency budget ("p99 < 100 ms", "a 100 ms budget"), in seconds: the largest duration named beside
 * a budget word, since stage budgets ("latency: features 10 ms, ranking 50 ms") are parts of it.
 */
function budgetOf(parsed: ReadonlyArray<{ tokens: readonly Token[]; qs: readonly Quantity[] }>): number | null {
  let budget: number | null = null;
  for (const { tokens, qs } of parsed) {
    for (const q of qs) {
      if (q.time !== 1 || q.vague || q.value > 10 || q.value <= 0 || (budget !== null && q.value <= budget)) continue;
      for (let k = Math.max(0, q.first - 5); k < Math.min(tokens.length, q.end + 5); k++) {
        if (BUDGET_WORDS.has(tokens[k]!.lower)) {
          budget = q.value;
          break;
        }
      }
    }
  }
  return budget;
}

function checkLatency(s: ArithmeticSentence, tokens: readonly Token[], qs: readonly Quantity[], budget: { seconds: number; source: string }, catalogue: number | null): Finding[] {
  const lower = s.text.toLowerCase();
  const model = MODEL_COSTS.find((m) => m.pattern.test(lower));
  if (!model || NOT_A_CLAIM.test(lower.replace(/\bp99\b/g, ''))) return [];
  const counts = qs.filter((q) => q.cls === 'count' && q.time === 0 && !q.vague && q.kind && ITEM_KINDS.has(q.kind));
  const stated = qs.find((q) => q.time === 1 && q.per !== null && q.value < 1);
  const inSentence = qs.find((q) => q.time === 1 && q !== stated && q.value <= 10 && !q.vague);
  // A request is named, or the sentence promises a time for an explicit count of items.
  if (!REQUEST_CONTEXT.test(lower) && !(counts.length && inSentence)) return [];
  let n = counts.reduce((m, q) => Math.max(m, q.value), 0);
  let nText = (counts.find((q) => q.value === n)?.text ?? '').replace(/\s+(?:per|each|for|every)\b.*$/, '');
  if (!n && WHOLE.test(lower) && catalogue) {
    n = catalogue;
    nText = `${formatCount(catalogue)} items`;
  }
  if (!n) return [];
  const cost = stated?.value ?? model.seconds;
  const limit = inSentence?.value ?? budget.seconds;
  const limitText = inSentence ? `the ${formatDuration(inSentence.value)} claimed` : budget.source;
  const needed = n * cost;
  const off = needed / limit;
  const costText = stated ? `at ${formatDuration(cost)} per item` : `even at ${formatDuration(cost)} per item for ${model.name}`;
  const expected = formatDuration(needed);
  return [finding('latency', s.phase, s.text, inSentence?.text ?? nText, {
    off: Math.max(1, off),
    expected,
    why: `${costText[0]!.toUpperCase()}${costText.slice(1)}, ${nText} take ${expected} per request, ${formatCount(off)}× ${limitText}.`,
    instead: `Run the heavy model only on a few hundred candidates from a cheap retrieval stage (e.g. a two-tower model with approximate nearest-neighbour search): 500 × ${formatDuration(cost)} is ${formatDuration(500 * cost)}.`,
  }, off >= MAJOR_LATENCY ? 'major' : 'minor')];
}

// ---------------------------------------------------------------------------------------------------------------

function collect(findings: readonly Finding[]): ArithmeticResult {
  const flags: ArithmeticFlag[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.flag) continue;
    const key = `${f.flag.id}\u0000${f.flag.evidence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    flags.push(f.flag);
  }
  return { flags, checks: findings.map((f) => f.check) };
}

/** Redoes the derivations in an answer (its text, or its sections with their phases). */
export function checkArithmetic(input: string | readonly AnswerSection[], options: ArithmeticOptions = {}): ArithmeticResult {
  const parsed = sentencesOfInput(input).map((s) => {
    // Most sentences hold no number at all; only those that may (or name a heavy model) are tokenised.
    if (!MAY_HOLD_NUMBER.test(s.text) && !HEAVY_HINT.test(s.text)) return { s, tokens: [], qs: [] };
    const tokens = tokenize(s.text);
    return { s, tokens, qs: readQuantities(s.text, tokens) };
  });
  const own = options.budgetMs === undefined ? budgetOf(parsed) : null;
  const budget = options.budgetMs !== undefined
    ? { seconds: options.budgetMs / 1000, source: `the ${formatDuration(options.budgetMs / 1000)} budget` }
    : own !== null ? { seconds: own, source: `the ${formatDuration(own)} budget` } : { seconds: 1, source: 'the second a request can take at most' };
  let catalogue = options.catalogue ?? null;
  if (catalogue === null) {
    for (const p of parsed) for (const q of p.qs) if (!q.vague && q.cls === 'count' && q.time === 0 && q.kind && ITEM_KINDS.has(q.kind) && q.kind !== 'candidates') catalogue = Math.max(catalogue ?? 0, q.value);
  }
  const findings: Finding[] = [];
  let carried: Run | null = null;
  for (const { s, tokens, qs } of parsed) {
    if (!qs.length && !/\b(?:all|every|entire|whole)\b/i.test(s.text) || isQuestion(s.text)) {
      carried = null;
      continue;
    }
    const chains = checkChains(s, tokens, qs, carried);
    carried = chains.last;
    findings.push(...chains.findings, ...checkPeak(s, tokens, qs), ...checkLatency(s, tokens, qs, budget, catalogue));
  }
  return collect(findings);
}

// ---------------------------------------------------------------------------------------------------------------
// Facts: numbers that contradict what the interviewer said

/** Kinds a fact sheet states and a candidate may contradict; counts of engineers or stages are left alone. */
const FACT_KINDS = new Set([
  'users', 'videos', 'listings', 'items', 'ads', 'posts', 'comments', 'requests', 'auctions', 'impressions', 'payments',
  'uploads', 'creators', 'sellers', 'merchants', 'advertisers', 'reviewers', 'reports', 'decisions', 'labels', 'clicks',
]);
const HYPOTHETICAL = /\b(?:if|suppose|supposing|imagine|hypothetically|what if|say we had|were to|would have)\b/i;
const DAILY_AFTER = /^(?:\S+\s+){0,4}?(?:daily|every day|each day|a day|per day)\b/i;

interface FactQuantity {
  q: Quantity;
  key: string;
  peak: boolean;
  qualifier: Quantity['qualifier'];
  answer: string;
}

const SHORT_RATES = new Set<string>(['second', 'minute', 'hour', 'day']);
/** A total worth comparing: a fact sheet's scale figures, not "the last 100 videos" or "two reviewers". */
const MIN_COUNT = 10_000;
const MIN_RATE_PER_SECOND = 1;
const POPULATION_CONTEXT = new Set(['have', 'has', 'assume', 'assuming', 'serve', 'serves', 'serving', 'total', 'base', 'with', 'of']);

/**
 * The comparable figures of a text. In a fact sheet, a bare number takes the kind of the one before it in the
 * sentence ("800 million videos in total, but only about 50 million have been watched"); a candidate's does not.
 */
function factQuantities(text: string, inherit: boolean): FactQuantity[] {
  const out: FactQuantity[] = [];
  for (const sentence of sentencesOf(text)) {
    if (!MAY_HOLD_NUMBER.test(sentence)) continue;
    const tokens = tokenize(sentence);
    let lastKind: string | null = null;
    let lastRate: TimeUnit | null = null;
    for (const raw of readQuantities(sentence, tokens)) {
      if (raw.vague || raw.cls !== 'count' || raw.time === 1) continue;
      // "one in a million posts", "one in five" are shares, not totals.
      if (tokens[raw.first - 1]?.lower === 'in') continue;
      const q = { ...raw };
      if (!q.kind && inherit && lastKind) {
        q.kind = lastKind;
        if (q.kind === 'users' && q.time === -1 && q.timeUnit) {
          q.qualifier = q.timeUnit === 'month' ? 'monthly' : q.timeUnit === 'week' ? 'weekly' : 'daily';
          const back = SECONDS[q.timeUnit as TimeUnit] ?? 1;
          q.value *= back; q.low *= back; q.high *= back;
          q.time = 0;
        } else if (q.time === 0 && lastRate) {
          // "230,000 per second on average and about 600,000 at the evening peak"
          q.time = -1;
          q.timeUnit = lastRate;
          q.value /= SECONDS[lastRate]; q.low /= SECONDS[lastRate]; q.high /= SECONDS[lastRate];
        }
      }
      if (!q.kind || !FACT_KINDS.has(q.kind)) continue;
      lastKind = q.kind;
      lastRate = rateUnitOf(q);
      if (q.kind === 'users' && !q.qualifier && DAILY_AFTER.test(sentence.slice(q.stop))) q.qualifier = 'daily';
      const before = tokens.slice(Math.max(0, q.first - 3), q.first).map((t) => t.lower);
      const per = Boolean(q.per) || isPerUser(q) || before.includes('each');
      // Counts per request or per auction vary with the stage that sees them (2,000 eligible, 300 scored); only
      // how often each user does something is compared.
      if (per && q.time !== -1) continue;
      if (!per && q.time === 0 && q.value < MIN_COUNT) continue;
      if (!per && q.time === -1 && q.value < MIN_RATE_PER_SECOND) continue;
      if (!inherit && q.kind === 'users' && !q.qualifier && !tokens.slice(Math.max(0, q.first - 5), q.first).some((t) => POPULATION_CONTEXT.has(t.lower))) continue;
      const peak = q.time === -1 && nearWord(tokens, q, PEAK_WORDS, 6, 4);
      out.push({ q, key: `${q.kind}|${q.time}|${per ? 'per' : ''}`, peak, qualifier: q.qualifier, answer: sentence });
    }
  }
  return out;
}

/** A fact's figure in the unit of the claim it is set against: "200M daily users", "23k auctions per second". */
function describeFact(f: FactQuantity, unit: TimeUnit | null): string {
  const q = f.q;
  const qual = f.qualifier === 'daily' ? 'daily ' : f.qualifier === 'monthly' ? 'monthly ' : '';
  const peak = f.peak ? ' at peak' : '';
  if (q.time !== -1) return `${formatCount(q.value)} ${qual}${q.kind}${peak}`;
  const per = unit ?? rateUnitOf(q) ?? 'second';
  const value = formatCount(q.value * SECONDS[per]);
  return `${value} ${q.kind} ${per === 'second' ? 'per second' : `a ${per}`}${peak}`;
}

/**
 * Flags numbers in the candidate's text that contradict the fact sheet by more than OFF_BY: same kind of thing
 * (from the noun after the number), same shape (a total, a rate or a count per user), daily vs monthly users and
 * peak vs average kept apart. `facts` are the fact sheet's answers as written. Questions and hypotheticals
 * ("if we had 2B users") are not claims.
 */
export function checkFacts(facts: readonly string[], input: string | readonly AnswerSection[]): ArithmeticResult {
  const known = facts.flatMap((f) => factQuantities(f, true));
  if (!known.length) return { flags: [], checks: [] };
  const findings: Finding[] = [];
  for (const s of sentencesOfInput(input)) {
    if (isQuestion(s.text) || HYPOTHETICAL.test(s.text)) continue;
    for (const claim of factQuantities(s.text, false)) {
      const unit = rateUnitOf(claim.q);
      let same = known.filter((k) => {
        if (k.key !== claim.key) return false;
        const other = rateUnitOf(k.q);
        return !unit || !other || unit === other || (SHORT_RATES.has(unit) && SHORT_RATES.has(other));
      });
      if (claim.q.kind === 'users' && claim.qualifier) same = same.filter((k) => !k.qualifier || k.qualifier === claim.qualifier);
      if (claim.q.time === -1) {
        const peaks = same.filter((k) => k.peak === claim.peak);
        same = claim.peak && !peaks.length ? [] : peaks.length ? peaks : same;
      }
      if (!same.length) continue;
      const offs = same.map((k) => ({ k, off: offBy(k.q.low, k.q.high, claim.q) }));
      let best = offs.reduce((a, b) => (b.off < a.off ? b : a));
      // A contradiction is told with the figure the interviewer gave in the claim's own unit, when there is one.
      const sameUnit = offs.filter((o) => rateUnitOf(o.k.q) === unit);
      if (best.off > OFF_BY && sameUnit.length) best = sameUnit.reduce((a, b) => (b.off < a.off ? b : a));
      const expected = describeFact(best.k, unit);
      findings.push(finding('fact', s.phase, s.text, claim.q.text, {
        off: best.off,
        expected,
        why: `The interviewer said ${expected} ("${best.k.answer}"); ${claim.q.text} is ${formatCount(best.off)}× off.`,
        instead: `Use the figures the interviewer gave: ${expected}.`,
      }));
    }
  }
  return collect(findings);
}
