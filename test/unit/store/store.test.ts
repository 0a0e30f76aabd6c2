import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { Grade } from '../../../src/grading/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/migrations.js';
import { migrate, openStore, readOnlyProblem, requireWritable, type Db, type OpenOptions } from '../../../src/store/open.js';
import { sessionStore, type NewSession } from '../../../src/store/sessions.js';
import { tempDir } from '../../helpers/temp.js';

const opened: Db[] = [];
const open = (file: string, options?: OpenOptions) => {
  const db = openStore(file, options);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const tempFile = (name = 'coach.db') => join(tempDir(), name);

/** Every file in the database's folder with its bytes, to show nothing was added, removed or changed. */
const folder = (file: string) =>
  Object.fromEntries(readdirSync(dirname(file)).sort().map((name) => [name, readFileSync(join(dirname(file), name)).toString('base64')]));

const newSession: NewSession = {
  promptId: 'video-recommendations',
  mode: 'interview',
  targetLevel: 'senior',
  minutes: 45,
  timer: true,
  plan: [{ step: 'clarifying', budgetMs: 270_000 }, { step: 'requirements', budgetMs: 270_000 }],
  startedAt: Date.UTC(2026, 10, 26, 12),
};

const grade: Grade = {
  promptId: 'video-recommendations',
  total: 71.5,
  level: 'senior',
  phases: [],
  signals: { structure: 1, tradeoffs: 2, quantitative: 3, depth: 4 },
  criteria: [],
};

function expectUserError(fn: () => unknown, message: RegExp): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(message);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

describe('openStore', () => {
  it('creates a new file at the latest schema with WAL and foreign keys', () => {
    const file = tempFile();
    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('refuses an empty file (it is not a history) in one line and leaves it and its folder untouched', () => {
    const file = tempFile();
    writeFileSync(file, '');
    const before = folder(file);
    const err = expectUserError(() => openStore(file), /empty file, not a history database/);
    expect(err.message).toContain(file);
    expect(err.message).not.toContain('\n');
    expect(err.hint).toMatch(/left untouched.*--db <file>/);
    expect(folder(file)).toEqual(before);
  });

  it('migrates a database at the previous schema version and keeps its sessions', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, SCHEMA_VERSION - 1));
    expect(old.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1);
    const id = sessionStoreAtV1(old);
    old.close();

    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const store = sessionStore(db);
    expect(store.get(id)?.promptId).toBe('video-recommendations');
    store.saveDraft(id, { step: 'requirements', kind: 'answer', text: 'half a thought', savedAt: 1 });
    expect(store.draft(id)?.text).toBe('half a thought');
  });

  it('refuses a database from a newer version and leaves it byte-identical', () => {
    const file = tempFile();
    const future = new Database(file);
    future.exec('CREATE TABLE t (x)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const before = readFileSync(file);
    const err = expectUserError(() => openStore(file), /newer mlsd-coach/);
    expect(err.hint).toMatch(/not modified/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    ['plain text', Buffer.from('these are my notes, not a database\n'.repeat(200))],
    ['a damaged header', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xff)])],
  ])('reports a corrupt file (%s) with its path and leaves it untouched', (_name, bytes) => {
    const file = tempFile();
    writeFileSync(file, bytes);
    const err = expectUserError(() => openStore(file), /cannot be read/);
    expect(err.message).toContain(file);
    expect(err.hint).toMatch(/Move it aside/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it.each([
    ['a newer version', (file: string) => {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x)');
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
    }, /newer mlsd-coach/],
    ['a damaged page', (file: string) => damagedDatabase(file, [3], { wal: true }), /cannot be read \(integrity check: /],
  ])('refuses a WAL-mode database with %s, leaving the folder exactly as it was, in one line', (_name, make, message) => {
    const file = tempFile();
    make(file);
    const before = folder(file);
    const err = expectUserError(() => openStore(file), message);
    expect(err.message).not.toContain('\n');
    expect(folder(file)).toEqual(before);
  });

  it('says how many more problems the integrity check found, on the same line', () => {
    const file = tempFile();
    damagedDatabase(file, [3, 50]);
    const err = expectUserError(() => openStore(file), /integrity check: .+ \(and \d+ more problems?\)\)\.$/);
    expect(err.message).not.toMatch(/\*\*\*|\n/);
  });

  it('lets two connections write to one file at once', () => {
    const file = tempFile();
    const a = sessionStore(open(file));
    const b = sessionStore(open(file));
    const one = a.create(newSession);
    const two = b.create({ ...newSession, promptId: 'fraud-detection' });
    for (let i = 0; i < 20; i++) {
      a.addEntry(one.id, entry(`a${i}`));
      b.addEntry(two.id, entry(`b${i}`));
    }
    expect(a.entries(one.id)).toHaveLength(20);
    expect(a.entries(two.id)).toHaveLength(20);
    expect(b.list().map((s) => s.promptId)).toEqual(['fraud-detection', 'video-recommendations']);
  });
});

describe('a history that cannot be written', () => {
  it('opening for writing succeeds on a writable file and changes nothing in it', () => {
    const file = tempFile();
    open(file).close();
    const before = readFileSync(file);
    const db = open(file, { write: true });
    expect(sessionStore(db).list()).toEqual([]);
    db.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  // Root writes whatever the permission bits say; a read-only connection refuses writes for everyone.
  it.each([
    ['a read-only connection', (file: string) => new Database(file, { readonly: true })],
    ['a query-only connection', (file: string) => {
      const db = new Database(file);
      db.pragma('query_only = ON');
      return db;
    }],
  ])('is refused before any write on %s, in one line', (_name, connect) => {
    const file = tempFile();
    open(file).close();
    const db = connect(file);
    opened.push(db);
    const err = expectUserError(() => requireWritable(db, file), /cannot be written \(attempt to write a readonly database\)/);
    expect(err.message).toContain(file);
    expect(err.hint).toMatch(/--db <file>/);
    expect(db.inTransaction).toBe(false);
  });

  it('a write lock held past the busy timeout is reported as busy, not as a damaged database', () => {
    const file = tempFile();
    open(file).close();
    const holder = open(file);
    holder.exec('BEGIN IMMEDIATE');
    // A short wait for the lock instead of the 5 s a user's connection gives it: the outcome is the same.
    const err = expectUserError(() => openStore(file, { write: true, busyMs: 200 }), /is busy: another program has been writing to it/);
    expect(err.message).not.toMatch(/cannot be read/);
    expect(err.hint).not.toMatch(/Move it aside/);
    holder.exec('ROLLBACK');
  }, 20_000);

  it.each([
    ['the file', { file: false, dir: true }, {}, /^the history database (\S+) is read-only: nothing can be saved to it\.$/, /chmod u\+w "\S+coach\.db"/],
    ['the folder', { file: true, dir: false }, {}, /^the folder (\S+) is read-only: SQLite cannot keep coach\.db-wal and -shm/, /chmod u\+w "\S+"/],
    ['the folder, as SQLite reports it', { file: true, dir: true }, { folderCode: true }, /^the folder \S+ is read-only/, /in a writable folder/],
    ['both', { file: false, dir: false }, {}, /^the history database \S+ and its folder are read-only/, /chmod u\+w "\S+" "\S+coach\.db"/],
  ])('says whether %s is read-only, with a chmod hint and --db', (_name, writable, facts, message, hint) => {
    const file = tempFile();
    writeFileSync(file, 'x');
    const err = readOnlyProblem(file, { reason: 'attempt to write a readonly database', ...facts }, (path) => (path === file ? writable.file : writable.dir));
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
    expect(err.hint).toMatch(/--db <file>/);
  });

  it('a new history in a read-only folder names the folder', () => {
    const file = tempFile('sub/coach.db');
    const err = readOnlyProblem(file, { creating: true, reason: 'EACCES' }, () => false);
    expect(err.message).toBe(`the folder ${dirname(file)} is read-only: a new history database cannot be created in it.`);
  });
});

function entry(text: string) {
  return { step: 'requirements' as const, kind: 'answer' as const, text, factId: null, response: null, elapsedMs: 1000, budgetMs: 2000, at: 5 };
}

/** Writes a session with only the columns schema 1 has, as an older release would. */
function sessionStoreAtV1(db: Database.Database): number {
  const r = db
    .prepare(
      `INSERT INTO sessions (prompt_id, mode, status, target_level, minutes, timer, plan, started_at)
       VALUES ('video-recommendations', 'interview', 'in-progress', 'senior', 45, 1, '[]', 0)`,
    )
    .run();
  return Number(r.lastInsertRowid);
}

describe('sessionStore', () => {
  it('records a session, its entries in order, drafts, and the grade', () => {
    const store = sessionStore(open(':memory:'));
    const s = store.create(newSession);
    expect(s).toMatchObject({ status: 'in-progress', mode: 'interview', timer: true, total: null, grade: null });
    expect(s.plan).toEqual(newSession.plan);

    store.addEntry(s.id, { ...entry('How many users?'), step: 'clarifying', kind: 'question', factId: 'users', response: '100M' });
    store.saveDraft(s.id, { step: 'requirements', kind: 'answer', text: 'We need', savedAt: 9 });
    expect(store.latestInProgress()?.id).toBe(s.id);
    store.addEntry(s.id, entry('We need fresh videos.'));
    expect(store.draft(s.id)).toBeUndefined();
    expect(store.entries(s.id).map((e) => [e.kind, e.text, e.factId])).toEqual([
      ['question', 'How many users?', 'users'],
      ['answer', 'We need fresh videos.', null],
    ]);

    store.finish(s.id, grade, newSession.startedAt + 60_000);
    const done = store.get(s.id)!;
    expect(done).toMatchObject({ status: 'completed', total: 71.5, level: 'senior', finishedAt: newSession.startedAt + 60_000 });
    expect(done.grade).toEqual(grade);
    expect(store.latestInProgress()).toBeUndefined();
  });

  it('lists newest first and filters by prompt', () => {
    const store = sessionStore(open(':memory:'));
    store.create(newSession);
    store.create({ ...newSession, promptId: 'fraud-detection', startedAt: newSession.startedAt + 1 });
    expect(store.list().map((s) => s.promptId)).toEqual(['fraud-detection', 'video-recommendations']);
    expect(store.list({ promptId: 'video-recommendations' })).toHaveLength(1);
    expect(store.get(999)).toBeUndefined();
  });

  it('enforces foreign keys: no entry for a missing session', () => {
    const store = sessionStore(open(':memory:'));
    expect(() => store.addEntry(42, entry('orphan'))).toThrow(/FOREIGN KEY/);
  });
});

/** A database of one indexed table with the given pages overwritten, so the integrity check finds damage. */
function damagedDatabase(file: string, pages: number[], options: { wal?: boolean } = {}): void {
  const db = new Database(file);
  if (options.wal) db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x); CREATE INDEX t_x ON t (x);');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`${'x'.repeat(100)}${i}`);
  })();
  db.close();
  const bytes = readFileSync(file);
  for (const page of pages) bytes.fill(0x41, page * 4096, page * 4096 + 2000);
  writeFileSync(file, bytes);
}
