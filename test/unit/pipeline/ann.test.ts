import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/pipeline/ann.js';

describe('rowsOf', () => {
  it('turns 64-bit keys into the row numbers they hold, in order', () => {
    const keys = new BigUint64Array([0n, 7n, 65_536n, 999_999n, 4_294_967_295n]);
    expect(rowsOf(keys)).toEqual([0, 7, 65_536, 999_999, 4_294_967_295]);
  });

  it('reads a view that starts inside a larger buffer', () => {
    const all = new BigUint64Array([11n, 22n, 33n, 44n]);
    expect(rowsOf(all.subarray(1, 3))).toEqual([22, 33]);
  });
});
