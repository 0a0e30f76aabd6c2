import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const MiB = 1024 * 1024;

describe('mlsd score <id> - fed a huge stream', () => {
  it('stops reading past 1 MB, refuses with one line and exits 1 without draining the pipe', { timeout: 20_000 }, async () => {
    // Far more than the limit (as `yes | mlsd score … -` would be); the writer stops when the reader goes away.
    const total = 256 * MiB;
    const chunk = Buffer.alloc(64 * 1024, 'y\n');
    let written = 0;
    let closed = false;
    const pumpInto = (stdin: Writable) => {
      stdin.on('error', () => (closed = true));
      const pump = () => {
        while (!closed && written < total) {
          written += chunk.length;
          if (!stdin.write(chunk)) return void stdin.once('drain', pump);
        }
        if (!closed) stdin.end();
      };
      pump();
    };

    const r = await runCli({ args: ['score', 'video-recommendations', '-'], input: pumpInto });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/stdin has more than 1 MB; answers over 1 MB are refused\./);
    // The process closed the pipe long before the writer was done: it read about the limit, not everything.
    expect(written).toBeLessThan(total);
    expect(closed).toBe(true);
  });
});
