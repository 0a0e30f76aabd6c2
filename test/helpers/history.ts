import { openHistory, type History } from '../../src/store/history.js';

/** Reads the history under `dir` (as MLSD_HOME) and closes it again, so the command under test finds it free. */
export function inHistory<T>(dir: string, read: (h: History) => T): T {
  const h = openHistory(undefined, { MLSD_HOME: dir });
  try {
    return read(h);
  } finally {
    h.db.close();
  }
}
