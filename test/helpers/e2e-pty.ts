import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import * as pty from 'node-pty';

export const bin = join(import.meta.dirname, '..', '..', 'bin', 'mlsd.js');

/** The built CLI in a real pseudo-terminal; waits on what the screen shows, never on sleeps. */
export class Terminal {
  private raw = '';
  private mark = 0;
  private readonly proc: pty.IPty;
  readonly exited: Promise<number>;
  /** The signal that ended the process, when one did (0 when it exited by itself). */
  readonly exitSignal: Promise<number>;

  constructor(args: string[], env: Record<string, string>) {
    this.proc = pty.spawn(process.execPath, [bin, ...args], {
      cols: 120,
      rows: 40,
      env: { ...process.env, NO_COLOR: '1', EDITOR: 'true', VISUAL: '', ...env } as Record<string, string>,
    });
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

export function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
}
