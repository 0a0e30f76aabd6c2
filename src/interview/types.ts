import type { Level } from '../content/schema.js';
import type { Grade } from '../grading/types.js';
import type { PhaseId } from '../phases.js';

/** A step of a round: the clarifying questions, then the phases. */
export type StepId = 'clarifying' | PhaseId;

export interface PlanStep {
  step: StepId;
  budgetMs: number;
}

/** A sitting, or a written answer saved with `mlsd score --save`. */
export type Mode = 'interview' | 'practice' | 'score';
export type Status = 'in-progress' | 'completed' | 'abandoned';
export const STATUSES: readonly Status[] = ['in-progress', 'completed', 'abandoned'];

/** What was submitted during a session, in order. `step-end` marks a step as finished. */
export type EntryKind = 'question' | 'answer' | 'probe' | 'reply' | 'step-end';

/** Where an entry belongs: a step, or 'other' for a section of an --answers file that names no phase. */
export type EntryStep = StepId | 'other';

export interface Entry {
  step: EntryStep;
  kind: EntryKind;
  text: string;
  /** For a clarifying question: the facts it asked about, comma-joined (one id in older sessions), if any. */
  factId: string | null;
  /** For a clarifying question: what the interviewer said. */
  response: string | null;
  /** Time since the step started when this was submitted. */
  elapsedMs: number;
  budgetMs: number | null;
  at: number;
}

export interface Draft {
  step: StepId;
  /** A clarifying question half typed, a phase answer, or a follow-up reply. */
  kind: 'question' | 'answer' | 'reply';
  text: string;
  savedAt: number;
}

export interface Session {
  id: number;
  promptId: string;
  mode: Mode;
  status: Status;
  targetLevel: Level;
  minutes: number;
  timer: boolean;
  plan: PlanStep[];
  startedAt: number;
  finishedAt: number | null;
  total: number | null;
  level: Grade['level'] | null;
  grade: Grade | null;
}

/**
 * The session log a sitting writes to, as the interview core needs it; src/store/sessions.ts implements it
 * over SQLite. Every write commits on its own, so a submission is kept before the next question.
 */
export interface SessionLog {
  get(sessionId: number): Session | undefined;
  entries(sessionId: number): Entry[];
  addEntry(sessionId: number, entry: Entry): void;
  draft(sessionId: number): Draft | undefined;
  saveDraft(sessionId: number, draft: Draft): void;
  clearDraft(sessionId: number): void;
  finish(sessionId: number, grade: Grade, finishedAt: number): void;
  /** Deletes an in-progress session that holds nothing; says whether it did. */
  removeIfEmpty(sessionId: number): boolean;
}
