import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TextRequest } from '../../src/interview/asker.js';
import { commandNote, readText } from '../../src/ui/ask.js';

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
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const request: TextRequest = { multiline: false, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity };
    const result = readText(request, { input, output });
    input.write(':editor\r');
    input.write('How many users?\r');
    expect(await result).toEqual({ kind: 'done', text: 'How many users?' });
    expect(shown).toContain(':editor is for the design steps');
  });

  it('a mistyped command inside an answer is not added to it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const request: TextRequest = { multiline: true, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity };
    const result = readText(request, { input, output });
    input.write('We rank with a two-tower model.\r:hnt\r\r\r');
    expect(await result).toEqual({ kind: 'done', text: 'We rank with a two-tower model.' });
  });
});

describe('a restored draft', () => {
  it('comes back with its last line open for editing, so typing continues it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const request: TextRequest = { multiline: true, prompt: () => '› ', initial: 'First line.\nand half a secon', timeLeftMs: Infinity, stepLeftMs: Infinity };
    const result = readText(request, { input, output });
    input.write('d of latency.\r\r\r');
    expect(await result).toEqual({ kind: 'done', text: 'First line.\nand half a second of latency.' });
  });
});
