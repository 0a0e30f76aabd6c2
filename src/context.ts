import { existsSync } from 'node:fs';
import type { Content } from './content/load.js';
import type { Framework } from './content/schema.js';
import type { Vocabulary } from './content/vocabulary.js';
import { EXIT, UserError } from './errors.js';
import type { Grader } from './grading/index.js';
import type { Asker } from './interview/asker.js';
import type { History } from './store/history.js';
import { terminalWidth } from './ui/markdown.js';
import { systemErrorText } from './util/system-error.js';

export interface HistoryOptions {
  /** The caller will save to it: a read-only file or folder is refused now, in one line, not at the first save. */
  write?: boolean;
  /**
   * The command reads or closes sessions but never starts one: a `--db` file that does not exist is a mistyped
   * path, not an empty history, so it is refused rather than created (the user is not told "No sessions yet"
   * about sessions that are safe in another file).
   */
  mustExist?: boolean;
}

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
  /** Whether stdin is a terminal, i.e. nothing is piped in for `-`. */
  stdinIsTTY: boolean;
  /** Whether stderr is a terminal (a progress spinner goes there). */
  stderrIsTTY: boolean;
  /** Whether colour may be used on stdout. */
  color: boolean;
  /** The columns to wrap output to: the terminal's, else $COLUMNS, at most 100. */
  readonly width: number;
  /** Reads stdin (for `-` as an answer file) to its end, or stops once it has more than `maxBytes`. */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  /** Sets the process exit code without ending the process, so output flushes. */
  setExitCode: (code: number) => void;
  /**
   * The prompts and the framework, loaded and validated on first use: the built-in prompts, plus the pack folder
   * named by `--prompts-dir` (see `usePromptsDir`), else by $MLSD_PROMPTS_DIR.
   */
  content: () => Promise<Content>;
  /** Adds a folder of the user's prompt files (`--prompts-dir`, which wins over $MLSD_PROMPTS_DIR); call before content(). */
  usePromptsDir: (dir: string) => void;
  /** Only the framework (cheaper than all the prompts when nothing else is needed). */
  framework: () => Promise<Framework>;
  /** data/vocabulary.yaml, read once for both the grader and the interviewer's fact lookup. */
  vocabulary: () => Promise<Vocabulary>;
  grader: () => Promise<Grader>;
  /** Asks the person at the terminal. */
  asker: () => Promise<Asker>;
  /** The history database named by --db (else the default one), opened once per run. */
  history: (dbOption: string | undefined, options?: HistoryOptions) => Promise<History>;
  /** Closes what the run opened; `main()` calls it once the command has finished. */
  dispose: () => void;
}

/** The edges that are loaded on first use; `given` replaces what a test supplies. */
export type LazyEdges = Pick<Ctx, 'content' | 'usePromptsDir' | 'framework' | 'vocabulary' | 'grader' | 'asker' | 'history' | 'dispose'>;

export interface GivenEdges {
  content: Content;
  vocabulary: Vocabulary;
  grader: Grader;
  asker: Asker;
}

/** Runs `load` on the first call only; a failed load is tried again on the next call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

/**
 * Content, grader, asker and history, each loaded when first asked for and then kept for the run. The modules
 * behind them are imported only then, so `mlsd --help` loads none of them. `warn` is told, one line each, about
 * the pack files skipped.
 */
export function lazyEdges(
  env: Record<string, string | undefined>,
  given: Partial<GivenEdges> = {},
  warn: (text: string) => void = () => {},
): LazyEdges {
  let promptsDir: string | undefined;
  const content = once(async () => {
    if (given.content) return given.content;
    const packDir = promptsDir ?? (env.MLSD_PROMPTS_DIR || undefined);
    const { safeText } = await import('./util/safe-text.js');
    return (await import('./content/load.js')).loadContent({ packDir, warn: (line) => warn(`warning: ${safeText(line)}\n`) });
  });
  const vocabulary = once(async () => given.vocabulary ?? (await import('./content/vocabulary.js')).loadVocabulary());
  const opened = new Map<string, { history: History; writable: boolean }>();
  let contentAsked = false;
  return {
    content: () => {
      contentAsked = true;
      return content();
    },
    usePromptsDir: (dir) => {
      promptsDir = dir;
    },
    framework: async () =>
      given.content || contentAsked ? (await content()).framework : (await import('./content/load.js')).loadFramework(),
    vocabulary,
    grader: once(async () => given.grader ?? (await import('./grading/index.js')).loadGrader({ vocabulary: await vocabulary() })),
    asker: once(async () => given.asker ?? (await import('./ui/ask.js')).terminalAsker(env)),
    history: async (dbOption, options = {}) => {
      const key = dbOption ?? '';
      const known = opened.get(key);
      if (known) {
        if (options.write && !known.writable) {
          (await import('./store/open.js')).requireWritableOpen(known.history.db, known.history.file);
          known.writable = true;
        }
        return known.history;
      }
      if (options.mustExist && dbOption !== undefined && dbOption !== ':memory:' && !existsSync(dbOption)) {
        throw new UserError(`no history database at ${dbOption}.`, {
          hint: 'Check the path given to --db (it is created by `mlsd interview` or `mlsd practice`); without --db the default history is used.',
        });
      }
      const history = (await import('./store/history.js')).openHistory(dbOption, env, { write: options.write });
      opened.set(key, { history, writable: Boolean(options.write) });
      return history;
    },
    dispose: () => {
      for (const { history } of opened.values()) history.db.close();
      opened.clear();
    },
  };
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
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
    // Read when used: the terminal may be resized during a round.
    get width() {
      return terminalWidth(process.env);
    },
    readStdin: (maxBytes) => readUpTo(process.stdin, maxBytes),
    setExitCode: (code) => {
      process.exitCode = code;
    },
    ...lazyEdges(process.env, {}, (text) => void process.stderr.write(text)),
  };
}

export { EXIT };
