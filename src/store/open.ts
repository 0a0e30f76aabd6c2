import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../errors.js';
import { placeIfFree, tempBeside } from '../util/place-file.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

const MEMORY = ':memory:';
/** How long a connection waits for another process's write lock before giving up. */
const BUSY_MS = 5000;

function corrupt(file: string, reason: string): UserError {
  return new UserError(`the history database ${file} cannot be read (${oneLine(reason)}).`, {
    hint: `It was left untouched. Move it aside (e.g. mv "${file}" "${file}.broken") to start a new history, or use --db <file>.`,
  });
}

function tooNew(file: string, version: number): UserError {
  return new UserError(
    `the history database ${file} was written by a newer mlsd-coach (schema ${version}; this one knows ${SCHEMA_VERSION}).`,
    { hint: 'Upgrade mlsd-coach to use it; it was not modified. Or use --db <file> for a separate history.' },
  );
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every connection waits for the others' locks from its first statement on (the WAL switch included). */
function connect(file: string, options: Database.Options = {}): Db {
  return new Database(file, { timeout: BUSY_MS, ...options });
}

/** quick_check's rows, as one line: the first problem and how many more. */
function integrityProblem(db: Db): string | undefined {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => l.trim() && !/^\*\*\* in database/.test(l));
  if (problems.length === 1 && problems[0] === 'ok') return undefined;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `integrity check: ${problems[0] ?? 'failed'}${more}`;
}

/**
 * Checks an existing file read-only, before anything may write to it: a file, not empty, readable, intact,
 * not from the future. A refused file is left as it was found, folder included.
 */
function inspect(file: string): void {
  const stat = statSync(file);
  if (stat.isDirectory()) throw new UserError(`the history database ${file} is a directory.`, { hint: 'Pass a file path to --db.' });
  if (stat.size === 0) {
    throw new UserError(`${file} is an empty file, not a history database.`, {
      hint: `It was left untouched. Remove it (rm "${file}") to start a new history there, or use --db <file>.`,
    });
  }
  // Opening a WAL-mode database creates its -wal and -shm files, even read-only.
  const absent = [`${file}-wal`, `${file}-shm`].filter((p) => !existsSync(p));
  let probe: Db | undefined;
  try {
    probe = connect(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
    const problem = integrityProblem(probe);
    if (problem) throw corrupt(file, problem);
  } catch (err) {
    probe?.close();
    probe = undefined;
    removeSidecars(file, absent);
    // A WAL database in a folder SQLite may not write cannot even be read: say so, not "damaged".
    throw failure(file, err, /^SQLITE_READONLY/);
  } finally {
    probe?.close();
  }
}

/**
 * Removes the -wal/-shm files the probe of a refused database created. Only an empty -wal is removed: one with
 * content was written by someone else since, and is theirs.
 */
function removeSidecars(file: string, created: readonly string[]): void {
  const wal = `${file}-wal`;
  try {
    if (created.includes(wal) && existsSync(wal) && statSync(wal).size > 0) return;
    for (const path of created) rmSync(path, { force: true });
  } catch {
    // Best effort: the refusal itself is what the user needs to see.
  }
}

/**
 * Brings the schema up to date. Each migration reads the version inside its own write transaction, so processes
 * opening one database at once never run the same migration twice; an up-to-date database (the usual case) is
 * seen as such without taking the write lock, so readers never wait for writers.
 */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): void {
  const behind = () => (db.pragma('user_version', { simple: true }) as number) < migrations.length;
  if (!behind()) return;
  const step = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= migrations.length) return false;
    db.exec(migrations[current]!);
    // Foreign keys are off while a table is rebuilt (SQLite's documented way): check by hand before committing.
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`migration ${current + 1} left ${broken.length} broken foreign key reference(s)`);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  // Outside a transaction only: inside one SQLite ignores the switch.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    while (behind() && step.immediate());
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/** Waits without returning to the event loop; only for the rare retry below. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Switches to WAL. From rollback-journal mode this needs the other connections out of the way, and SQLite then
 * answers SQLITE_BUSY at once instead of calling the busy handler: wait here as the busy timeout would.
 */
function useWal(db: Db): void {
  const deadline = Date.now() + BUSY_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!errCode(err).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err;
      pause(10 + Math.random() * 20);
    }
  }
}

