import { LEVELS, type Level } from '../levels.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { CriterionResult, LevelBar, PhaseResult, Signals } from './types.js';

/** Share of the prompt's own mid-level (core) weight at which everything else earns full credit. */
export const RELEVANCE_FULL = 0.35;
/** Share of the total that comes from the signals (scaled by relevance); the rest is rubric criteria. */
export const SIGNAL_SHARE = 0.15;
/** Depth reaches 100 at this share of senior and staff weight. */
export const DEPTH_FULL = 0.7;

/** What each level needs: for each level of criteria, the share of their weight that must be earned. */
export const LEVEL_BARS: Record<Level, Partial<Record<Level, number>>> = {
  mid: { mid: 0.35 },
  senior: { mid: 0.5, senior: 0.4 },
  staff: { mid: 0.55, senior: 0.55, staff: 0.55 },
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The share of a criterion's weight earned: its partial credit when it has one, else met or not. */
export function creditOf(c: CriterionResult): number {
  return c.credit ?? (c.met ? 1 : 0);
}

/** The prompt's core: its own mid-level criteria, the basics any answer to *this* question covers. */
const isCore = (c: CriterionResult) => !c.framework && c.level === 'mid';

/**
 * How relevance applies. A whole answer: to everything outside the prompt's core. A drill of some phases: to
 * framework criteria only, since a phase may have one or two core criteria and a drill is on this prompt by design.
 */
export interface Gate {
  relevance: number;
  drill: boolean;
}

/**
 * Relevance: the share of the prompt's core weight met (in a drill, of its own weight in the drilled phases),
 * scaled so that RELEVANCE_FULL of it unlocks full credit for the rest. An answer to another question meets
 * generic and advanced ideas, not this one's basics.
 */
export function gateOf(criteria: readonly CriterionResult[], drill: boolean): Gate {
  return { relevance: relevanceOf(criteria.filter(drill ? (c) => !c.framework : isCore)), drill };
}

function relevanceOf(own: readonly CriterionResult[]): number {
  const weight = own.reduce((n, c) => n + c.weight, 0);
  if (weight === 0) return 1;
  const earned = own.reduce((n, c) => n + c.weight * creditOf(c), 0);
  return Math.min(1, earned / weight / RELEVANCE_FULL);
}

/**
 * The weight a criterion earns: all but the prompt's core are scaled by relevance, so generic or advanced ML
 * talk cannot carry an answer that misses this prompt's basics.
 */
export function earned(c: CriterionResult, gate: Gate): number {
  const scaled = gate.drill ? c.framework : !isCore(c);
  return c.weight * creditOf(c) * (scaled ? gate.relevance : 1);
}

function share(criteria: readonly CriterionResult[], gate: Gate): number | null {
  const weight = criteria.reduce((n, c) => n + c.weight, 0);
  return weight ? criteria.reduce((n, c) => n + earned(c, gate), 0) / weight : null;
}

export function phaseResults(criteria: readonly CriterionResult[], graded: readonly PhaseId[], gate: Gate): PhaseResult[] {
  return PHASE_IDS.map((id) => {
    const inPhase = criteria.filter((c) => c.phase === id);
    const isGraded = graded.includes(id);
    return {
      id,
      graded: isGraded,
      score: isGraded ? round1(100 * (share(inPhase, gate) ?? 0)) : 0,
      covered: isGraded ? inPhase.filter((c) => c.met).map((c) => c.id) : [],
      missed: isGraded ? inPhase.filter((c) => !c.met).map((c) => c.id) : [],
    };
  });
}

/** Each level's bar, in order; a level is cleared when its own requirements and every lower level's are. */
export function levelBars(criteria: readonly CriterionResult[], gate: Gate): LevelBar[] {
  const shares = new Map(LEVELS.map((l) => [l, share(criteria.filter((c) => c.level === l), gate)] as const));
  let lowerCleared = true;
  return LEVELS.map((level) => {
    const requirements = Object.entries(LEVEL_BARS[level]).map(([l, need]) => ({
      level: l as Level,
      share: round1(100 * (shares.get(l as Level) ?? 1)) / 100,
      need: need!,
    }));
    const cleared = lowerCleared && requirements.every((r) => (shares.get(r.level) ?? 1) >= r.need);
    lowerCleared = cleared;
    const ofLevel = criteria.filter((c) => c.level === level);
    return { level, cleared, requirements, met: ofLevel.filter((c) => c.met).length, of: ofLevel.length };
  });
}

export function verdict(bars: readonly LevelBar[]): Level | 'none' {
  return [...bars].reverse().find((b) => b.cleared)?.level ?? 'none';
}

/** Depth: the share of senior and staff weight earned. */
export function depthSignal(criteria: readonly CriterionResult[], gate: Gate): number {
  const s = share(criteria.filter((c) => c.level !== 'mid'), gate) ?? 0;
  return Math.min(100, (100 * s) / DEPTH_FULL);
}

/** The total: mostly the earned share of rubric weight, plus a small, relevance-scaled share of the signals. */
export function totalScore(criteria: readonly CriterionResult[], gate: Gate, signals: Signals): number {
  const rubric = 100 * (share(criteria, gate) ?? 0);
  const signalMean = (signals.structure + signals.tradeoffs + signals.quantitative + signals.depth) / 4;
  return round1((1 - SIGNAL_SHARE) * rubric + SIGNAL_SHARE * gate.relevance * signalMean);
}

export { round1 };
