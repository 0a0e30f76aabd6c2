import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, decodeAnswer, readAnswer } from '../../../src/content/answer-file.js';
import { UserError } from '../../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-answer-'));
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

describe('answers that only look like text', () => {
  it.each([
    ['next-line characters (NEL)', '\u0085\u0085\n\u0085'],
    ['zero-width spaces and joiners', '\u200B\u200C\u200D\n\u200B'],
    ['word joiners and byte-order marks', '\u2060\uFEFF\u2060'],
    ['no-break and other Unicode spaces', '\u00A0\u2002\u2003\u3000\u202F\n'],
    ['format and control characters mixed with blanks', ' \u00AD\u2061\u180E\u0007 \n\t\u200E\u200F'],
    ['Hangul fillers and a braille blank', '\u3164\u115F\u2800'],
  ])('refuses a file of only %s as empty', async (_name, text) => {
    const error = await readAnswer(file('invisible.md', text), io()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/invisible\.md is empty/);
    expect((error as UserError).message).not.toContain('\n');
  });

  it('keeps an answer with one visible word among invisible characters', async () => {
    expect((await readAnswer(file('word.md', '\u200B\u0085metrics\u00A0'), io())).text).toBe('\u200B\u0085metrics\u00A0');
  });

  const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
    const le = Buffer.from(text, 'utf16le');
    const body = order === 'le' ? le : Buffer.from(le).swap16();
    const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
    return Buffer.concat([Buffer.from(bom ? mark : []), body]);
  };
  it.each([
    ['little-endian with a byte-order mark', utf16('## Metrics\nNDCG@10 offline.', 'le', true), 'UTF-16'],
    ['big-endian with a byte-order mark', utf16('## Metrics\nNDCG@10 offline.', 'be', true), 'UTF-16'],
    ['little-endian without a mark', utf16('## Metrics\nNDCG@10 offline, é.', 'le', false), 'UTF-16LE'],
    ['big-endian without a mark', utf16('## Metrics\nNDCG@10 offline.', 'be', false), 'UTF-16BE'],
  ])('names a UTF-16 file (%s) and how to convert it, rather than calling it binary', async (_name, bytes, encoding) => {
    const path = file('notes.md', bytes);
    const error = await readAnswer(path, io()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`${path} is UTF-16 text; answers are read as UTF-8.`);
    expect((error as UserError).hint).toBe(`Convert it: iconv -f ${encoding} -t UTF-8 ${path} > ${join(dir, 'notes-utf8.md')}`);
  });

  it('names UTF-16 on stdin too', () => {
    const error = (() => {
      try {
        return decodeAnswer(utf16('hello', 'le', true), 'stdin');
      } catch (e) {
        return e;
      }
    })();
    expect((error as UserError).message).toBe('stdin is UTF-16 text; answers are read as UTF-8.');
    expect((error as UserError).hint).toBe('Convert it: iconv -f UTF-16 -t UTF-8 in.md > out.md');
  });

  it('still calls a file with scattered NUL bytes binary', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(() => decodeAnswer(png, 'image.md')).toThrow(/binary/);
  });
});
