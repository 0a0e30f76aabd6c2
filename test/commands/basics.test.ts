import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';
import { tempHome } from '../helpers/temp.js';

describe('mlsd history commands', () => {
  it.each([
    ['empty', Buffer.from('  \n\n'), /is empty/],
    ['binary', Buffer.from([0x23, 0x20, 0x00, 0xff, 0x10]), /binary/],
    ['oversized', Buffer.alloc(1024 * 1024 + 10, 'a'), /over 1 MB/],
  ])('interview --answers refuses an %s file with one line, saving no session', async (_kind, bytes, message) => {
    const home = tempHome();
    const file = join(home.dir, 'answer.md');
    writeFileSync(file, bytes);
    const r = await runMain({ args: ['interview', 'video-recommendations', '--answers', file], db: home.db, env: home.env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    // Refused before the history is opened: not even the database file is created.
    expect(existsSync(home.db)).toBe(false);
  });

  it('a corrupt database: exit 1 naming the file, which is left untouched', async () => {
    const home = tempHome();
    writeFileSync(home.db, 'not a database at all\n'.repeat(100));
    const r = await runMain({ args: ['history'], db: home.db, env: home.env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(home.db);
    expect(r.stderr).toMatch(/Move it aside/);
    expect(readFileSync(home.db, 'utf8')).toBe('not a database at all\n'.repeat(100));
  });

  it('an empty history is a friendly line and exit 0; --json is []', async () => {
    const home = tempHome();
    const r = await runMain({ args: ['history'], env: home.env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No sessions yet/);
    expect(JSON.parse((await runMain({ args: ['history', '--json'], env: home.env })).stdout)).toEqual([]);
  });

  it('review of an unknown session: exit 1 with one line and the hint', async () => {
    const home = tempHome();
    const r = await runMain({ args: ['review', '7'], env: home.env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there are no sessions yet/);
  });
});
