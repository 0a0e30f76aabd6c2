import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, typingHalfAnAnswer } from '../helpers/cli.js';
import { tempDir, tempHome } from '../helpers/temp.js';

describe('the test run', () => {
  it('puts every temp folder under one folder of its own, removed when the run ends', () => {
    expect(basename(tmpdir())).toMatch(/^mlsd-test-run-/);
    // Spawned processes inherit it through the environment.
    expect(process.env.TMPDIR).toBe(tmpdir());
  });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// The second test checks what the first one left: tests in a file run in order.
describe('a test that runs mlsd leaves nothing behind', () => {
  const folders: string[] = [];
  let running = 0;

  it('runs mlsd piped and in a terminal, through the editor, and mlsd itself leaves its temp folder empty', async () => {
    const home = tempHome();
    const spare = tempDir();
    folders.push(home.dir, spare);
    const env = { TMPDIR: spare };
    const answers = join(import.meta.dirname, '..', 'fixtures', 'answers', 'video-recommendations', 'mid.md');
    const piped = await runCli({ args: ['interview', 'video-recommendations', '--answers', answers], db: home.db, env: { ...home.env, ...env } });
    expect(piped.status).toBe(0);

    const edited = await typingHalfAnAnswer(home, env);
    // Typed apart from the text, so it is read as a command and not as more pasted lines.
    edited.type('\r');
    await edited.waitFor(/\] › $/);
    edited.type(':editor\r');
    // EDITOR is `true`: the editor saves the text as it was, which is then the answer.
    await edited.waitFor('│ and half a secon');
    await edited.waitFor(/Interviewer:|── Metrics /);
    await edited.waitFor(/\] › $/);
    edited.type('\x03');
    expect(await edited.exited).toBe(130);

    // Left running: ending the test ends it.
    const open = runCli({ args: ['interview', 'video-recommendations'], db: home.db, env: { ...home.env, ...env }, tty: true });
    await open.waitFor('an empty line moves on');
    running = open.pid;
    expect(alive(running)).toBe(true);
    expect(readdirSync(spare)).toEqual([]);
  }, 60_000);

  it('once that test has ended: its folders are removed and its processes ended', async () => {
    expect(folders).toHaveLength(2);
    expect(running).toBeGreaterThan(0);
    for (const dir of folders) expect(existsSync(dir)).toBe(false);
    while (alive(running)) await new Promise((r) => setTimeout(r, 20));
    expect(alive(running)).toBe(false);
  });
});
