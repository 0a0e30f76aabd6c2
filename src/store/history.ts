import { UserError } from '../errors.js';
import type { Session } from '../interview/types.js';
import { dbPath } from '../paths.js';
import { cardStore, type CardStore } from './cards.js';
import { openStore, type Db, type OpenOptions } from './open.js';
import { sessionStore, type SessionStore } from './sessions.js';

export interface History {
  db: Db;
  sessions: SessionStore;
  cards: CardStore;
  file: string;
}

/** Opens the history database named by --db, else the default location. */
export function openHistory(dbOption: string | undefined, env: Record<string, string | undefined>, options: OpenOptions = {}): History {
  const file = dbOption === ':memory:' ? dbOption : dbPath(dbOption, env);
  const db = openStore(file, options);
  return { db, sessions: sessionStore(db), cards: cardStore(db), file };
}

/** A session by id or "last"; an unknown one is an expected failure that lists the ids that exist. */
export function resolveSession(store: SessionStore, ref: string): Session {
  const all = store.list();
  if (!all.length) {
    throw new UserError('there are no sessions yet.', { hint: 'Start one with `mlsd interview` or `mlsd practice <prompt> --phase <phase>`.' });
  }
  if (ref === 'last') return all[0]!;
  const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
  const found = Number.isSafeInteger(id) ? store.get(id) : undefined;
  if (found) return found;
  const ids = all.slice(0, 10).map((s) => s.id);
  throw new UserError(`no session "${ref}".`, {
    hint: `Sessions: ${ids.join(', ')}${all.length > ids.length ? ', …' : ''} (or "last"). \`mlsd history\` lists them.`,
  });
}
