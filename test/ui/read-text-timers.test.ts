import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TextRequest, TextResult } from '../../src/interview/asker.js';
import { PASTE_GRACE_MS, readText, TypeAhead, type Timers } from '../../src/ui/ask.js';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const armed = new Map<number, { fire: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set(fire, ms) {
      armed.set(++next, { fire, ms });
      return next;
    },
    clear: (handle) => void armed.delete(handle as number),
  };
  const fire = (ms: number) => {
    const found = [...armed.entries()].find(([, t]) => t.ms === ms);
    if (!found) throw new Error(`no ${ms} ms timer armed (armed: ${[...armed.values()].map((t) => t.ms).join(', ')})`);
    armed.delete(found[0]);
    found[1].fire();
  };
  return { timers, armed, fire };
}

const request = (extra: Partial<TextRequest> = {}): TextRequest => ({
  multiline: true, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity, ...extra,
});

const tick = () => new Promise((r) => setImmediate(r));

describe('readText on injected timers', () => {
  it('an answer ended by two empty lines is submitted when the paste pause runs out, not before', async () => {
    const clock = manualTimers();
    const input = new PassThrough();
    let result: TextResult | undefined;
    void readText(request(), { input, output: new PassThrough(), timers: clock.timers }, new TypeAhead()).then((r) => (result = r));
    input.write('Offline recall@k.\r\r\r');
    await tick();
    expect(result).toBeUndefined();
    clock.fire(PASTE_GRACE_MS);
    await tick();
    expect(result).toEqual({ kind: 'done', text: 'Offline recall@k.' });
  });

  it('the round running out ends the input with what was typed, and clears the other timers', async () => {
    const clock = manualTimers();
    const input = new PassThrough();
    let shown = '';
    const output = new PassThrough();
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const answer = readText(request({ timeLeftMs: 120_000, stepLeftMs: 60_000, overrunWarning: 'Wrap up.' }), { input, output, timers: clock.timers }, new TypeAhead());
    input.write('Half an ans');
    await tick();
    clock.fire(60_000);
    expect(shown).toContain('Wrap up.\n');
    clock.fire(120_000);
    expect(await answer).toEqual({ kind: 'time-up', text: 'Half an ans' });
    expect(clock.armed.size).toBe(0);
  });
});
