import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/e2e-pty.js';

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-e2e-'));
  return { MLSD_HOME: dir, db: join(dir, 'coach.db') };
}

describe('mlsd history commands as a process', () => {
  it('without a terminal: exits 1 at once pointing at --answers', () => {
    const env = home();
    const r = run(['interview', 'video-recommendations', '--db', env.db], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/--answers <answer\.md>/);
  });

  it.each([
    ['empty', Buffer.from('  \n\n'), /is empty/],
    ['binary', Buffer.from([0x23, 0x20, 0x00, 0xff, 0x10]), /binary/],
    ['oversized', Buffer.alloc(1024 * 1024 + 10, 'a'), /over 1 MB/],
  ])('interview --answers refuses an %s file with one line, saving no session', (_kind, bytes, message) => {
    const env = home();
    const file = join(env.MLSD_HOME, 'answer.md');
    writeFileSync(file, bytes);
    const r = run(['interview', 'video-recommendations', '--answers', file, '--db', env.db], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    // Refused before the history is opened: not even the database file is created.
    expect(existsSync(env.db)).toBe(false);
  });

  it('a corrupt database: exit 1 naming the file, which is left untouched', () => {
    const env = home();
    writeFileSync(env.db, 'not a database at all\n'.repeat(100));
    const r = run(['history', '--db', env.db], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(env.db);
    expect(r.stderr).toMatch(/Move it aside/);
    expect(readFileSync(env.db, 'utf8')).toBe('not a database at all\n'.repeat(100));
  });

  it('an empty history is a friendly line and exit 0; --json is []', () => {
    const env = home();
    const r = run(['history'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No sessions yet/);
    expect(JSON.parse(run(['history', '--json'], env).stdout)).toEqual([]);
  });

  it('review of an unknown session: exit 1 with one line and the hint', () => {
    const env = home();
    const r = run(['review', '7'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there are no sessions yet/);
  });
});
