import { LEVELS, type Level } from '../levels.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import type { Criterion, Framework, Prompt } from './schema.js';

/** A criterion as it applies to one prompt, marked when it comes from the shared framework. */
export interface RubricCriterion extends Criterion {
  framework: boolean;
}

/**
 * The criteria that apply to a prompt: its own, then the framework's (minus those it skips). The one rubric
 * selection: the grader compiles it, `mlsd rubric` and `mlsd prompts` list it.
 */
export function applicableCriteria(prompt: Prompt, framework: Framework): Array<{ criterion: Criterion; framework: boolean }> {
  const skip = new Set(prompt.skipFramework);
  return [
    ...prompt.rubric.criteria.map((criterion) => ({ criterion, framework: false })),
    ...framework.criteria.filter((c) => !skip.has(c.id)).map((criterion) => ({ criterion, framework: true })),
  ];
}

/** The criteria the grader applies to a prompt, flattened for listing (`mlsd rubric`, `mlsd prompts`). */
export function rubricFor(prompt: Prompt, framework: Framework): RubricCriterion[] {
  return applicableCriteria(prompt, framework).map(({ criterion, framework: shared }) => ({ ...criterion, framework: shared }));
}

/** True when a criterion at `level` is expected of someone aiming at `target` (mid ⊂ senior ⊂ staff). */
export function expectedAt(level: Level, target: Level): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(target);
}

/** Criteria grouped by phase in interview order; within a phase the heaviest first, then by level. */
export function byPhase<T extends Criterion>(criteria: readonly T[]): { phase: PhaseId; criteria: T[] }[] {
  return PHASE_IDS.map((phase) => ({
    phase,
    criteria: criteria
      .filter((c) => c.phase === phase)
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.weight - a.c.weight || LEVELS.indexOf(a.c.level) - LEVELS.indexOf(b.c.level) || a.i - b.i)
      .map(({ c }) => c),
  }));
}
