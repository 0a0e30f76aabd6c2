import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, Terminal } from '../helpers/e2e-pty.js';

const terminals: Terminal[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  dirs.push(dir);
  return { MLSD_HOME: dir, db: join(dir, 'coach.db') };
}

function open(args: string[], env: Record<string, string>): Terminal {
  const t = new Terminal(args, env);
  terminals.push(t);
  return t;
}

function drafts(db: string): Array<{ session_id: number; step: string; kind: string; text: string }> {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT session_id, step, kind, text FROM drafts').all() as never;
  } finally {
    d.close();
  }
}

/** An interview with half a requirements answer typed and not submitted. */
async function typing(env: ReturnType<typeof home>): Promise<Terminal> {
  const t = open(['interview', 'video-recommendations', '--minutes', '5', '--db', env.db], env);
  await t.waitFor('an empty line moves on');
  t.type('\r');
  await t.waitFor('── Requirements ');
  await t.waitFor('Finish with an empty line twice');
  t.type('We optimise for long-term satisfaction.\rand half a secon');
  await t.waitFor('half a secon');
  return t;
}

const TYPED = 'We optimise for long-term satisfaction.\nand half a secon';

describe('a signal sent to the process while an answer is being typed', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s saves the text as a draft, says how to resume and exits %i', async (signal, code) => {
    const env = home();
    const t = await typing(env);
    process.kill(t.pid, signal);
    expect(await t.exited).toBe(code);
    expect(await t.exitSignal).toBe(0);
    expect(t.screen).toMatch(/what you were typing is saved\. Continue with `mlsd resume 1`/);
    expect(drafts(env.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: TYPED }]);
    const h = JSON.parse(run(['history', '--json', '--db', env.db], env).stdout);
    expect(h[0]).toMatchObject({ id: 1, status: 'in-progress' });
  }, 60_000);

  it('SIGHUP (the terminal went away) saves the text as a draft and exits 129 without writing to the terminal', async () => {
    const env = home();
    const t = await typing(env);
    const before = t.screen.length;
    process.kill(t.pid, 'SIGHUP');
    expect(await t.exited).toBe(129);
    expect(await t.exitSignal).toBe(0);
    expect(t.screen.slice(before)).not.toMatch(/mlsd resume|Error/);
    expect(drafts(env.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: TYPED }]);
  }, 60_000);

  it('closing the terminal itself (a window, an SSH drop) keeps the text as a draft too', async () => {
    const env = home();
    const t = await typing(env);
    t.hangUp();
    // Node 20 may abort on its way out when it cannot restore a terminal that is gone, so the exit code is
    // not asserted; the process must end, with the text saved.
    await t.exited;
    expect(drafts(env.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: TYPED }]);
  }, 60_000);
});

describe('a signal right after an answer was submitted', () => {
  it('keeps the answer as submitted and still exits with the signal\'s code', async () => {
    const env = home();
    const t = open(['interview', 'video-recommendations', '--minutes', '5', '--db', env.db], env);
    await t.waitFor('an empty line moves on');
    t.type('\r');
    await t.waitFor('Finish with an empty line twice');
    // Whether it lands in the paste grace period, during grading or at the next prompt, the outcome is the same.
    t.answer('We recommend videos on the home feed.');
    await t.waitFor('We recommend videos on the home feed.');
    process.kill(t.pid, 'SIGTERM');
    expect(await t.exited).toBe(143);
    const r = JSON.parse(run(['review', '1', '--json', '--db', env.db], env).stdout);
    expect(r.answers[0]).toMatchObject({ phase: 'requirements', text: 'We recommend videos on the home feed.' });
    expect(t.screen).toMatch(/Continue with `mlsd resume 1`/);
  }, 60_000);
});

describe('Ctrl-C before anything was typed', () => {
  it('leaves no session behind and says nothing was saved', async () => {
    const env = home();
    const t = open(['interview', 'video-recommendations', '--minutes', '5', '--db', env.db], env);
    await t.waitFor('an empty line moves on');
    await t.waitFor(/\] › $/);
    t.type('\x03');
    expect(await t.exited).toBe(130);
    expect(t.screen).toMatch(/nothing was saved/);
    expect(t.screen).not.toMatch(/mlsd resume/);
    expect(JSON.parse(run(['history', '--json', '--db', env.db], env).stdout)).toEqual([]);
  }, 60_000);
});
