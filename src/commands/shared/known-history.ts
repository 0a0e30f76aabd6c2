import { existsSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { openHistory, type History } from '../../store/history.js';
import type { OpenOptions } from '../../store/open.js';

/**
 * Opens the history for a command that reads or closes sessions but never starts one. A `--db` file that does
 * not exist is a mistyped path, not an empty history: it is refused rather than created, so the user is not
 * told "No sessions yet" about sessions that are safe in another file.
 */
export function openKnownHistory(db: string | undefined, env: Record<string, string | undefined>, options: OpenOptions = {}): History {
  if (db !== undefined && db !== ':memory:' && !existsSync(db)) {
    throw new UserError(`no history database at ${db}.`, {
      hint: 'Check the path given to --db (it is created by `mlsd interview` or `mlsd practice`); without --db the default history is used.',
    });
  }
  return openHistory(db, env, options);
}
