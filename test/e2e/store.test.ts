import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import * as pty from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, run } from '../helpers/e2e-pty.js';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations', 'senior.md');

const dirs: string[] = [];
const terminals: pty.IPty[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) {
    try {
      t.kill();
    } catch {
      // already gone
    }
  }
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  dirs.push(dir);
  return dir;
}

// Permission bits do not stop root: as root, the CLI runs as `nobody`, for whom they do.
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const asUser: Pick<SpawnSyncOptions, 'uid' | 'gid'> = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
const giveAway = (path: string) => {
  if (isRoot) chownSync(path, NOBODY, NOBODY);
};

function runAsUser(args: string[], home: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MLSD_HOME: home }, ...asUser });
}

/** A history with session 1 completed and session 2 in progress, then made read-only: the file, or its folder. */
function readOnlyHistory(what: 'file' | 'folder') {
  const dir = tempDir();
  const db = join(dir, 'coach.db');
  const store = openStore(db);
  const sessions = sessionStore(store);
  const s = { promptId: 'video-recommendations', mode: 'interview' as const, targetLevel: 'senior' as const, minutes: 45, timer: false, plan: [], startedAt: 1 };
  const done = sessions.create(s);
  sessions.addEntry(done.id, { step: 'requirements', kind: 'answer', text: 'Watch time.', factId: null, response: null, elapsedMs: 0, budgetMs: null, at: 1 });
  sessions.finish(done.id, { promptId: s.promptId, total: 50, level: 'mid', phases: [], signals: { structure: 0, tradeoffs: 0, quantitative: 0, depth: 0 }, criteria: [] }, 2);
  sessions.create({ ...s, startedAt: 3 });
  store.close();
  giveAway(dir);
  giveAway(db);
  if (what === 'file') chmodSync(db, 0o444);
  else chmodSync(dir, 0o555);
  return { dir, db, bytes: readFileSync(db) };
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('a read-only history', () => {
  it.each([
    ['file', 'interview --answers', (db: string) => ['interview', 'video-recommendations', '--answers', answers, '--json', '--db', db], /^error: the history database \S+coach\.db is read-only: nothing can be saved to it\.$/],
    ['file', 'practice --answers', (db: string) => ['practice', 'video-recommendations', '--phase', 'metrics', '--answers', answers, '--db', db], /^error: the history database \S+coach\.db is read-only/],
    ['file', 'abandon', (db: string) => ['abandon', '2', '--db', db], /^error: the history database \S+coach\.db is read-only/],
    ['folder', 'interview --answers', (db: string) => ['interview', 'video-recommendations', '--answers', answers, '--json', '--db', db], /^error: the folder \S+ is read-only: SQLite cannot keep coach\.db-wal and -shm beside the history database\.$/],
    ['folder', 'practice --answers', (db: string) => ['practice', 'video-recommendations', '--phase', 'metrics', '--answers', answers, '--db', db], /^error: the folder \S+ is read-only/],
    ['folder', 'abandon', (db: string) => ['abandon', '2', '--db', db], /^error: the folder \S+ is read-only/],
  ])('read-only %s: `%s` says so in one line with a hint, and writes nothing', (what, _command, args, message) => {
    const h = readOnlyHistory(what as 'file' | 'folder');
    const r = runAsUser(args(h.db), h.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const [line, hint, ...rest] = lines(r.stderr);
    expect(line).toMatch(message);
    expect(hint).toMatch(/chmod u\+w .*--db <file>/);
    expect(rest).toEqual([]);
    expect(readFileSync(h.db).equals(h.bytes)).toBe(true);
  });

  it('read-only file: history, review and export still work', () => {
    const h = readOnlyHistory('file');
    const history = runAsUser(['history', '--json', '--db', h.db], h.dir);
    expect(history.stderr).toBe('');
    expect(JSON.parse(history.stdout).map((s: { status: string }) => s.status)).toEqual(['in-progress', 'completed']);
    const review = runAsUser(['review', '1', '--json', '--db', h.db], h.dir);
    expect(review.status).toBe(0);
    expect(JSON.parse(review.stdout).answers[0].text).toBe('Watch time.');
    const exported = runAsUser(['export', '1', '--db', h.db], h.dir);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Watch time.');
  });

  it('read-only folder: history names the folder, not an unreadable database', () => {
    const h = readOnlyHistory('folder');
    const r = runAsUser(['history', '--db', h.db], h.dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/^error: the folder \S+ is read-only/);
    expect(r.stderr).not.toMatch(/cannot be read|Move it aside/);
  });

  it('a new history in a read-only folder: one line naming the folder', () => {
    const dir = tempDir();
    giveAway(dir);
    chmodSync(dir, 0o555);
    const db = join(dir, 'coach.db');
    const r = runAsUser(['interview', 'video-recommendations', '--answers', answers, '--db', db], dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `error: the folder ${dir} is read-only: a new history database cannot be created in it.`,
      `Make it writable (chmod u+w "${dir}"), or use --db <file> in a writable folder.`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the interactive interview refuses a read-only file before showing the prompt', async () => {
    const h = readOnlyHistory('file');
    const term = pty.spawn(process.execPath, [bin, 'interview', 'video-recommendations', '--db', h.db], {
      cols: 120, rows: 40, env: { ...process.env, NO_COLOR: '1', MLSD_HOME: h.dir } as Record<string, string>, ...asUser,
    });
    terminals.push(term);
    let screen = '';
    term.onData((d) => void (screen += d));
    const code = await new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    const shown = stripVTControlCharacters(screen).replace(/\r/g, '');
    expect(code).toBe(1);
    expect(shown).toMatch(/^error: the history database \S+ is read-only: nothing can be saved to it\.\n/);
    expect(shown).not.toMatch(/unexpected failure|SqliteError/);
    expect(readFileSync(h.db).equals(h.bytes)).toBe(true);
  }, 30_000);
});

describe('an empty file given as the history', () => {
  it.each([
    ['history', (db: string) => ['history', '--db', db]],
    ['review', (db: string) => ['review', 'last', '--db', db]],
    ['interview --answers', (db: string) => ['interview', 'video-recommendations', '--answers', answers, '--db', db]],
  ])('%s refuses it in one line and leaves it as it was', (_name, args) => {
    const dir = tempDir();
    const db = join(dir, 'notes.db');
    writeFileSync(db, '');
    const r = run(args(db), { MLSD_HOME: dir });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `error: ${db} is an empty file, not a history database.`,
      `It was left untouched. Remove it (rm "${db}") to start a new history there, or use --db <file>.`,
    ]);
    expect(readdirSync(dir)).toEqual(['notes.db']);
    expect(statSync(db).size).toBe(0);
  });
});

describe('a damaged or newer history met by a command that saves', () => {
  it.each([
    ['newer', (db: string) => {
      const conn = new Database(db);
      conn.pragma('journal_mode = WAL');
      conn.exec('CREATE TABLE t (x)');
      conn.pragma('user_version = 999');
      conn.close();
    }, /^error: the history database \S+ was written by a newer mlsd-coach \(schema 999; this one knows \d+\)\.$/],
    ['damaged', (db: string) => writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8176, 0x5a)])), /^error: the history database \S+ cannot be read \(.+\)\.$/],
  ])('%s: interview --answers reports it and leaves the folder byte for byte as it was', (_name, make, message) => {
    const dir = tempDir();
    const db = join(dir, 'coach.db');
    make(db);
    const snapshot = () => readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    const before = snapshot();
    const r = run(['interview', 'video-recommendations', '--answers', answers, '--db', db], { MLSD_HOME: dir });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(snapshot()).toEqual(before);
  });
});

