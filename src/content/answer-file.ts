import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Answers larger than this are refused: a write-up is a few thousand words, not a megabyte. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export interface AnswerText {
  text: string;
  /** How to name the source in messages: the path, or "stdin". */
  label: string;
}

export interface AnswerIo {
  /** Reads stdin to its end, or stops once it has more than `maxBytes`. */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  /** True when stdin is a terminal, i.e. nothing was piped. */
  stdinIsTTY: boolean;
}

const TOO_BIG_HINT = 'Grade the write-up itself, without attachments or logs.';
const WRITE_HINT = 'Write your answer in Markdown under headings for the six phases (`mlsd guide` lists them).';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Characters that show nothing: spaces and separators of every kind, control and format characters (NEL, zero-width
 * space and joiners, word joiner, byte-order mark, soft hyphen), combining marks on their own, and the few letters
 * drawn blank (Hangul fillers, the braille blank). A file of only these is empty, however many bytes it has.
 */
const INVISIBLE = /^[\s\p{Z}\p{C}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** UTF-16 as its byte-order mark or its pattern of NUL bytes shows it, named as iconv knows it; null when not UTF-16. */
function utf16Encoding(bytes: Buffer): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'UTF-16';
  // Without a mark: mostly-ASCII text leaves a NUL in every other byte, always on the same side.
  if (bytes.length % 2 !== 0) return null;
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (evenNul === 0 && oddNul >= pairs * 0.75) return 'UTF-16LE';
  if (oddNul === 0 && evenNul >= pairs * 0.75) return 'UTF-16BE';
  return null;
}

function convertHint(label: string, encoding: string): string {
  const quote = (path: string) => (/^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`);
  const [from, to] = label === 'stdin' ? ['in.md', 'out.md'] : [label, `${label.replace(/\.(md|markdown|txt)$/i, '')}-utf8.md`];
  return `Convert it: iconv -f ${encoding} -t UTF-8 ${quote(from)} > ${quote(to)}`;
}

/** Checks that bytes are a usable answer (UTF-8 text, not empty, not too big) and decodes them. */
export function decodeAnswer(bytes: Buffer, label: string): string {
  if (bytes.length > MAX_ANSWER_BYTES) {
    throw new UserError(`${label} is ${megabytes(bytes.length)}; answers over 1 MB are refused.`, { hint: TOO_BIG_HINT });
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) throw new UserError(`${label} is UTF-16 text; answers are read as UTF-8.`, { hint: convertHint(label, utf16) });
  if (bytes.includes(0)) {
    throw new UserError(`${label} looks like a binary file (it contains NUL bytes), not a Markdown answer.`, { hint: WRITE_HINT });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${label} is not UTF-8 text.`, { hint: 'Save the answer as UTF-8 (most editors offer it under "Save with encoding").' });
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new UserError(`${label} is empty: there is nothing to grade.`, { hint: WRITE_HINT });
  if (INVISIBLE.test(text)) {
    throw new UserError(`${label} is empty: it holds only invisible characters (such as zero-width spaces), nothing to grade.`, { hint: WRITE_HINT });
  }
  return text;
}

/** Reads an answer from a file path, or from stdin for "-", refusing anything that is not a readable text answer. */
export async function readAnswer(source: string, io: AnswerIo): Promise<AnswerText> {
  if (source === '-') {
    if (io.stdinIsTTY) {
      throw new UserError('nothing is piped to stdin ("-" reads the answer from a pipe).', {
        hint: 'Pipe a file, e.g. `cat answer.md | mlsd score <prompt-id> -`, or pass the file path instead of "-".',
      });
    }
    const bytes = await io.readStdin(MAX_ANSWER_BYTES);
    if (bytes.length > MAX_ANSWER_BYTES) {
      throw new UserError('stdin has more than 1 MB; answers over 1 MB are refused.', { hint: TOO_BIG_HINT });
    }
    return { text: decodeAnswer(bytes, 'stdin'), label: 'stdin' };
  }
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) throw new UserError(`${source} is a directory, not an answer file.`, { hint: 'Pass the Markdown file inside it.' });
    if (!info.isFile()) throw new UserError(`${source} is not a regular file.`, { hint: 'Pass a Markdown file, or - to read stdin.' });
    size = info.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fileError(source, err as NodeJS.ErrnoException);
  }
  if (size > MAX_ANSWER_BYTES) {
    throw new UserError(`${source} is ${megabytes(size)}; answers over 1 MB are refused.`, { hint: TOO_BIG_HINT });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (err) {
    throw fileError(source, err as NodeJS.ErrnoException);
  }
  return { text: decodeAnswer(bytes, source), label: source };
}

function fileError(source: string, err: NodeJS.ErrnoException): UserError {
  if (err.code === 'ENOENT') return new UserError(`no such file: ${source}`, { hint: 'Check the path, or pass - to read the answer from stdin.' });
  if (err.code === 'EACCES' || err.code === 'EPERM') {
    return new UserError(`cannot read ${source}: permission denied.`, { hint: `Check the file's permissions (e.g. chmod u+r ${source}).` });
  }
  if (err.code === 'ENOTDIR') return new UserError(`no such file: ${source} (a part of the path is not a folder).`, { hint: 'Check the path.' });
  return new UserError(`cannot read ${source}: ${err.message}`, { hint: 'Check the path and permissions.' });
}
