import { join } from 'node:path';
import { openHistory, type History } from '../../src/store/history.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { tempDir } from './temp.js';

/** Reads the history under `dir` (as MLSD_HOME) and closes it again, so the command under test finds it free. */
export function inHistory<T>(dir: string, read: (h: History) => T): T {
  const h = openHistory(undefined, { MLSD_HOME: dir });
  try {
    return read(h);
  } finally {
    h.db.close();
  }
}

/** A fresh folder whose history holds one interview session with `text` as its requirements answer. */
export function historyWithOneAnswer(text: string): { dir: string; db: string } {
  const dir = tempDir();
  const db = join(dir, 'coach.db');
  const store = openStore(db);
  const sessions = sessionStore(store);
  const s = sessions.create({ promptId: 'video-recommendations', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: false, plan: [], startedAt: 1 });
  sessions.addEntry(s.id, { step: 'requirements', kind: 'answer', text, factId: null, response: null, elapsedMs: 0, budgetMs: null, at: 1 });
  store.close();
  return { dir, db };
}
