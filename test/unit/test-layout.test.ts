import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../vitest.config.js';

describe('the test folders', () => {
  it('hold every test file in a layer that vitest runs', () => {
    const all = readdirSync(join(import.meta.dirname, '..'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.test\.[cm]?[jt]s$/.test(f));
    expect(all.length).toBeGreaterThan(50);
    // A test file anywhere else would never run.
    expect(all.filter((f) => !(LAYERS as readonly string[]).includes(f.split(sep)[0]!))).toEqual([]);
  });
});
