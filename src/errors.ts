/** Exit codes shared by every command (see the README and shared contracts). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
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

/** Thrown when the user pressed Ctrl-C after what they typed was saved: exit 130. */
export class InterruptedError extends Error {
  constructor(message = 'Interrupted.') {
    super(message);
    this.name = 'InterruptedError';
  }
}
