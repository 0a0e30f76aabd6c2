import type { StopSignal } from '../errors.js';
import type { StepId } from './types.js';

export type { StopSignal };

/** What the session asks the person at the keyboard for; src/ui/ask.ts implements it for a terminal. */
export interface TextRequest {
  /** One line (a clarifying question) or many (a phase answer). */
  multiline: boolean;
  /** Shown before each line; called again for every line so the clock stays current. */
  prompt: () => string;
  /** Text already written (a restored draft). */
  initial?: string;
  /** Printed when the user types :hint. */
  hint?: string;
  /** Time until the round is over; the input ends by itself then. Infinity without a timer. */
  timeLeftMs: number;
  /** Time until the step's budget runs out; `overrunWarning` is printed then. */
  stepLeftMs: number;
  overrunWarning?: string;
}

export type TextResult =
  | { kind: 'done'; text: string }
  /** A single-line request got an empty line or Ctrl-D: no more questions. */
  | { kind: 'end' }
  /** The user typed :editor; `text` is what they had typed before. */
  | { kind: 'editor'; text: string }
  | { kind: 'time-up'; text: string }
  /** Ctrl-C, or a signal (`kill`, the terminal closing); `signal` says which (SIGINT when absent). */
  | { kind: 'interrupted'; text: string; signal?: StopSignal };

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

export interface Asker {
  /** A searchable list; returns the chosen value. */
  choose(message: string, choices: readonly Choice[]): Promise<string>;
  text(request: TextRequest): Promise<TextResult>;
  /** Opens $EDITOR on `initial` and returns the saved text. */
  editor(initial: string, step: StepId): Promise<string>;
  /**
   * A signal that came while no input was open and that no input has taken since (it then ends the next input
   * as interrupted); reading it clears it. For the steps that open no input: the editor, and the end.
   */
  pendingSignal?(): Promise<StopSignal | undefined>;
}
