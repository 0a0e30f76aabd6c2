import type { AnswerSection } from '../grading/types.js';
import { isPhaseId, type PhaseId } from '../phases.js';
import { splitFactIds } from './facts.js';
import { planTotalMs } from './plan.js';
import type { Entry, EntryStep, PlanStep, StepId } from './types.js';

/**
 * What the session needs next, derived from what has been submitted. The store keeps only the log of entries;
 * this reads it, so a resumed session continues exactly where the log stops.
 */
export type NextAction =
  | { kind: 'clarify'; step: 'clarifying' }
  | { kind: 'answer'; step: PhaseId }
  /** The phase answer is in: decide whether to ask a follow-up. */
  | { kind: 'probe'; step: PhaseId }
  | { kind: 'reply'; step: PhaseId; question: string }
  | { kind: 'finish' };

function stepEntries(entries: readonly Entry[], step: EntryStep): Entry[] {
  return entries.filter((e) => e.step === step);
}

export function nextAction(plan: readonly PlanStep[], entries: readonly Entry[]): NextAction {
  for (const { step } of plan) {
    const mine = stepEntries(entries, step);
    if (mine.some((e) => e.kind === 'step-end')) continue;
    if (step === 'clarifying') return { kind: 'clarify', step };
    if (!mine.some((e) => e.kind === 'answer')) return { kind: 'answer', step };
    const probe = mine.find((e) => e.kind === 'probe');
    if (!probe) return { kind: 'probe', step };
    if (!mine.some((e) => e.kind === 'reply')) return { kind: 'reply', step, question: probe.text };
  }
  return { kind: 'finish' };
}

/** Index in the plan of the step an action belongs to (the plan length when finished). */
export function stepIndex(plan: readonly PlanStep[], action: NextAction): number {
  return action.kind === 'finish' ? plan.length : plan.findIndex((s) => s.step === action.step);
}

/** The phase texts to grade: each phase's answer followed by its follow-up reply. */
export function answerSections(entries: readonly Entry[]): AnswerSection[] {
  const byPhase = new Map<PhaseId, string[]>();
  const other: AnswerSection[] = [];
  for (const e of entries) {
    if ((e.kind !== 'answer' && e.kind !== 'reply') || !e.text.trim()) continue;
    if (isPhaseId(e.step)) byPhase.set(e.step, [...(byPhase.get(e.step) ?? []), e.text]);
    else other.push({ phase: null, text: e.text });
  }
  return [...[...byPhase].map(([phase, texts]) => ({ phase, text: texts.join('\n\n') })), ...other];
}

/** Each follow-up question with the reply to it, per phase. */
export function probeReplies(entries: readonly Entry[]): Array<{ phase: PhaseId; question: string; reply: string }> {
  const out: Array<{ phase: PhaseId; question: string; reply: string }> = [];
  let question: string | undefined;
  for (const e of entries) {
    if (e.kind === 'probe') question = e.text;
    if (e.kind === 'reply' && question !== undefined && isPhaseId(e.step)) {
      out.push({ phase: e.step, question, reply: e.text });
      question = undefined;
    }
  }
  return out;
}

/** Fact ids the candidate asked about, in the order first asked. */
export function askedFacts(entries: readonly Entry[]): string[] {
  return [...new Set(entries.filter((e) => e.kind === 'question').flatMap((e) => splitFactIds(e.factId)))];
}

export interface StepTime {
  step: StepId;
  budgetMs: number;
  /** Time spent: until the step ended, or its last submission. Null when never reached. */
  spentMs: number | null;
  overrunMs: number;
}

/** Time spent on each step against its budget, for the report. */
export function timeSpent(plan: readonly PlanStep[], entries: readonly Entry[]): StepTime[] {
  return plan.map(({ step, budgetMs }) => {
    const mine = stepEntries(entries, step);
    const spentMs = mine.length ? Math.max(...mine.map((e) => e.elapsedMs)) : null;
    return { step, budgetMs, spentMs, overrunMs: spentMs === null ? 0 : Math.max(0, spentMs - budgetMs) };
  });
}

/** The steps still to do from an action on: what a resumed sitting gets its clock for. */
export function remainingPlan(plan: readonly PlanStep[], action: NextAction): PlanStep[] {
  return plan.slice(stepIndex(plan, action));
}

/** A resumed round always gets at least this long. */
const MIN_RESUMED_MS = 60_000;

/**
 * The round's time left when a session resumes at `action`: its length less what the finished steps took, as
 * the live clock would show, so time saved in early steps is not lost to an interruption. The interrupted step
 * starts again with its own budget.
 */
export function resumedTotalMs(plan: readonly PlanStep[], entries: readonly Entry[], action: NextAction): number {
  const finished = plan.slice(0, stepIndex(plan, action));
  const spent = timeSpent(finished, entries).reduce((sum, t) => sum + (t.spentMs ?? 0), 0);
  return Math.max(MIN_RESUMED_MS, planTotalMs(plan) - spent);
}
