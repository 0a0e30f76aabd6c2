import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FORMAT, completePartial, inspectCache, removeAbandonedBuilds, startPartial } from '../../../src/pipeline/io/cache.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const meta = { format: CACHE_FORMAT, params: { items: 1, users: 1, seed: 1 }, creators: 1, model: { weights: [] }, oracleModel: { weights: [] },
  heldOut: { impressions: 0, rankerAuc: 0.5, popularityAuc: 0.5, randomAuc: 0.5 }, trainImpressions: 0, trainingPairs: 0, indexScales: [], buildSeconds: 0, steps: {} };

describe('cache folders', () => {
  it('removes builds of processes that are gone and worlds of older formats, and keeps the rest', () => {
    const dead = 2 ** 22 + 12345;
    for (const name of [`pipeline-v${CACHE_FORMAT - 1}-items1000-users100-seed1`, `pipeline-v${CACHE_FORMAT}-items1000-users100-seed1-noise0.8.partial-${dead}`,
      `pipeline-v${CACHE_FORMAT}-items1000-users100-seed1-noise0.8`, `pipeline-v${CACHE_FORMAT}-items1000-users100-seed1-noise0.8.partial-${process.pid}`, 'other']) {
      mkdirSync(join(root, name));
    }
    const removed = removeAbandonedBuilds(root);
    expect(removed).toHaveLength(2);
    expect(readdirSync(root).sort()).toEqual([
      'other', `pipeline-v${CACHE_FORMAT}-items1000-users100-seed1-noise0.8`, `pipeline-v${CACHE_FORMAT}-items1000-users100-seed1-noise0.8.partial-${process.pid}`,
    ].sort());
  });

  it('moves a finished build into place with checksums that a later change to any file breaks', () => {
    const dir = join(root, 'pipeline-world');
    const partial = startPartial(dir);
    writeFileSync(join(partial, 'a.bin'), 'abc');
    completePartial(partial, dir, meta);
    expect(existsSync(partial)).toBe(false);
    expect(inspectCache(dir).kind).toBe('ok');
    writeFileSync(join(dir, 'a.bin'), 'abd');
    expect(inspectCache(dir)).toEqual({ kind: 'damaged', reason: 'a.bin does not match the checksum written when it was built' });
    rmSync(join(dir, 'a.bin'));
    expect(inspectCache(dir)).toEqual({ kind: 'damaged', reason: 'a.bin is missing' });
    writeFileSync(join(dir, 'meta.json'), '{"format":');
    expect(inspectCache(dir).kind).toBe('damaged');
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, format: CACHE_FORMAT - 1 }));
    expect(inspectCache(dir).kind).toBe('outdated');
  });
});
