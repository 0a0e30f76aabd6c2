import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeldOut } from './training.js';
import type { RankerModel } from './ranker.js';
import { DIM, TOPICS, WORLD_ARRAYS, type World, type WorldParams } from './world.js';

/** Bump when the world, store or index format changes, so old caches are rebuilt rather than misread. */
export const CACHE_FORMAT = 3;

export interface CacheMeta {
  format: number;
  params: WorldParams;
  creators: number;
  model: RankerModel;
  heldOut: HeldOut;
  trainImpressions: number;
  buildSeconds: number;
  /** Seconds per build step, for the benchmark's scaling table. */
  steps: Record<string, number>;
}

export function worldCacheDir(root: string, p: WorldParams): string {
  return join(root, `pipeline-v${CACHE_FORMAT}-items${p.items}-users${p.users}-seed${p.seed}`);
}

export const cacheFiles = (dir: string) => ({
  meta: join(dir, 'meta.json'),
  store: join(dir, 'features.db'),
  index: join(dir, 'index.usearch'),
  array: (name: string) => join(dir, `${name}.bin`),
});

const ARRAY_TYPES = {
  itemEmbedding: Float32Array, itemTopic: Uint16Array, itemCreator: Int32Array, itemAgeDays: Float32Array,
  itemDurationSec: Float32Array, itemViews: Float32Array, itemRating: Float32Array, itemQuality: Float32Array,
  userTaste: Float32Array, historyOffsets: Int32Array, history: Int32Array, followOffsets: Int32Array, follows: Int32Array,
} as const;

/** A complete cache has its meta file (written last) at the current format. */
export function readCacheMeta(dir: string): CacheMeta | undefined {
  const file = cacheFiles(dir).meta;
  if (!existsSync(file)) return undefined;
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as CacheMeta;
    return meta.format === CACHE_FORMAT ? meta : undefined;
  } catch {
    return undefined;
  }
}

export function resetCacheDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

export function saveWorldArrays(dir: string, world: World): void {
  for (const name of WORLD_ARRAYS) {
    const a = world[name];
    writeFileSync(cacheFiles(dir).array(name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
}

export function writeCacheMeta(dir: string, meta: CacheMeta): void {
  writeFileSync(cacheFiles(dir).meta, JSON.stringify(meta));
}

function readArray<T extends keyof typeof ARRAY_TYPES>(dir: string, name: T): InstanceType<(typeof ARRAY_TYPES)[T]> {
  const Type = ARRAY_TYPES[name];
  let buf: Uint8Array = readFileSync(cacheFiles(dir).array(name));
  if (buf.byteOffset % Type.BYTES_PER_ELEMENT !== 0) buf = buf.slice();
  return new Type(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength / Type.BYTES_PER_ELEMENT) as InstanceType<(typeof ARRAY_TYPES)[T]>;
}

export function loadWorldArrays(dir: string, meta: CacheMeta): World {
  const arrays = Object.fromEntries(WORLD_ARRAYS.map((name) => [name, readArray(dir, name)])) as Pick<World, (typeof WORLD_ARRAYS)[number]>;
  const { items, users } = meta.params;
  if (arrays.itemEmbedding.length !== items * DIM || arrays.itemViews.length !== items || arrays.userTaste.length !== users * DIM) {
    throw new Error('array files do not match the catalogue size');
  }
  return { params: meta.params, dim: DIM, topics: TOPICS, creators: meta.creators, ...arrays };
}
