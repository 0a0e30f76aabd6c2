import { LEVELS, type Level } from '../content/schema.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { CriterionResult, LevelBar, PhaseResult, Signals } from './types.js';

/** Share of the prompt's own rubric weight at which framework criteria earn full credit. */
export const RELEVANCE_FULL = 0.3;
/** Share of the total that comes from the signals (scaled by relevance); the rest is rubric criteria. */
export const SIGNAL_SHARE = 0.15;
/** Depth reaches 100 at this share of senior and staff weight. */
export const DEPTH_FULL = 0.7;

/** What each level needs: for each level of criteria, the share of their weight that must be earned. */
export const LEVEL_BARS: Record<Level, Partial<Record<Level, number>>> = {
  mid: { mid: 0.45 },
  senior: { mid: 0.55, senior: 0.4 },
  staff: { mid: 0.6, senior: 0.55, staff: 0.4 },
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The share of a criterion's weight earned: its partial credit when it has one, else met or not. */
export function creditOf(c: CriterionResult): number {
  return c.credit ?? (c.met ? 1 : 0);
}

/** Relevance: the prompt's own share, scaled so that RELEVANCE_FULL of it unlocks all framework credit. */
export function relevanceOf(criteria: readonly CriterionResult[]): number {
  const own = criteria.filter((c) => !c.framework);
  const weight = own.reduce((n, c) => n + c.weight, 0);
  if (weight === 0) return 1;
  const earned = own.reduce((n, c) => n + c.weight * creditOf(c), 0);
  return Math.min(1, earned / weight / RELEVANCE_FULL);
}

/** The weight a criterion earns: framework criteria are scaled by relevance, so generic ML talk cannot carry an off-topic answer. */
export function earned(c: CriterionResult, relevance: number): number {
  return c.weight * creditOf(c) * (c.framework ? relevance : 1);
}

function share(criteria: readonly CriterionResult[], relevance: number): number | null {
  const weight = criteria.reduce((n, c) => n + c.weight, 0);
  return weight ? criteria.reduce((n, c) => n + earned(c, relevance), 0) / weight : null;
}

export function phaseResults(criteria: readonly CriterionResult[], graded: readonly PhaseId[], relevance: number): PhaseResult[] {
  return PHASE_IDS.map((id) => {
    const inPhase = criteria.filter((c) => c.phase === id);
    const isGraded = graded.includes(id);
    return {
      id,
      graded: isGraded,
      score: isGraded ? round1(100 * (share(inPhase, relevance) ?? 0)) : 0,
      covered: isGraded ? inPhase.filter((c) => c.met).map((c) => c.id) : [],
      missed: isGraded ? inPhase.filter((c) => !c.met).map((c) => c.id) : [],
    };
  });
}

/** Each level's bar, in order; a level is cleared when its own requirements and every lower level's are. */
export function levelBars(criteria: readonly CriterionResult[], relevance: number): LevelBar[] {
  const shares = new Map(LEVELS.map((l) => [l, share(criteria.filter((c) => c.level === l), relevance)] as const));
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
export function depthSignal(criteria: readonly CriterionResult[], relevance: number): number {
  const s = share(criteria.filter((c) => c.level !== 'mid'), relevance) ?? 0;
  return Math.min(100, (100 * s) / DEPTH_FULL);
}

/** The total: mostly the earned share of rubric weight, plus a small, relevance-scaled share of the signals. */
export function totalScore(criteria: readonly CriterionResult[], relevance: number, signals: Signals): number {
  const rubric = 100 * (share(criteria, relevance) ?? 0);
  const signalMean = (signals.structure + signals.tradeoffs + signals.quantitative + signals.depth) / 4;
  return round1((1 - SIGNAL_SHARE) * rubric + SIGNAL_SHARE * relevance * signalMean);
}

export { round1 };
