import type { Language } from '../content/language.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { AnalysedAnswer, Sentence } from './analyse.js';
import { LANGUAGE } from '../content/language.compiled.js';
import { withDigits } from './numbers.js';
import { stem } from './stem.js';

/** Prose words a phase's sections need before the phase counts as present. */
export const SUBSTANCE_WORDS = 20;

const clamp100 = (x: number) => Math.max(0, Math.min(100, x));

/** Phases present with substance, in the interview's order; answers without phase headings get at most half. */
export function structureSignal(answer: AnalysedAnswer, graded: readonly PhaseId[], coveredPhases: ReadonlySet<PhaseId>): number {
  const headed = answer.sections.some((s) => s.phase !== null);
  if (!headed) return clamp100(50 * (graded.filter((p) => coveredPhases.has(p)).length / graded.length));
  const words = new Map<PhaseId, number>();
  const order: PhaseId[] = [];
  for (const s of answer.sections) {
    if (!s.phase || !graded.includes(s.phase)) continue;
    words.set(s.phase, (words.get(s.phase) ?? 0) + s.proseWords);
    if (s.proseWords > 0 && !order.includes(s.phase)) order.push(s.phase);
  }
  const present = graded.filter((p) => (words.get(p) ?? 0) >= SUBSTANCE_WORDS).length;
  let inversions = 0;
  let pairs = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      pairs++;
      if (PHASE_IDS.indexOf(order[i]!) > PHASE_IDS.indexOf(order[j]!)) inversions++;
    }
  }
  const orderFactor = pairs ? 1 - 0.5 * (inversions / pairs) : 1;
  return clamp100(100 * (present / graded.length) * orderFactor);
}

/** A cue's or a sentence's words as the signals compare them: lower-case, split at hyphens and slashes, stemmed. */
function cueWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
}

/** Cues by their first word: each cue is a run of words ("at the cost of"). */
type Cues = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

function cues(phrases: readonly string[]): Cues {
  const out = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = cueWords(phrase);
    if (words.length) out.set(words[0]!, [...(out.get(words[0]!) ?? []), words]);
  }
  return out;
}

