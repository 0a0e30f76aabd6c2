import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { AnalysedAnswer, Sentence } from './analyse.js';
import { withDigits } from './numbers.js';

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

const STRONG_TRADEOFF = /\b(trade-?offs?|trade off|at the (cost|expense) of|downsides?|drawbacks?|pros and cons|in exchange for|the price is|costs? us)\b/;
const ALTERNATIVE = /\b(instead of|rather than|versus|vs\.?|compared (to|with)|alternatives?|alternatively|over (a|an|the|plain|pure|simple)\b|but|however|whereas|while|cheaper|faster|slower|simpler|more (expensive|accurate|complex)|less (accurate|expensive)|better|worse|risk)\b/;
const REASON = /\b(because|since|so that|so|which (means|costs|adds|hurts|helps|keeps|lets)|as it|given|due to|otherwise|to (avoid|keep|save|reduce|cut))\b/;

/** A note that records a choice against something: "Rejected: a deep model inline (latency, explainability)". */
const NOTED_CHOICE = /^(rejected|ruled out|not chosen|alternatives?(?: considered)?|why not [a-z0-9 /-]{1,40}|trade-?offs?)\s*:\s*\S+(?:\s+\S+){3,}/;

/** A sentence that weighs alternatives with a reason. */
export function isTradeoff(text: string): boolean {
  const t = text.toLowerCase();
  return STRONG_TRADEOFF.test(t) || (ALTERNATIVE.test(t) && REASON.test(t));
}

/**
 * The sentence's words that its negation leaves standing, as written: "we don't care about trade-offs" keeps
 * "we", and so no longer names a trade-off. Hyphenated words arrive in parts ("trade off"), which the cues accept.
 */
function standingWords(s: Pick<Sentence, 'plain'>): string {
  return s.plain.filter((t) => t.negated !== true).map((t) => t.lower).join(' ');
}

/**
 * Weighed in prose, or recorded as a choice in a labelled note (which the prose check would not count). A word
 * that names a trade-off counts only where no negation covers it ("there are no trade-offs here"); connectives
 * keep their sense under negation ("we do not use a DNN because…" still gives a reason, "rather than clicks"
 * is the rejection that weighs), so they are read in the full text.
 */
function weighsAlternatives(s: Pick<Sentence, 'prose' | 'text' | 'plain'>): boolean {
  if (NOTED_CHOICE.test(s.text.trim().toLowerCase())) return true;
  if (!s.prose) return false;
  const t = s.text.toLowerCase();
  return STRONG_TRADEOFF.test(standingWords(s)) || (ALTERNATIVE.test(t) && REASON.test(t));
}

/** Trade-offs weighed across the answer: the share of phases that weigh at least one (a count when unheaded). */
export function tradeoffSignal(answer: AnalysedAnswer, graded: readonly PhaseId[]): number {
  const found = answer.sentences.filter(weighsAlternatives);
  const headed = answer.sections.some((s) => s.phase !== null);
  if (!headed) return clamp100((100 * found.length) / Math.max(2, graded.length));
  const phases = new Set(found.map((s) => s.phase).filter((p): p is PhaseId => p !== null && graded.includes(p)));
  const target = Math.max(1, Math.ceil(graded.length * 0.5));
  return clamp100((100 * phases.size) / target);
}

// These patterns backtrack over a run of digits, but a run is one word, which capWords (analyse.ts) keeps short.
const NUM = String.raw`\d[\d,.]*\s*(?:k|m|b|bn|million|billion|thousand)?\+?`;
const SCALE = new RegExp(`${NUM}\\s*(?:daily active users|dau|mau|users|videos|items|requests|views|uploads|impressions|events|transactions|queries)`);
const THROUGHPUT = new RegExp(`${NUM}\\s*(?:qps|rps|tps|requests? (?:per|a|/) ?s(?:econd|ec)?|queries per second|req/s|/s\\b|per second)`);
const ARITHMETIC = new RegExp(`${NUM}\\s*(?:×|\\*|x|/)\\s*~?\\d|(?:=|≈|~=)\\s*~?\\d`);

/** Each kind of number is looked for in one sentence at a time, except a latency budget, which adds up over the answer. */
const QUANT_CHECKS: Array<{ id: string; sentence?: (text: string) => boolean; answer?: (all: string) => boolean }> = [
  { id: 'scale', sentence: (t) => SCALE.test(t) },
  { id: 'throughput', sentence: (t) => THROUGHPUT.test(t) },
  { id: 'latency', sentence: (t) => /\d+(?:\.\d+)?\s*(?:ms|milliseconds?)\b/.test(t) },
  { id: 'budget', answer: (all) => (all.match(/\d+(?:\.\d+)?\s*(?:ms|milliseconds?)\b/g) ?? []).length >= 3 },
  { id: 'arithmetic', sentence: (t) => ARITHMETIC.test(t) },
  { id: 'size', sentence: (t) => /\d[\d,.]*\s*(?:kb|mb|gb|tb|pb|bytes?)\b|\d+(?:\.\d+)?\s*%/.test(t) },
];

/** Quantitative reasoning: which kinds of numbers the answer works with (scale, QPS, latency, a budget, arithmetic, sizes). */
export function quantitativeSignal(answer: AnalysedAnswer): number {
  const texts = answer.sentences.map((s) => withDigits(s.text).toLowerCase());
  const all = texts.join('\n');
  // The whole-answer check runs once: run per sentence, it made grading quadratic in the number of sentences.
  const kinds = QUANT_CHECKS.filter((c) => (c.answer ? c.answer(all) : texts.some(c.sentence!))).length;
  return clamp100((100 * kinds) / QUANT_CHECKS.length);
}
