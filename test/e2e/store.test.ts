import { chmodSync, chownSync, closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { sessionStore } from '../../src/store/sessions.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { historyWithOneAnswer } from '../helpers/history.js';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations', 'senior.md');

// Permission bits do not stop root: as root, the CLI runs as `nobody`, for whom they do.
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : undefined;
const giveAway = (path: string) => {
  if (isRoot) chownSync(path, NOBODY, NOBODY);
};

const runAsUser = (args: string[], home: string) => runCli({ args, env: { MLSD_HOME: home }, user: asUser });

/** A history with session 1 completed and session 2 in progress. */
function historyWithSessions() {
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
  return { dir, db };
}

/** That history made read-only: the file, or its folder. */
function readOnlyHistory(what: 'file' | 'folder') {
  const { dir, db } = historyWithSessions();
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
  ])('read-only %s: `%s` says so in one line with a hint, and writes nothing', async (what, _command, args, message) => {
    const h = readOnlyHistory(what as 'file' | 'folder');
    const r = await runAsUser(args(h.db), h.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const [line, hint, ...rest] = lines(r.stderr);
    expect(line).toMatch(message);
    expect(hint).toMatch(/chmod u\+w .*--db <file>/);
    expect(rest).toEqual([]);
    expect(readFileSync(h.db).equals(h.bytes)).toBe(true);
  });

  it('read-only file: history, review and export still work', async () => {
    const h = readOnlyHistory('file');
    const history = await runAsUser(['history', '--json', '--db', h.db], h.dir);
    expect(history.stderr).toBe('');
    expect(JSON.parse(history.stdout).map((s: { status: string }) => s.status)).toEqual(['in-progress', 'completed']);
    const review = await runAsUser(['review', '1', '--json', '--db', h.db], h.dir);
    expect(review.status).toBe(0);
    expect(JSON.parse(review.stdout).answers[0].text).toBe('Watch time.');
    const exported = await runAsUser(['export', '1', '--db', h.db], h.dir);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Watch time.');
  });

  it('read-only folder: history names the folder, not an unreadable database', async () => {
    const h = readOnlyHistory('folder');
    const r = await runAsUser(['history', '--db', h.db], h.dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/^error: the folder \S+ is read-only/);
    expect(r.stderr).not.toMatch(/cannot be read|Move it aside/);
  });

  it('a new history in a read-only folder: one line naming the folder', async () => {
    const dir = tempDir();
    giveAway(dir);
    chmodSync(dir, 0o555);
    const db = join(dir, 'coach.db');
    const r = await runAsUser(['interview', 'video-recommendations', '--answers', answers, '--db', db], dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `error: the folder ${dir} is read-only: a new history database cannot be created in it.`,
      `Make it writable (chmod u+w "${dir}"), or use --db <file> in a writable folder.`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the interactive interview refuses a read-only file before showing the prompt', async () => {
    const h = readOnlyHistory('file');
    const term = runCli({ args: ['interview', 'video-recommendations'], db: h.db, env: { MLSD_HOME: h.dir }, user: asUser, tty: true });
    const code = await term.exited;
    const shown = term.screen;
    expect(code).toBe(1);
    expect(shown).toMatch(/^error: the history database \S+ is read-only: nothing can be saved to it\.\n/);
    expect(shown).not.toMatch(/unexpected failure|SqliteError/);
    expect(readFileSync(h.db).equals(h.bytes)).toBe(true);
  }, 30_000);
});

describe('stdout that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full')).each([['prompts'], ['history']])('`mlsd %s > /dev/full`: one line on stderr, exit 1', async (command) => {
    // Sessions in the history, so `history` has a table to write.
    const { dir } = historyWithSessions();
    const full = openSync('/dev/full', 'w');
    try {
      const r = await runCli({ args: [command], env: { MLSD_HOME: dir }, stdout: full });
      expect(r.stderr).toBe('error: cannot write the output: no space left on device (ENOSPC)\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});

describe('mlsd export -o as a process', () => {
  // A file-size limit makes the write fail part-way, as a full disk would.
  it.skipIf(process.platform === 'win32')('a write that fails part-way leaves the old file whole and nothing beside it', async () => {
    const { dir, db } = historyWithOneAnswer(`${'A long answer. '.repeat(20_000)}`);
    const target = join(dir, 'report.md');
    writeFileSync(target, 'last week\n');
    const before = readdirSync(dir).sort();
    const r = await runCli({ args: ['export', 'last', '-o', target, '--force', '--db', db], env: { MLSD_HOME: dir }, shellPrefix: 'ulimit -f 128' });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([`error: cannot write ${target}: file too large (EFBIG).`, 'Choose a writable path for -o.']);
    expect(readFileSync(target, 'utf8')).toBe('last week\n');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
