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

/** Checks that bytes are a usable answer (UTF-8 text, not empty, not too big) and decodes them. */
export function decodeAnswer(bytes: Buffer, label: string): string {
  if (bytes.length > MAX_ANSWER_BYTES) {
    throw new UserError(`${label} is ${megabytes(bytes.length)}; answers over 1 MB are refused.`, { hint: TOO_BIG_HINT });
  }
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
