import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TextRequest } from '../../../src/interview/asker.js';
import { commandNote, readText, TypeAhead } from '../../../src/ui/ask.js';

const io = () => ({ input: new PassThrough(), output: new PassThrough() });
const request = (multiline: boolean, initial?: string): TextRequest => ({ multiline, initial, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity });

describe('lines that look like commands', () => {
  it.each([
    [':hnt', false, ':hnt is not a command here (try :hint); nothing was asked.'],
    [':hnt', true, ':hnt is not a command here (try :hint or :editor); nothing was added to your answer.'],
    [':editor', false, ':editor is for the design steps; here, type one question per line.'],
    [':editor', true, undefined],
    [':hint', false, undefined],
    ['How many users?', false, undefined],
    [':) sounds good', true, undefined],
    ['p99: 100 ms', true, undefined],
  ] as const)('%j (multi-line %s) → %j', (line, multiline, note) => {
    expect(commandNote(line, multiline)).toBe(note);
  });

  it('a mistyped command during the questions is neither asked nor kept; the next real question is', async () => {
    const { input, output } = io();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const result = readText(request(false), { input, output });
    input.write(':editor\r');
    input.write('How many users?\r');
    expect(await result).toEqual({ kind: 'done', text: 'How many users?' });
    expect(shown).toContain(':editor is for the design steps');
  });

  it('a mistyped command inside an answer is not added to it', async () => {
    const { input, output } = io();
    const result = readText(request(true), { input, output });
    input.write('We rank with a two-tower model.\r:hnt\r\r\r');
    expect(await result).toEqual({ kind: 'done', text: 'We rank with a two-tower model.' });
  });
});

describe('a restored draft', () => {
  it('comes back with its last line open for editing, so typing continues it', async () => {
    const { input, output } = io();
    const result = readText(request(true, 'First line.\nand half a secon'), { input, output });
    input.write('d of latency.\r\r\r');
    expect(await result).toEqual({ kind: 'done', text: 'First line.\nand half a second of latency.' });
  });

  it('shows a draft that holds escape sequences inert, and does not replay them as keys', async () => {
    const { input, output } = io();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const result = readText(request(true, 'Title \u001b]0;owned\u0007 here\nclear \u001b[2J'), { input, output });
    input.write('.\r\r\r');
    const done = await result;
    // The line editor's own cursor moves are escapes too; the draft's title change and clear-screen must not be.
    expect(shown).not.toContain('\u001b]');
    expect(shown).not.toContain('\u001b[2J');
    expect(shown).not.toContain('\u0007');
    expect(done).toEqual({ kind: 'done', text: 'Title \u241b]0;owned\u2407 here\nclear \u241b[2J.' });
  });
});

describe('pasted text', () => {
  it('an answer pasted with a double blank line inside stays one answer', async () => {
    const { input, output } = io();
    const result = readText(request(true), { input, output });
    input.write('First paragraph.\r\r\rSecond paragraph.\rThird line.\r\r\r');
    expect(await result).toEqual({ kind: 'done', text: 'First paragraph.\n\n\nSecond paragraph.\nThird line.' });
  });

  /** One terminal, asked several times in a row, as a session does. */
  const terminal = () => {
    const streams = io();
    const signals = new EventEmitter();
    const ahead = new TypeAhead(signals);
    return {
      type: (text: string) => streams.input.write(text),
      ask: (multiline: boolean) => readText(request(multiline), streams, ahead),
      interrupt: () => signals.emit('SIGINT'),
      listening: () => signals.listenerCount('SIGINT'),
      /** Opens the first question, then types `text` in one burst; resolves with that question's result. */
      first(text: string) {
        const question = this.ask(false);
        this.type(text);
        return question;
      },
    };
  };

  it('Ctrl-C between two inputs ends the next one as interrupted, keeping what was typed ahead', async () => {
    const t = terminal();
    expect(await t.first('How many users?\rWhat is the')).toEqual({ kind: 'done', text: 'How many users?' });
    expect(t.listening()).toBe(1);
    t.interrupt();
    // Only the first Ctrl-C is ours: a second one ends the process as usual.
    expect(t.listening()).toBe(0);
    expect(await t.ask(false)).toEqual({ kind: 'interrupted', text: 'What is the' });
  });

  it('Ctrl-C in the same burst as the Enter that ended an input arrives as a key, and counts the same', async () => {
    const t = terminal();
    expect(await t.first('How many users?\r\u0003')).toEqual({ kind: 'done', text: 'How many users?' });
    expect(await t.ask(false)).toEqual({ kind: 'interrupted', text: '' });
  });

  it('listens for Ctrl-C only between inputs', async () => {
    const t = terminal();
    const question = t.ask(false);
    expect(t.listening()).toBe(0);
    t.type('How many users?\r');
    await question;
    expect(t.listening()).toBe(1);
    const next = t.ask(false);
    expect(t.listening()).toBe(0);
    t.type('\r');
    expect(await next).toEqual({ kind: 'end' });
  });

  it('several questions pasted at once are each asked in turn, none dropped', async () => {
    const t = terminal();
    expect(await t.first('How many users?\rWhat is the latency budget?\rAnd the goal?\r\r')).toEqual({ kind: 'done', text: 'How many users?' });
    expect(await t.ask(false)).toEqual({ kind: 'done', text: 'What is the latency budget?' });
    expect(await t.ask(false)).toEqual({ kind: 'done', text: 'And the goal?' });
    expect(await t.ask(false)).toEqual({ kind: 'end' });
  });

  it('what is typed ahead past the questions goes on into the next answer', async () => {
    const t = terminal();
    expect(await t.first('How many users?\r\rWe aim at watch time.\rand retention')).toEqual({ kind: 'done', text: 'How many users?' });
    expect(await t.ask(false)).toEqual({ kind: 'end' });
    const answer = t.ask(true);
    t.type('.\r\r\r');
    expect(await answer).toEqual({ kind: 'done', text: 'We aim at watch time.\nand retention.' });
  });
});