function configure(db: Db, isFile: boolean): void {
  if (isFile) useWal(db);
  // An answer is written once and typed by hand: make each commit survive a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/**
 * Creates a new history. It is built and migrated under a temporary name in the same folder, then hard-linked
 * into place, which fails if the name exists by then: of several processes creating it at once one wins and the
 * others open its database, and no process ever sees a half-made or zero-length file under the real name (a
 * rename would silently replace the winner's history).
 */
function create(file: string): void {
  const dir = dirname(file);
  const temp = tempBeside(file, 'new');
  try {
    mkdirSync(dir, { recursive: true });
    const db = connect(temp);
    try {
      configure(db, true);
      migrate(db);
    } finally {
      db.close();
    }
    // Another process that created the history meanwhile won: its database is the one to open.
    placeIfFree(temp, file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw writeFailure(file, err, { creating: true });
  } finally {
    for (const path of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(path, { force: true });
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a history cannot be written, in one line: the file, its folder (SQLite keeps -wal and -shm files beside
 * the database, and a new one is made there), or both. `writable` answers "may this process write that path?".
 */
export function readOnlyProblem(
  file: string,
  facts: { creating?: boolean; folderCode?: boolean; reason: string },
  writable: (path: string) => boolean = canWrite,
): UserError {
  const dir = dirname(file);
  const fileReadOnly = !facts.creating && existsSync(file) && !writable(file);
  const dirReadOnly = Boolean(facts.creating || facts.folderCode) || (existsSync(dir) && !writable(dir));
  if (fileReadOnly && dirReadOnly) {
    return new UserError(`the history database ${file} and its folder are read-only (SQLite also keeps ${basename(file)}-wal and -shm beside it).`, {
      hint: `Make them writable (chmod u+w "${dir}" "${file}"), or use --db <file> in a writable folder.`,
    });
  }
  if (dirReadOnly) {
    const what = facts.creating ? 'a new history database cannot be created in it' : `SQLite cannot keep ${basename(file)}-wal and -shm beside the history database`;
    return new UserError(`the folder ${dir} is read-only: ${what}.`, {
      hint: `Make it writable (chmod u+w "${dir}"), or use --db <file> in a writable folder.`,
    });
  }
  if (fileReadOnly) {
    return new UserError(`the history database ${file} is read-only: nothing can be saved to it.`, {
      hint: `Make it writable (chmod u+w "${file}"), or use --db <file> for another history.`,
    });
  }
  return new UserError(`the history database ${file} cannot be written (${oneLine(facts.reason)}).`, {
    hint: 'Check that it and its folder are writable, or use --db <file>.',
  });
}

const errCode = (err: unknown) => String((err as { code?: unknown }).code ?? '');
const READ_ONLY_CODES = /^SQLITE_(READONLY|CANTOPEN)/;
const isReadOnlyError = (err: unknown) => READ_ONLY_CODES.test(errCode(err));

/** A failure while opening, as the one line the user needs: busy, read-only, or else damaged. */
function failure(file: string, err: unknown, readOnlyCodes: RegExp, busyMs = BUSY_MS): UserError {
  if (err instanceof UserError) return err;
  const code = errCode(err);
  // Another process kept the write lock past the busy timeout: nothing is wrong with the file.
  if (code.startsWith('SQLITE_BUSY')) {
    return new UserError(`the history database ${file} is busy: another program has been writing to it for over ${busyMs / 1000} s.`, {
      hint: 'Try again when it has finished; the database was not changed.',
    });
  }
  if (readOnlyCodes.test(code)) return writeFailure(file, err);
  return corrupt(file, (err as Error).message);
}

function writeFailure(file: string, err: unknown, options: { creating?: boolean } = {}): UserError {
  const code = errCode(err);
  const reason = (err as Error).message;
  if (options.creating && /^(EACCES|EPERM|EROFS|SQLITE_CANTOPEN|SQLITE_READONLY)/.test(code)) {
    return readOnlyProblem(file, { creating: true, reason });
  }
  if (isReadOnlyError(err)) return readOnlyProblem(file, { folderCode: code === 'SQLITE_READONLY_DIRECTORY', reason });
  return new UserError(`cannot create the history database ${file}: ${oneLine(reason)}`, {
    hint: 'Check that the folder is writable, or use --db <file>.',
  });
}

/**
 * Refuses at once, before a round starts, when this connection cannot save (SQLite opens a file it may not
 * write read-only without a word): a write that is rolled back.
 */
export function requireWritable(db: Db, file: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
  } catch (err) {
    if (isReadOnlyError(err)) throw writeFailure(file, err);
    throw err;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/** The `write` check of `openStore` for a connection opened without it, its failures worded the same way. */
export function requireWritableOpen(db: Db, file: string): void {
  try {
    requireWritable(db, file);
  } catch (err) {
    throw failure(file, err, READ_ONLY_CODES);
  }
}

export interface OpenOptions {
  /** The caller will save to it: a read-only file or folder is refused now, in one line, not at the first save. */
  write?: boolean;
  /** How long to wait for another connection's write lock (default 5 s); a test seam, so the busy test need not wait. */
  busyMs?: number;
}

/**
 * Opens (creating if needed) the history database: checked read-only first, then WAL, foreign keys, a busy
 * timeout so two terminals can share it, and migrations. `:memory:` gives a private database for tests.
 */
export function openStore(file: string, options: OpenOptions = {}): Db {
  const isFile = file !== MEMORY;
  if (isFile) {
    if (existsSync(file)) inspect(file);
    else create(file);
  }
  let db: Db;
  try {
    db = connect(file, options.busyMs === undefined ? {} : { timeout: options.busyMs });
  } catch (err) {
    throw new UserError(`cannot open the history database ${file}: ${oneLine((err as Error).message)}`, {
      hint: 'Check that the folder is writable, or use --db <file>.',
    });
  }
  try {
    configure(db, isFile);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
    migrate(db);
    if (options.write) requireWritable(db, file);
    return db;
  } catch (err) {
    db.close();
    throw failure(file, err, READ_ONLY_CODES, options.busyMs);
  }
}
