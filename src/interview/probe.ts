import { LEVELS, type Level, type Probe } from '../content/schema.js';
import type { Grade } from '../grading/types.js';
import type { PhaseId } from '../phases.js';

/** Criteria at least this heavy are worth a follow-up question when missed. */
export const PROBE_MIN_WEIGHT = 3;

const rank = (level: Level) => LEVELS.indexOf(level);

/**
 * The follow-up to ask after a phase: a probe whose criterion the phase missed, at or below the target level
 * and heavy enough to matter. Heaviest first, then the more basic level, then the order in the prompt.
 */
export function chooseProbe(
  probes: readonly Probe[],
  phaseGrade: Pick<Grade, 'criteria'>,
  phase: PhaseId,
  level: Level,
): Probe | null {
  const missed = new Map(
    phaseGrade.criteria
      .filter((c) => c.phase === phase && !c.met && rank(c.level) <= rank(level) && c.weight >= PROBE_MIN_WEIGHT)
      .map((c) => [c.id, c]),
  );
  const ranked = probes
    .map((probe, order) => ({ probe, order, criterion: missed.get(probe.criterion) }))
    .filter((p) => p.criterion !== undefined)
    .sort(
      (a, b) =>
        b.criterion!.weight - a.criterion!.weight || rank(a.criterion!.level) - rank(b.criterion!.level) || a.order - b.order,
    );
  return ranked[0]?.probe ?? null;
}
