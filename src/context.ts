import { EXIT } from './errors.js';
import { systemErrorText } from './util/system-error.js';

/** The edges every command may use; a command takes only the part it needs (`Pick<Ctx, 'out' | 'now'>`). */
export interface Ctx {
  /** Writes to stdout exactly what is given (add your own newlines). */
  out: (text: string) => void;
  /** Writes to stderr exactly what is given. */
  err: (text: string) => void;
  /** Milliseconds since the epoch; injected so timers can be tested without waiting. */
  now: () => number;
  env: Record<string, string | undefined>;
  /** True when a person can answer questions (stdin and stdout are terminals). */
  interactive: boolean;
  /** Whether colour may be used on stdout. */
  color: boolean;
  /** Reads stdin (for `-` as an answer file) to its end, or stops once it has more than `maxBytes`. */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  /** Sets the process exit code without ending the process, so output flushes. */
  setExitCode: (code: number) => void;
}

export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * Reads a stream to its end, or until it has more than `maxBytes` (then at most `maxBytes + 1` bytes come back):
 * `yes | mlsd score … -` never ends, and reading it all would fill the memory. Leaving the loop early destroys
 * the stream, so the writer gets EPIPE and this process can exit.
 */
export async function readUpTo(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size > maxBytes) break;
  }
  const all = Buffer.concat(chunks, size);
  return all.length > maxBytes + 1 ? all.subarray(0, maxBytes + 1) : all;
}

export function processContext(): Ctx {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The terminal hung up: the SIGHUP (or the end of input) that comes with it saves what was being typed,
    // which a crash here would lose.
    if (err.code === 'EIO') return;
    // The reader went away (`mlsd history | head`): everything it wanted was written; that is not a failure.
    if (err.code === 'EPIPE') process.exit(0);
    // Any other failure (a full disk, `> /dev/full`) loses the output: one line, not a stack trace.
    process.stderr.write(`error: cannot write the output: ${systemErrorText(err)}\n`);
    process.exit(1);
  });
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    now: () => Date.now(),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
    readStdin: (maxBytes) => readUpTo(process.stdin, maxBytes),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

export { EXIT };
