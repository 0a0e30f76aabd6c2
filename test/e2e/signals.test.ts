import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HALF_TYPED, runCli, typingHalfAnAnswer } from '../helpers/cli.js';
import { runMain } from '../helpers/context.js';
import { tempHome } from '../helpers/temp.js';

function drafts(db: string): Array<{ session_id: number; step: string; kind: string; text: string }> {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT session_id, step, kind, text FROM drafts').all() as never;
  } finally {
    d.close();
  }
}

describe('a signal sent to the process while an answer is being typed', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s saves the text as a draft, says how to resume and exits %i', async (signal, code) => {
    const home = tempHome();
    const t = await typingHalfAnAnswer(home);
    process.kill(t.pid, signal);
    expect(await t.exited).toBe(code);
    expect(await t.exitSignal).toBe(0);
    expect(t.screen).toMatch(/what you were typing is saved\. Continue with `mlsd resume 1`/);
    expect(drafts(home.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: HALF_TYPED }]);
    const h = JSON.parse((await runMain({ args: ['history', '--json'], db: home.db, env: home.env })).stdout);
    expect(h[0]).toMatchObject({ id: 1, status: 'in-progress' });
  }, 60_000);

  it('SIGHUP (the terminal went away) saves the text as a draft and exits 129 without writing to the terminal', async () => {
    const home = tempHome();
    const t = await typingHalfAnAnswer(home);
    const before = t.screen.length;
    process.kill(t.pid, 'SIGHUP');
    expect(await t.exited).toBe(129);
    expect(await t.exitSignal).toBe(0);
    expect(t.screen.slice(before)).not.toMatch(/mlsd resume|Error/);
    expect(drafts(home.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: HALF_TYPED }]);
  }, 60_000);

  it('closing the terminal itself (a window, an SSH drop) keeps the text as a draft too', async () => {
    const home = tempHome();
    const t = await typingHalfAnAnswer(home);
    t.hangUp();
    // Node 20 may abort on its way out when it cannot restore a terminal that is gone, so the exit code is
    // not asserted; the process must end, with the text saved.
    await t.exited;
    expect(drafts(home.db)).toEqual([{ session_id: 1, step: 'requirements', kind: 'answer', text: HALF_TYPED }]);
  }, 60_000);
});

describe('a signal right after an answer was submitted', () => {
  it('keeps the answer as submitted and still exits with the signal\'s code', async () => {
    const home = tempHome();
    const t = runCli({ args: ['interview', 'video-recommendations', '--minutes', '5'], db: home.db, env: home.env, tty: true });
    await t.waitFor('an empty line moves on');
    t.type('\r');
    await t.waitFor('Finish with an empty line twice');
    // Whether it lands in the paste grace period, during grading or at the next prompt, the outcome is the same.
    t.answer('We recommend videos on the home feed.');
    await t.waitFor('We recommend videos on the home feed.');
    process.kill(t.pid, 'SIGTERM');
    expect(await t.exited).toBe(143);
    const r = JSON.parse((await runMain({ args: ['review', '1', '--json'], db: home.db, env: home.env })).stdout);
    expect(r.answers[0]).toMatchObject({ phase: 'requirements', text: 'We recommend videos on the home feed.' });
    expect(t.screen).toMatch(/Continue with `mlsd resume 1`/);
  }, 60_000);
});

describe('Ctrl-C before anything was typed', () => {
  it('leaves no session behind and says nothing was saved', async () => {
    const home = tempHome();
    const t = runCli({ args: ['interview', 'video-recommendations', '--minutes', '5'], db: home.db, env: home.env, tty: true });
    await t.waitFor('an empty line moves on');
    await t.waitFor(/\] › $/);
    t.type('\x03');
    expect(await t.exited).toBe(130);
    expect(t.screen).toMatch(/nothing was saved/);
    expect(t.screen).not.toMatch(/mlsd resume/);
    expect(JSON.parse((await runMain({ args: ['history', '--json'], db: home.db, env: home.env })).stdout)).toEqual([]);
  }, 60_000);
});
