import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, decodeAnswer, readAnswer } from '../../src/content/answer-file.js';
import { UserError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-answer-'));
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const io = (stdin = '', stdinIsTTY = false) => ({ readStdin: async () => Buffer.from(stdin), stdinIsTTY });

describe('reading an answer', () => {
  it('reads a UTF-8 file and drops a byte-order mark', async () => {
    const path = file('ok.md', '\uFEFF## Requirements\nWe assume 10M users — roughly.');
    expect((await readAnswer(path, io())).text).toBe('## Requirements\nWe assume 10M users — roughly.');
  });

  it('reads stdin for "-"', async () => {
    expect(await readAnswer('-', io('## Metrics\nNDCG'))).toEqual({ text: '## Metrics\nNDCG', label: 'stdin' });
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.md'), /no such file/],
    ['a directory', () => dir, /is a directory/],
    ['an empty file', () => file('empty.md', ''), /is empty/],
    ['a whitespace-only file', () => file('blank.md', ' \n\t\n'), /is empty/],
    ['a binary file', () => file('bin.md', Buffer.from([0x89, 0x50, 0x00, 0x01])), /binary/],
    ['a non-UTF-8 file', () => file('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), /not UTF-8/],
    ['a file over 1 MB', () => file('big.md', 'a'.repeat(MAX_ANSWER_BYTES + 1)), /over 1 MB/],
  ])('refuses %s with one clear line', async (_name, make, message) => {
    const error = await readAnswer(make(), io()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).not.toContain('\n');
    expect((error as UserError).hint).toBeTruthy();
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', async () => {
    const path = file('secret.md', 'text');
    chmodSync(path, 0o000);
    await expect(readAnswer(path, io())).rejects.toThrow(/permission denied/);
  });

  it('refuses "-" at once when stdin is a terminal', async () => {
    let read = false;
    const error = readAnswer('-', { readStdin: async () => ((read = true), Buffer.from('x')), stdinIsTTY: true });
    await expect(error).rejects.toThrow(/nothing is piped/);
    expect(read).toBe(false);
  });

  it('asks stdin for at most the limit and refuses more, whatever the rest of the stream holds', async () => {
    const asked: number[] = [];
    const readStdin = async (maxBytes: number) => (asked.push(maxBytes), Buffer.alloc(maxBytes + 1, 'a'));
    await expect(readAnswer('-', { readStdin, stdinIsTTY: false })).rejects.toThrow(/^stdin has more than 1 MB; answers over 1 MB are refused\.$/);
    expect(asked).toEqual([MAX_ANSWER_BYTES]);
  });

  it('refuses empty stdin', () => {
    expect(() => decodeAnswer(Buffer.from('   '), 'stdin')).toThrow(/stdin is empty/);
  });
});
