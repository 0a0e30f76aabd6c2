import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HeldOut } from '../training.js';
import type { RankerModel } from '../ranker.js';
import { DEFAULT_CONTENT_NOISE, DIM, TOPICS, WORLD_ARRAYS, type World, type WorldParams } from '../world.js';
import type { Embeddings } from '../offline.js';

/** Bump when the world, store or index format changes, so old caches are rebuilt rather than misread. */
export const CACHE_FORMAT = 6;

export interface CacheMeta {
  format: number;
  params: WorldParams;
  creators: number;
  /** The ranker trained on features from the learned embeddings. */
  model: RankerModel;
  /** The same ranker trained on features from the hidden embeddings: the oracle baseline's. */
  oracleModel: RankerModel;
  heldOut: HeldOut;
  trainImpressions: number;
  /** Positive (user, video) pairs the retrieval embeddings were trained on. */
  trainingPairs: number;
  /** Per index group (by vector length), the length its rows were scaled by; 0 for an empty group. */
  indexScales: number[];
  /** Per index group, its rows (each group's search depth follows its size). */
  indexSizes?: number[];
  buildSeconds: number;
  /** Seconds per build step, for the benchmark's scaling table. */
  steps: Record<string, number>;
  /** SHA-1 of every other file in the folder, written at build and checked at load. */
  checksums: Record<string, string>;
}

export function worldCacheDir(root: string, p: WorldParams): string {
  const noise = p.contentNoise ?? DEFAULT_CONTENT_NOISE;
  return join(root, `pipeline-v${CACHE_FORMAT}-items${p.items}-users${p.users}-seed${p.seed}-noise${noise}`);
}

export const cacheFiles = (dir: string) => ({
  meta: join(dir, 'meta.json'),
  store: join(dir, 'features.db'),
  index: join(dir, 'index.usearch'),
  array: (name: string) => join(dir, `${name}.bin`),
});

const ARRAY_TYPES = {
  itemEmbedding: Float32Array, itemContent: Float32Array, itemTopic: Uint16Array, itemCreator: Int32Array, itemAgeDays: Float32Array,
  itemDurationSec: Float32Array, itemViews: Float32Array, itemRating: Float32Array, itemQuality: Float32Array,
  userTaste: Float32Array, historyOffsets: Int32Array, history: Int32Array, followOffsets: Int32Array, follows: Int32Array,
  retrievalItems: Float32Array, retrievalUsers: Float32Array, interactions: Int32Array,
} as const;
type ArrayName = keyof typeof ARRAY_TYPES;

const EMBEDDING_ARRAYS = { retrievalItems: 'items', retrievalUsers: 'users', interactions: 'interactions' } as const;

/** What a cache folder holds, as read at load time. */
export type CacheState =
  | { kind: 'missing' }
  | { kind: 'outdated' }
  | { kind: 'damaged'; reason: string }
  | { kind: 'ok'; meta: CacheMeta };

function sha1(file: string): string {
  const hash = createHash('sha1');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Checksums of every file in the folder but the meta file. */
export function checksumFolder(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f !== 'meta.json').sort().map((f) => [f, sha1(join(dir, f))]));
}

/**
 * Whether the folder holds a complete cache at the current format whose files match the checksums written
 * when it was built: a truncated or overwritten file is reported, never loaded (a damaged index can crash
 * the native library, and a same-size overwritten array would run silently with nonsense).
 */
export function inspectCache(dir: string): CacheState {
  const file = cacheFiles(dir).meta;
  if (!existsSync(dir)) return { kind: 'missing' };
  if (!existsSync(file)) return { kind: 'damaged', reason: 'its description (meta.json) is missing' };
  let meta: CacheMeta;
  try {
    meta = JSON.parse(readFileSync(file, 'utf8')) as CacheMeta;
  } catch {
    return { kind: 'damaged', reason: 'its description (meta.json) is unreadable' };
  }
  if (meta.format !== CACHE_FORMAT) return { kind: 'outdated' };
  if (!meta.checksums || typeof meta.checksums !== 'object') return { kind: 'damaged', reason: 'it has no checksums' };
  for (const [name, expected] of Object.entries(meta.checksums)) {
    const path = join(dir, name);
    if (!existsSync(path)) return { kind: 'damaged', reason: `${name} is missing` };
    if (sha1(path) !== expected) return { kind: 'damaged', reason: `${name} does not match the checksum written when it was built` };
  }
  return { kind: 'ok', meta };
}

/** A folder next to the final one, named after this process, where a build writes until it is complete. */
export function partialDir(dir: string, pid: number = process.pid): string {
  return `${dir}.partial-${pid}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes unfinished build folders left by processes that no longer run (killed with no chance to clean up),
 * and worlds cached in an older format, which no version of this code reads. Returns what it removed.
 */
export function removeAbandonedBuilds(root: string): string[] {
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const partial = /^pipeline-.*\.partial-(\d+)$/.exec(name);
    const old = /^pipeline-v(\d+)-/.exec(name);
    const abandoned = partial ? Number(partial[1]) !== process.pid && !alive(Number(partial[1])) : old !== null && Number(old[1]) < CACHE_FORMAT;
    if (!abandoned) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export function startPartial(dir: string): string {
  const partial = partialDir(dir);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  return partial;
}

/** Writes the meta file with checksums and moves the finished folder into place in one rename. */
export function completePartial(partial: string, dir: string, meta: Omit<CacheMeta, 'checksums'>): CacheMeta {
  const full: CacheMeta = { ...meta, checksums: checksumFolder(partial) };
  writeFileSync(cacheFiles(partial).meta, JSON.stringify(full));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(partial, dir);
  return full;
}

export function saveArrays(dir: string, arrays: Partial<Record<ArrayName, ArrayBufferView>>): void {
  for (const [name, a] of Object.entries(arrays)) {
    writeFileSync(cacheFiles(dir).array(name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
}

export function saveWorld(dir: string, world: World, embeddings: Embeddings): void {
  saveArrays(dir, Object.fromEntries(WORLD_ARRAYS.map((name) => [name, world[name]])));
  saveArrays(dir, Object.fromEntries(Object.entries(EMBEDDING_ARRAYS).map(([file, field]) => [file, embeddings[field]])));
}

function readArray<T extends ArrayName>(dir: string, name: T): InstanceType<(typeof ARRAY_TYPES)[T]> {
  const Type = ARRAY_TYPES[name];
  let buf: Uint8Array = readFileSync(cacheFiles(dir).array(name));
  if (buf.byteOffset % Type.BYTES_PER_ELEMENT !== 0) buf = buf.slice();
  return new Type(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength / Type.BYTES_PER_ELEMENT) as InstanceType<(typeof ARRAY_TYPES)[T]>;
}

export function loadWorld(dir: string, meta: CacheMeta): { world: World; embeddings: Embeddings } {
  const arrays = Object.fromEntries(WORLD_ARRAYS.map((name) => [name, readArray(dir, name)])) as Pick<World, (typeof WORLD_ARRAYS)[number]>;
  const embeddings: Embeddings = {
    items: readArray(dir, 'retrievalItems'), users: readArray(dir, 'retrievalUsers'), interactions: readArray(dir, 'interactions'),
  };
  const { items, users } = meta.params;
  if (arrays.itemEmbedding.length !== items * DIM || embeddings.items.length !== items * DIM || embeddings.users.length !== users * DIM) {
    throw new Error('array files do not match the catalogue size');
  }
  return { world: { params: meta.params, dim: DIM, topics: TOPICS, creators: meta.creators, ...arrays }, embeddings };
}

/** Bytes the folder's files take. */
export function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}