describe('stdout that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full')).each([['prompts'], ['history']])('`mlsd %s > /dev/full`: one line on stderr, exit 1', (command) => {
    const dir = tempDir();
    run(['interview', 'video-recommendations', '--answers', answers, '--db', join(dir, 'coach.db')], { MLSD_HOME: dir });
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MLSD_HOME: dir }, stdio: ['ignore', full, 'pipe'] });
      expect(r.stderr).toBe('error: cannot write the output: no space left on device (ENOSPC)\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});

describe('mlsd export -o as a process', () => {
  function withSession(text: string) {
    const dir = tempDir();
    const db = join(dir, 'coach.db');
    const store = openStore(db);
    const sessions = sessionStore(store);
    const s = sessions.create({ promptId: 'video-recommendations', mode: 'interview', targetLevel: 'senior', minutes: 45, timer: false, plan: [], startedAt: 1 });
    sessions.addEntry(s.id, { step: 'requirements', kind: 'answer', text, factId: null, response: null, elapsedMs: 0, budgetMs: null, at: 1 });
    store.close();
    return { dir, db };
  }

  it('refuses an existing file without --force; --force replaces it', () => {
    const { dir, db } = withSession('Watch time.');
    const target = join(dir, 'report.md');
    writeFileSync(target, 'keep me\n');
    const refused = run(['export', 'last', '-o', target, '--db', db], { MLSD_HOME: dir });
    expect(refused.status).toBe(1);
    expect(lines(refused.stderr)).toEqual([`error: ${target} already exists; it was not overwritten.`, 'Add --force to replace it, or choose another file with -o.']);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    const forced = run(['export', 'last', '-o', target, '--force', '--db', db], { MLSD_HOME: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Watch time.');
  });

  it('-o at the history database, even with --force: refused, and the history is intact', () => {
    const { dir, db } = withSession('Watch time.');
    const r = run(['export', 'last', '-o', db, '--force', '--db', db], { MLSD_HOME: dir });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`error: ${db} is the history database; a report is never written over it, even with --force.`);
    expect(JSON.parse(run(['review', 'last', '--json', '--db', db], { MLSD_HOME: dir }).stdout).answers[0].text).toBe('Watch time.');
  });

  // A file-size limit makes the write fail part-way, as a full disk would.
  it.skipIf(process.platform === 'win32')('a write that fails part-way leaves the old file whole and nothing beside it', () => {
    const { dir, db } = withSession(`${'A long answer. '.repeat(20_000)}`);
    const target = join(dir, 'report.md');
    writeFileSync(target, 'last week\n');
    const before = readdirSync(dir).sort();
    const r = spawnSync('bash', ['-c', 'ulimit -f 128 && exec "$0" "$@"', process.execPath, bin, 'export', 'last', '-o', target, '--force', '--db', db], {
      encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MLSD_HOME: dir },
    });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([`error: cannot write ${target}: file too large (EFBIG).`, 'Choose a writable path for -o.']);
    expect(readFileSync(target, 'utf8')).toBe('last week\n');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
