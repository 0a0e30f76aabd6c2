/** Exit codes shared by every command (see the README and shared contracts). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** 128 + the signal's number, as a shell reports a process that a signal stopped. */
  interrupted: 130,
  terminated: 143,
  hungUp: 129,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure: bad input, unknown id, corrupt database. Printed as one line plus an optional hint;
 * the top level turns it into the exit code. Anything else that escapes is a bug.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly code: ExitCode;

  constructor(message: string, options: { hint?: string; code?: ExitCode } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.code = options.code ?? EXIT.failure;
  }
}

/** A usage error (bad flag value, bad number): exit 2. */
export function usageError(message: string, hint?: string): UserError {
  return new UserError(message, { hint, code: EXIT.usage });
}

/** The signals that end a sitting after saving what was typed: Ctrl-C, `kill`, and the terminal going away. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNAL_EXIT: Record<StopSignal, ExitCode> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hungUp };

/**
 * Thrown when the user pressed Ctrl-C (or the process got SIGTERM or SIGHUP) after what they typed was saved:
 * exit 130, 143 or 129.
 */
export class InterruptedError extends Error {
  readonly code: ExitCode;

  constructor(message = 'Interrupted.', readonly signal: StopSignal = 'SIGINT') {
    super(message);
    this.name = 'InterruptedError';
    this.code = SIGNAL_EXIT[signal];
  }
}