/** Whether a cue appears in `words` as a run whose every word `counts`. */
function hasCue(list: Cues, words: readonly string[], counts: (i: number) => boolean = () => true): boolean {
  return words.some((w, i) => list.get(w)?.some((cue) => cue.every((c, k) => words[i + k] === c && counts(i + k))) ?? false);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (list: readonly string[]) => list.map(escape).join('|');

// These patterns backtrack over a run of digits, but a run is one word, which capWords (analyse.ts) keeps short.
const NUM = String.raw`\d[\d,.]*\s*(?:k|m|b|bn|million|billion|thousand)?\+?`;
const ARITHMETIC = new RegExp(`${NUM}\\s*(?:×|\\*|x|/)\\s*~?\\d|(?:=|≈|~=)\\s*~?\\d`);

/** The signal lists of data/language.yaml, ready to match, made once per grader (see `signalRules`). */
export interface SignalRules {
  strong: Cues;
  alternative: Cues;
  reason: Cues;
  notedChoice: RegExp;
  scale: RegExp;
  throughput: RegExp;
  latency: RegExp;
  latencies: RegExp;
  size: RegExp;
}

export function signalRules(language: Pick<Language, 'signals'>): SignalRules {
  const { tradeoffs: t, quantities: q } = language.signals;
  const latency = String.raw`\d+(?:\.\d+)?\s*(?:${anyOf(q.latency)})\b`;
  return {
    strong: cues(t.strong),
    alternative: cues(t.alternative),
    reason: cues(t.reason),
    notedChoice: new RegExp(`^(?:${anyOf(t.notedChoice)}|(?:${anyOf(t.notedChoiceOpeners)}) [a-z0-9 /-]{1,40})\\s*:\\s*\\S+(?:\\s+\\S+){3,}`),
    scale: new RegExp(`${NUM}\\s*(?:${anyOf(q.scale)})`),
    throughput: new RegExp(`${NUM}\\s*(?:${anyOf(q.throughput)}|(?:${anyOf(q.throughputWords)})\\b)`),
    latency: new RegExp(latency),
    latencies: new RegExp(latency, 'g'),
    size: new RegExp(String.raw`\d[\d,.]*\s*(?:${anyOf(q.size)})\b|\d+(?:\.\d+)?\s*%`),
  };
}

/** The shipped lists, for callers that hand none. */
export const DEFAULT_SIGNALS = signalRules(LANGUAGE);

/** A sentence that weighs alternatives with a reason (read as written, without the grader's negation). */
export function isTradeoff(text: string, rules: SignalRules = DEFAULT_SIGNALS): boolean {
  const words = cueWords(text);
  return hasCue(rules.strong, words) || (hasCue(rules.alternative, words) && hasCue(rules.reason, words));
}

/**
 * Weighed in prose, or recorded as a choice in a labelled note (which the prose check would not count). A word
 * that names a trade-off counts only where no negation covers it ("there are no trade-offs here", "we don't care
 * about trade-offs"). Connectives keep their sense under negation ("we do not use a DNN because…" still gives a
 * reason, "rather than clicks" is the rejection that weighs), but not under a dismissal: "no need to compare
 * alternatives" sets the weighing itself aside.
 */
function weighsAlternatives(s: Pick<Sentence, 'prose' | 'text' | 'plain' | 'dismissed'>, rules: SignalRules, stemmed: (lower: string) => string): boolean {
  if (rules.notedChoice.test(s.text.trim().toLowerCase())) return true;
  if (!s.prose) return false;
  const words = s.plain.map((t) => stemmed(t.lower));
  const standing = (i: number) => s.plain[i]!.negated !== true;
  const kept = (i: number) => !s.dismissed?.[i];
  return hasCue(rules.strong, words, standing) || (hasCue(rules.alternative, words, kept) && hasCue(rules.reason, words, kept));
}

/** Trade-offs weighed across the answer: the share of phases that weigh at least one (a count when unheaded). */
export function tradeoffSignal(answer: AnalysedAnswer, graded: readonly PhaseId[], rules: SignalRules = DEFAULT_SIGNALS): number {
  // An answer repeats its words: each is stemmed once per call.
  const stems = new Map<string, string>();
  const stemmed = (lower: string) => stems.get(lower) ?? stems.set(lower, stem(lower)).get(lower)!;
  const found = answer.sentences.filter((s) => weighsAlternatives(s, rules, stemmed));
  const headed = answer.sections.some((s) => s.phase !== null);
  if (!headed) return clamp100((100 * found.length) / Math.max(2, graded.length));
  const phases = new Set(found.map((s) => s.phase).filter((p): p is PhaseId => p !== null && graded.includes(p)));
  const target = Math.max(1, Math.ceil(graded.length * 0.5));
  return clamp100((100 * phases.size) / target);
}

/** Each kind of number is looked for in one sentence at a time, except a latency budget, which adds up over the answer. */
const QUANT_CHECKS: Array<{ id: string; sentence?: (text: string, rules: SignalRules) => boolean; answer?: (all: string, rules: SignalRules) => boolean }> = [
  { id: 'scale', sentence: (t, r) => r.scale.test(t) },
  { id: 'throughput', sentence: (t, r) => r.throughput.test(t) },
  { id: 'latency', sentence: (t, r) => r.latency.test(t) },
  { id: 'budget', answer: (all, r) => (all.match(r.latencies) ?? []).length >= 3 },
  { id: 'arithmetic', sentence: (t) => ARITHMETIC.test(t) },
  { id: 'size', sentence: (t, r) => r.size.test(t) },
];

/** The sentence's text, or for one with a dismissal, its words outside the dismissed clause. */
function undismissedText(s: Pick<Sentence, 'text' | 'plain' | 'dismissed'>): string {
  if (!s.dismissed) return s.text;
  return s.plain.filter((_, i) => !s.dismissed![i]).map((t) => t.lower).join(' ');
}

/** The kinds of numbers the answer works with: scale, throughput, latency, budget, arithmetic, size. */
export function quantityKinds(answer: AnalysedAnswer, rules: SignalRules = DEFAULT_SIGNALS): string[] {
  // A figure in a dismissed clause ("no need to plan for 10k QPS") is not reasoning with it.
  const texts = answer.sentences.map((s) => withDigits(undismissedText(s)).toLowerCase());
  const all = texts.join('\n');
  // The whole-answer check runs once: run per sentence, it made grading quadratic in the number of sentences.
  return QUANT_CHECKS.filter((c) => (c.answer ? c.answer(all, rules) : texts.some((t) => c.sentence!(t, rules)))).map((c) => c.id);
}

/** Quantitative reasoning: the share of the kinds of numbers (quantityKinds) the answer works with. */
export function quantitativeSignal(answer: AnalysedAnswer, rules: SignalRules = DEFAULT_SIGNALS): number {
  return clamp100((100 * quantityKinds(answer, rules).length) / QUANT_CHECKS.length);
}
