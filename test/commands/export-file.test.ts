import Database from 'better-sqlite3';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSession, type ExportOptions } from '../../src/commands/export.js';
import { UserError } from '../../src/errors.js';
import { testContext } from '../helpers/context.js';
import { historyWithOneAnswer } from '../helpers/history.js';

/** A folder with a history holding one session whose answer says "Watch time.". */
function setup() {
  const { dir, db } = historyWithOneAnswer('Watch time.');
  const { ctx, text } = testContext({ env: { MLSD_HOME: dir } });
  // As `main()` does at the end of a run, the history is closed once the command is done.
  const run = (options: Partial<ExportOptions>) => exportSession({ id: 'last', format: 'md', db, ...options }, ctx).finally(ctx.dispose);
  return { dir, db, run, text };
}

async function refused(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).message).not.toContain('\n');
  return err as UserError;
}

const sessionsIn = (db: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

describe('export -o', () => {
  it('writes a new file and says so', async () => {
    const { dir, run, text } = setup();
    const target = join(dir, 'report.md');
    await run({ output: target });
    expect(readFileSync(target, 'utf8')).toContain('Watch time.');
    expect(text()).toBe(`Wrote ${target}\n`);
  });

  it('refuses to replace an existing file without --force, and leaves it as it was', async () => {
    const { dir, run } = setup();
    const target = join(dir, 'report.md');
    writeFileSync(target, 'my own notes\n');
    const err = await refused(run({ output: target }));
    expect(err.message).toBe(`${target} already exists; it was not overwritten.`);
    expect(err.hint).toMatch(/--force/);
    expect(readFileSync(target, 'utf8')).toBe('my own notes\n');
  });

  it('--force replaces it through a temporary file: same permissions, nothing left beside it', async () => {
    const { dir, run } = setup();
    const target = join(dir, 'report.md');
    writeFileSync(target, 'last week\n');
    chmodSync(target, 0o640);
    const before = readdirSync(dir).sort();
    await run({ output: target, force: true });
    expect(readFileSync(target, 'utf8')).toContain('Watch time.');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('--force through a symbolic link replaces the file it points at and keeps the link', async () => {
    const { dir, run } = setup();
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old\n');
    symlinkSync(real, link);
    await run({ output: link, force: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('Watch time.');
  });

  it.each([
    ['the history database', (db: string) => db],
    ['the history database by another path', (db: string) => join(db, '..', '.', 'coach.db')],
    ['its write-ahead log (even before it exists)', (db: string) => `${db}-wal`],
    ['its shared-memory file', (db: string) => `${db}-shm`],
  ])('never writes over %s, even with --force', async (_name, path) => {
    const { db, run } = setup();
    const bytes = readFileSync(db);
    const target = path(db);
    const existed = existsSync(target);
    const err = await refused(run({ output: target, force: true }));
    expect(err.message).toMatch(/is the history database|belongs to the history database/);
    expect(err.hint).toMatch(/-o report\.md/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(existsSync(target)).toBe(existed);
    expect(sessionsIn(db)).toBe(1);
  });

  it('never writes over a symbolic link to the history database', async () => {
    const { dir, db, run } = setup();
    const link = join(dir, 'looks-harmless.md');
    symlinkSync(db, link);
    const bytes = readFileSync(db);
    await refused(run({ output: link, force: true }));
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('never writes over any other SQLite database, even with --force', async () => {
    const { dir, run } = setup();
    const other = join(dir, 'other.sqlite');
    const conn = new Database(other);
    conn.exec('CREATE TABLE t (x)');
    conn.close();
    const bytes = readFileSync(other);
    const err = await refused(run({ output: other, force: true }));
    expect(err.message).toBe(`${other} is an SQLite database; a report is never written over it, even with --force.`);
    expect(readFileSync(other).equals(bytes)).toBe(true);
  });

  it('a folder as -o is refused in one line', async () => {
    const { dir, run } = setup();
    const err = await refused(run({ output: dir, force: true }));
    expect(err.message).toBe(`${dir} is a folder.`);
  });
});
