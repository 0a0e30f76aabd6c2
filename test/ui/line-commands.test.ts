import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TextRequest } from '../../src/interview/asker.js';
import { commandNote, readText, TypeAhead } from '../../src/ui/ask.js';

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
    const ahead = new TypeAhead();
    return { type: (text: string) => streams.input.write(text), ask: (multiline: boolean) => readText(request(multiline), streams, ahead) };
  };

  it('several questions pasted at once are each asked in turn, none dropped', async () => {
    const t = terminal();
    const first = t.ask(false);
    t.type('How many users?\rWhat is the latency budget?\rAnd the goal?\r\r');
    expect(await first).toEqual({ kind: 'done', text: 'How many users?' });
    expect(await t.ask(false)).toEqual({ kind: 'done', text: 'What is the latency budget?' });
    expect(await t.ask(false)).toEqual({ kind: 'done', text: 'And the goal?' });
    expect(await t.ask(false)).toEqual({ kind: 'end' });
  });

  it('what is typed ahead past the questions goes on into the next answer', async () => {
    const t = terminal();
    const question = t.ask(false);
    t.type('How many users?\r\rWe aim at watch time.\rand retention');
    expect(await question).toEqual({ kind: 'done', text: 'How many users?' });
    expect(await t.ask(false)).toEqual({ kind: 'end' });
    const answer = t.ask(true);
    t.type('.\r\r\r');
    expect(await answer).toEqual({ kind: 'done', text: 'We aim at watch time.\nand retention.' });
  });
});
