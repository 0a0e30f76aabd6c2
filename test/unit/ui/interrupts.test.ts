import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TextRequest } from '../../../src/interview/asker.js';
import { readText, TypeAhead } from '../../../src/ui/ask.js';

const request = (multiline: boolean, extra: Partial<TextRequest> = {}): TextRequest => ({
  multiline, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity, ...extra,
});

const STOP = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Stop = (typeof STOP)[number];

/** Ctrl-C (SIGINT) is the usual interruption and goes unnamed in the result. */
const interrupted = (text: string, signal: Stop) => ({ kind: 'interrupted', text, ...(signal === 'SIGINT' ? {} : { signal }) });

/** One terminal asked several times in a row, with the process's signals replaced by an emitter. */
function terminal() {
  const signals = new EventEmitter();
  const io = { input: new PassThrough(), output: new PassThrough(), signals };
  let shown = '';
  io.output.on('data', (d: Buffer) => (shown += d.toString()));
  const ahead = new TypeAhead(signals);
  return {
    input: io.input,
    type: (text: string) => io.input.write(text),
    end: () => io.input.end(),
    ask: (multiline: boolean, extra?: Partial<TextRequest>) => readText(request(multiline, extra), io, ahead),
    signal: (name: Stop) => signals.emit(name),
    listening: () => STOP.reduce((n, s) => n + signals.listenerCount(s), 0),
    shown: () => shown,
    ahead,
  };
}

describe('a signal while an input is open', () => {
  it.each(STOP)('%s ends the input as interrupted, with the text typed so far and which signal it was', async (signal) => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('We rank with a two-tower model.\rand then a GBD');
    t.signal(signal);
    expect(await answer).toStrictEqual(interrupted('We rank with a two-tower model.\nand then a GBD', signal));
  });

  it('leaves no listener behind once the input ended, so a second signal ends the process as usual', async () => {
    const t = terminal();
    const answer = t.ask(true);
    expect(t.listening()).toBe(3);
    t.signal('SIGTERM');
    await answer;
    expect(t.listening()).toBe(0);
  });

  it('writes nothing to a terminal that hung up', async () => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('Half a');
    await new Promise((r) => setImmediate(r));
    const before = t.shown().length;
    t.signal('SIGHUP');
    await answer;
    expect(t.shown().slice(before)).toBe('');
  });
});

describe('the terminal going away while an input is open', () => {
  it('the end of its input keeps the text as interrupted by a hangup, not as a submitted answer', async () => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('We rank with a two-tower model.\rand then a GBD');
    t.end();
    expect(await answer).toStrictEqual(interrupted('We rank with a two-tower model.\nand then a GBD', 'SIGHUP'));
  });

  it('a terminal that fails under the line editor (EIO) does not crash the process', async () => {
    const t = terminal();
    // A real terminal reports the failure as an 'error' event from setRawMode once it has hung up.
    Object.assign(t.input, {
      isTTY: true,
      isRaw: false,
      setRawMode(flag: boolean) {
        if (!flag) t.input.emit('error', Object.assign(new Error('setRawMode EIO'), { code: 'EIO' }));
        return t.input;
      },
    });
    const question = t.ask(false);
    t.type('How many us');
    t.end();
    expect(await question).toStrictEqual(interrupted('How many us', 'SIGHUP'));
  });
});

describe('a signal between two inputs', () => {
  it.each(STOP)('%s makes the next input end as interrupted by it', async (signal) => {
    const t = terminal();
    const first = t.ask(false);
    t.type('How many users?\r');
    expect(await first).toEqual({ kind: 'done', text: 'How many users?' });
    t.signal(signal);
    expect(await t.ask(true)).toStrictEqual(interrupted('', signal));
  });

  it('after the last input, is reported by pendingSignal once', async () => {
    const t = terminal();
    const last = t.ask(true);
    t.type('ANN retrieval.\r\r\r');
    await last;
    expect(await t.ahead.pendingSignal()).toBeUndefined();
    t.signal('SIGTERM');
    expect(await t.ahead.pendingSignal()).toBe('SIGTERM');
    expect(await t.ahead.pendingSignal()).toBeUndefined();
  });
});

describe('an answer ended by its two empty lines is submitted, even within the paste grace period', () => {
  it('Ctrl-C right after the ending lines submits the answer and interrupts the next input', async () => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('Offline recall@k.\rOnline an A/B test.\r\r\r\u0003');
    expect(await answer).toEqual({ kind: 'done', text: 'Offline recall@k.\nOnline an A/B test.' });
    expect(await t.ask(true)).toStrictEqual(interrupted('', 'SIGINT'));
  });

  it.each(STOP)('%s right after the ending lines submits the answer and interrupts the next input', async (signal) => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('Offline recall@k.\r\r\r');
    t.signal(signal);
    expect(await answer).toEqual({ kind: 'done', text: 'Offline recall@k.' });
    expect(await t.ask(true)).toStrictEqual(interrupted('', signal));
  });

  it('a hangup right after the ending lines writes nothing more to the terminal', async () => {
    const t = terminal();
    const answer = t.ask(true);
    t.type('Offline recall@k.\r\r\r');
    await new Promise((r) => setImmediate(r));
    const before = t.shown().length;
    t.signal('SIGHUP');
    expect(await answer).toEqual({ kind: 'done', text: 'Offline recall@k.' });
    expect(t.shown().slice(before)).toBe('');
  });

  it('the round running out right after the ending lines keeps the answer as written', async () => {
    const t = terminal();
    const answer = t.ask(true, { timeLeftMs: 0 });
    t.type('Offline recall@k.\r\r\r');
    expect(await answer).toEqual({ kind: 'time-up', text: 'Offline recall@k.' });
  });
});
