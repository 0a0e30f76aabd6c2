import type { PhaseId } from '../phases.js';
import type { ClockReading } from './timer.js';
import type { StepId } from './types.js';

/** What a step that just opened asks for. */
export type StepStart =
  | { kind: 'clarify'; step: 'clarifying'; focus: string }
  | { kind: 'answer'; step: PhaseId; focus: string }
  /** Resumed while a follow-up was waiting for its reply: the follow-up, asked again. */
  | { kind: 'reply'; step: PhaseId; question: string }
  /** Resumed after the step's answer, before its follow-up was chosen. */
  | { kind: 'probe'; step: PhaseId };

/** What an interrupted sitting kept; `nothing` when the session held nothing and was removed. */
export type Kept = 'questions' | 'typing' | 'answers' | 'nothing' | 'finished';

/** A write the session log refused. */
export interface SaveFailure {
  sessionId: number;
  /** What was lost with the write: a question, an answer, the text being typed, or the session as a whole. */
  what: 'question' | 'answer' | 'typing' | 'session';
  /** SQLite's error code, e.g. SQLITE_FULL. */
  code: string;
  /** Where the text was written instead, when it could be. */
  file?: string;
}

/**
 * What the person at the keyboard sees of a sitting. The interview core reports events and asks for the few
 * words it hands on (the line prompt, the hint, the message an interruption ends with); src/ui/session-view.ts
 * renders them for a terminal.
 */
export interface SessionView {
  stepStarted(start: StepStart, reading: ClockReading | null): void;
  /** The interviewer's reply to a clarifying question. */
  interviewerSaid(text: string): void;
  probeAsked(question: string): void;
  /** A draft saved by an interruption is about to be offered again. */
  draftRestored(): void;
  /** The text back from $EDITOR. */
  edited(text: string): void;
  /** The round's time ran out. */
  timeUp(): void;
  /** A write failed; the user's text, shown so it is not lost. */
  unsaved(text: string): void;
  /** Shown before each typed line. */
  linePrompt(reading: ClockReading | null): string;
  /** Shown when the step's budget runs out while typing. */
  overrunWarning(step: StepId): string;
  /** What :hint shows: the prompt's guidance for the step and the framework's checklist. */
  hint(guidance: string, checklist: readonly string[]): string;
  /** The line an interrupted sitting ends with. */
  interrupted(sessionId: number, kept: Kept): string;
  /** The error line and hint for a refused write. */
  saveFailed(failure: SaveFailure): { message: string; hint: string };
}
