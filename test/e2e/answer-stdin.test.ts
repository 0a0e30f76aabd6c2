import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readUpTo } from '../../src/context.js';
import { bin } from '../helpers/e2e-pty.js';

const MiB = 1024 * 1024;

let child: ChildProcess | undefined;
let home: string | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

describe('mlsd score <id> - fed a huge stream', () => {
  it('stops reading past 1 MB, refuses with one line and exits 1 without draining the pipe', { timeout: 20_000 }, async () => {
    home = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    const proc = spawn(process.execPath, [bin, 'score', 'video-recommendations', '-'], {
      env: { ...process.env, NO_COLOR: '1', MLSD_HOME: home },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    proc.stdout!.resume();

    // Far more than the limit (as `yes | mlsd score … -` would be); the writer stops when the reader goes away.
    const total = 256 * MiB;
    const chunk = Buffer.alloc(64 * 1024, 'y\n');
    let written = 0;
    let closed = false;
    proc.stdin!.on('error', () => (closed = true));
    const pump = () => {
      while (!closed && written < total) {
        written += chunk.length;
        if (!proc.stdin!.write(chunk)) return void proc.stdin!.once('drain', pump);
      }
      if (!closed) proc.stdin!.end();
    };
    pump();

    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toMatch(/stdin has more than 1 MB; answers over 1 MB are refused\./);
    // The process closed the pipe long before the writer was done: it read about the limit, not everything.
    expect(written).toBeLessThan(total);
    expect(closed).toBe(true);
  });
});

describe('readUpTo', () => {
  it('returns at most the limit plus one byte of an endless stream, and destroys it', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1000, 'x'));
      },
    });
    const bytes = await readUpTo(endless, 2500);
    expect(bytes.length).toBe(2501);
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('returns a short stream whole', async () => {
    expect((await readUpTo(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 10)).toString()).toBe('abc');
  });
});
