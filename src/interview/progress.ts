import type { Prompt } from '../content/schema.js';
import type { Grade } from '../grading/types.js';
import { isPhaseId, PHASE_IDS, type PhaseId } from '../phases.js';
import type { PlanStep, Session } from './types.js';

/** The phases a session was graded on: all six for an interview, the drilled one for practice. */
export function gradedPhases(plan: readonly PlanStep[]): PhaseId[] {
  const phases = plan.map((s) => s.step).filter(isPhaseId);
  return phases.length ? phases : [...PHASE_IDS];
}

export interface PhaseAverage {
  phase: PhaseId;
  average: number;
  sessions: number;
}

/** Average score per phase over graded sessions, counting practice drills only for the phase drilled. */
export function phaseAverages(sessions: readonly Session[]): PhaseAverage[] {
  return PHASE_IDS.map((phase) => {
    const scores = sessions.flatMap((s) => {
      if (!s.grade || !gradedPhases(s.plan).includes(phase)) return [];
      const p = s.grade.phases.find((x) => x.id === phase);
      return p ? [p.score] : [];
    });
    const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : NaN;
    return { phase, average, sessions: scores.length };
  }).filter((a) => a.sessions > 0);
}

export function weakestPhase(averages: readonly PhaseAverage[]): PhaseAverage | null {
  return averages.reduce<PhaseAverage | null>((low, a) => (!low || a.average < low.average ? a : low), null);
}

/**
 * The prompt that drills a phase hardest: the most rubric weight in that phase; ties go to the prompt sat
 * least often, then by id.
 */
export function promptForPhase(prompts: readonly Prompt[], phase: PhaseId, sessions: readonly Session[]): Prompt | null {
  const weight = (p: Prompt) => p.rubric.criteria.filter((c) => c.phase === phase).reduce((a, c) => a + c.weight, 0);
  const sat = (p: Prompt) => sessions.filter((s) => s.promptId === p.id).length;
  return (
    [...prompts].sort((a, b) => weight(b) - weight(a) || sat(a) - sat(b) || a.id.localeCompare(b.id))[0] ?? null
  );
}

/** The suggested next drill command. */
export function nextDrill(promptId: string, phase: PhaseId): string {
  return `mlsd practice ${promptId} --phase ${phase}`;
}
