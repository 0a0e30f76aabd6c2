import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';
import { tempDir } from '../helpers/temp.js';
import { historyWithOneAnswer } from '../helpers/history.js';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations', 'senior.md');
const lines = (text: string) => text.split('\n').filter(Boolean);
const run = (args: string[], dir: string) => runMain({ args, env: { MLSD_HOME: dir } });

describe('an empty file given as the history', () => {
  it.each([
    ['history', (db: string) => ['history', '--db', db]],
    ['review', (db: string) => ['review', 'last', '--db', db]],
    ['interview --answers', (db: string) => ['interview', 'video-recommendations', '--answers', answers, '--db', db]],
  ])('%s refuses it in one line and leaves it as it was', async (_name, args) => {
    const dir = tempDir();
    const db = join(dir, 'notes.db');
    writeFileSync(db, '');
    const r = await run(args(db), dir);
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
  ])('%s: interview --answers reports it and leaves the folder byte for byte as it was', async (_name, make, message) => {
    const dir = tempDir();
    const db = join(dir, 'coach.db');
    make(db);
    const snapshot = () => readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    const before = snapshot();
    const r = await run(['interview', 'video-recommendations', '--answers', answers, '--db', db], dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(snapshot()).toEqual(before);
  });
});

describe('mlsd export -o', () => {
  it('refuses an existing file without --force; --force replaces it', async () => {
    const { dir, db } = historyWithOneAnswer('Watch time.');
    const target = join(dir, 'report.md');
    writeFileSync(target, 'keep me\n');
    const refused = await run(['export', 'last', '-o', target, '--db', db], dir);
    expect(refused.status).toBe(1);
    expect(lines(refused.stderr)).toEqual([`error: ${target} already exists; it was not overwritten.`, 'Add --force to replace it, or choose another file with -o.']);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    const forced = await run(['export', 'last', '-o', target, '--force', '--db', db], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Watch time.');
  });

  it('-o at the history database, even with --force: refused, and the history is intact', async () => {
    const { dir, db } = historyWithOneAnswer('Watch time.');
    const r = await run(['export', 'last', '-o', db, '--force', '--db', db], dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`error: ${db} is the history database; a report is never written over it, even with --force.`);
    expect(JSON.parse((await run(['review', 'last', '--json', '--db', db], dir)).stdout).answers[0].text).toBe('Watch time.');
  });
});
