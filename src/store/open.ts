import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

const MEMORY = ':memory:';

function corrupt(file: string, reason: string): UserError {
  return new UserError(`the history database ${file} cannot be read (${reason}).`, {
    hint: `It was left untouched. Move it aside (e.g. mv "${file}" "${file}.broken") to start a new history, or use --db <file>.`,
  });
}

function tooNew(file: string, version: number): UserError {
  return new UserError(
    `the history database ${file} was written by a newer mlsd-coach (schema ${version}; this one knows ${SCHEMA_VERSION}).`,
    { hint: 'Upgrade mlsd-coach to use it; it was not modified. Or use --db <file> for a separate history.' },
  );
}

/** Checks an existing file read-only, before anything may write to it: readable, intact, not from the future. */
function inspect(file: string): void {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
    const check = probe.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw corrupt(file, `integrity check: ${check}`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw corrupt(file, (err as Error).message);
  } finally {
    probe?.close();
  }
}

/** Brings the schema up to date; each migration and its version bump commit together or not at all. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

/**
 * Opens (creating if needed) the history database: checked read-only first, then WAL, foreign keys, a busy
 * timeout so two terminals can share it, and migrations. `:memory:` gives a private database for tests.
 */
export function openStore(file: string): Db {
  const isFile = file !== MEMORY;
  if (isFile && existsSync(file)) {
    if (statSync(file).isDirectory()) throw new UserError(`the history database ${file} is a directory.`, { hint: 'Pass a file path to --db.' });
    inspect(file);
  }
  if (isFile) mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new UserError(`cannot open the history database ${file}: ${(err as Error).message}`, {
      hint: 'Check that the folder is writable, or use --db <file>.',
    });
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (isFile) db.pragma('journal_mode = WAL');
    // An answer is written once and typed by hand: make each commit survive a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof UserError) throw err;
    throw corrupt(file, (err as Error).message);
  }
}
