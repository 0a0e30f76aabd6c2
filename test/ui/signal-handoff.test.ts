import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextRequest } from '../../src/interview/asker.js';
import { PASTE_GRACE_MS, readText, TypeAhead, type Timers } from '../../src/ui/ask.js';

/**
 * Real signals sent to this process. Node hands a caught signal to its listeners on the next turn of the event
 * loop; if in the meantime every listener was removed (even to be replaced at once), the signal is dropped, and
 * a Ctrl-C or `kill` that came while the session was busy (grading, choosing a follow-up) was ignored.
 */
const request = (multiline: boolean): TextRequest => ({ multiline, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity });

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const terminals: PassThrough[] = [];
let listeners = new Map<NodeJS.Signals, NodeJS.SignalsListener[]>();
beforeEach(() => {
  listeners = new Map(SIGNALS.map((s) => [s, process.listeners(s) as NodeJS.SignalsListener[]]));
});
afterEach(() => {
  for (const s of terminals.splice(0)) s.destroy();
  // A failed test must not leave this process deaf to a signal.
  for (const s of SIGNALS) for (const l of process.listeners(s)) if (!listeners.get(s)!.includes(l)) process.off(s, l);
});

function terminal(timers?: Timers) {
  const io = { input: new PassThrough(), output: new PassThrough(), signals: process, ...(timers ? { timers } : {}) };
  terminals.push(io.input, io.output);
  const ahead = new TypeAhead(process);
  return { io, ahead, ask: (multiline: boolean) => readText(request(multiline), io, ahead) };
}

describe('a signal that reaches the process just before an input opens or closes', () => {
  it('is not lost when the next input opens in the same turn', async () => {
    const t = terminal();
    const first = t.ask(false);
    t.io.input.write('How many users?\r');
    expect(await first).toEqual({ kind: 'done', text: 'How many users?' });
    process.kill(process.pid, 'SIGTERM');
    // Opened in the same turn, as the session does after synchronous work.
    expect(await t.ask(true)).toEqual({ kind: 'interrupted', text: '', signal: 'SIGTERM' });
    expect(process.listenerCount('SIGTERM')).toBe(0);
  }, 5_000);

  it('is not lost when the input closes in the same turn', async () => {
    let fire: (() => void) | undefined;
    const timers: Timers = { set: (f, ms) => (ms === PASTE_GRACE_MS ? (fire = f) : undefined), clear: () => {} };
    const t = terminal(timers);
    const answer = t.ask(true);
    t.io.input.write('Offline recall@k.\r\r\r');
    await new Promise((r) => setImmediate(r));
    process.kill(process.pid, 'SIGHUP');
    // The paste pause ends: the answer is submitted in the same turn as the signal came.
    fire!();
    expect(await answer).toEqual({ kind: 'done', text: 'Offline recall@k.' });
    expect(await t.ask(true)).toEqual({ kind: 'interrupted', text: '', signal: 'SIGHUP' });
    expect(process.listenerCount('SIGHUP')).toBe(0);
  }, 5_000);
});
