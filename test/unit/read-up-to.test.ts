import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readUpTo } from '../../src/context.js';

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
