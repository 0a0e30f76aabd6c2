import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import * as pty from 'node-pty';
import { onTestFinished } from 'vitest';
import { tempHome, type TempHome } from './temp.js';

/** The built CLI (`npm run build` first). */
export const bin = join(import.meta.dirname, '..', '..', 'bin', 'mlsd.js');

export interface CliRun {
  args: string[];
  /** Runs in a pseudo-terminal (120×40) rather than with pipes. */
  tty?: boolean;
  /** Added to the environment, over NO_COLOR=1. Without MLSD_HOME the run gets an empty home, removed after the test. */
  env?: Record<string, string>;
  /** The history database: `--db <db>` is added after the arguments. */
  db?: string;
  /** Piped to stdin (then closed), or a function that writes to stdin itself. Without it stdin is closed at once. */
  input?: string | Buffer | ((stdin: Writable) => void);
  /** Runs as this user: for root, permission bits only stop another user. */
  user?: { uid: number; gid: number };
  /** A file descriptor that stdout goes to instead of a pipe. */
  stdout?: number;
  /** Shell commands run in the process before it becomes mlsd, such as `ulimit -f 128`. */
  shellPrefix?: string;
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Ends `cleanup` with the current test; in a beforeAll hook there is none, and the caller awaits the run there. */
function whenTestEnds(cleanup: () => void): void {
  try {
    onTestFinished(cleanup);
  } catch {
    // not inside a test
  }
}

function environment(run: CliRun, extra: Record<string, string> = {}): Record<string, string> {
  const home = run.env?.MLSD_HOME === undefined ? tempHome().env : {};
  return { ...(process.env as Record<string, string>), NO_COLOR: '1', ...extra, ...home, ...run.env };
}

function argv(run: CliRun): string[] {
  return run.db === undefined ? run.args : [...run.args, '--db', run.db];
}

/**
 * Runs `bin/mlsd.js` as a real process: with pipes (resolves once it has exited and its output is read), or with
 * `tty: true` in a pseudo-terminal to interact with. Whatever is still running when the test ends is killed.
 */
export function runCli(run: CliRun & { tty: true }): Terminal;
export function runCli(run: CliRun & { tty?: false }): Promise<CliResult>;
export function runCli(run: CliRun): Terminal | Promise<CliResult> {
  if (run.tty) {
    const terminal = new Terminal(argv(run), environment(run, { EDITOR: 'true', VISUAL: '' }), run.user);
    whenTestEnds(() => terminal.kill());
    return terminal;
  }
  const command = run.shellPrefix
    ? ['bash', ['-c', `${run.shellPrefix} && exec "$0" "$@"`, process.execPath, bin, ...argv(run)]] as const
    : [process.execPath, [bin, ...argv(run)]] as const;
  const child = spawn(command[0], command[1], {
    env: environment(run),
    stdio: ['pipe', run.stdout ?? 'pipe', 'pipe'],
    ...run.user,
  });
  whenTestEnds(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // A process that exits without reading its input closes the pipe: that is its business, not a test failure.
  child.stdin!.on('error', () => {});
  if (typeof run.input === 'function') run.input(child.stdin!);
  else child.stdin!.end(run.input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The built CLI in a real pseudo-terminal; waits on what the screen shows, never on sleeps. */
export class Terminal {
  private raw = '';
  private mark = 0;
  private readonly proc: pty.IPty;
  readonly exited: Promise<number>;
  /** The signal that ended the process, when one did (0 when it exited by itself). */
  readonly exitSignal: Promise<number>;

  constructor(args: string[], env: Record<string, string>, user?: { uid: number; gid: number }) {
    this.proc = pty.spawn(process.execPath, [bin, ...args], { cols: 120, rows: 40, env, ...user });
    this.proc.onData((d) => {
      this.raw += d;
    });
    const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => this.proc.onExit(resolve));
    this.exited = exit.then((e) => e.exitCode);
    this.exitSignal = exit.then((e) => e.signal ?? 0);
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Everything shown so far, without escape codes. */
  get screen(): string {
    return stripVTControlCharacters(this.raw).replace(/\r/g, '');
  }

  /** Waits until `pattern` appears after the last match, then moves the mark past it. */
  async waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen.slice(this.mark);
      const m = typeof pattern === 'string' ? (rest.includes(pattern) ? { index: rest.indexOf(pattern), 0: pattern } : null) : pattern.exec(rest);
      if (m) {
        this.mark += m.index + m[0].length;
        return m[0];
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen ends with:\n${rest.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for whichever pattern shows first. */
  async waitForAny(patterns: Record<string, RegExp>, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen.slice(this.mark);
      const hits = Object.entries(patterns)
        .map(([name, re]) => ({ name, m: re.exec(rest) }))
        .filter((h) => h.m)
        .sort((a, b) => a.m!.index - b.m!.index);
      if (hits[0]) return hits[0].name;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${Object.keys(patterns).join('/')}; screen ends with:\n${rest.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  type(text: string): void {
    this.proc.write(text);
  }

  /** Types lines, then the two empty lines that finish an answer. */
  answer(...lines: string[]): void {
    this.proc.write(`${lines.join('\r')}\r\r\r`);
  }

  /** Closes the terminal, as closing its window does: its input ends and the process gets SIGHUP. */
  hangUp(): void {
    // Not in the typings, but every Unix pty has it: closes the master side, then sends SIGHUP.
    (this.proc as pty.IPty & { destroy(): void }).destroy();
  }

  kill(): void {
    try {
      this.proc.kill();
    } catch {
      // already gone
    }
  }
}

/** What `typingHalfAnAnswer` leaves typed: a finished line and an unfinished one. */
export const HALF_TYPED = 'We optimise for long-term satisfaction.\nand half a secon';

/** `mlsd interview` in a terminal, past the clarifying step, with half a requirements answer typed and not submitted. */
export async function typingHalfAnAnswer(home: TempHome, env: Record<string, string> = {}): Promise<Terminal> {
  const t = runCli({ args: ['interview', 'video-recommendations', '--minutes', '5'], db: home.db, env: { ...home.env, ...env }, tty: true });
  await t.waitFor('an empty line moves on');
  t.type('\r');
  await t.waitFor('── Requirements ');
  await t.waitFor('Finish with an empty line twice');
  t.type('We optimise for long-term satisfaction.\rand half a secon');
  await t.waitFor('half a secon');
  return t;
}
