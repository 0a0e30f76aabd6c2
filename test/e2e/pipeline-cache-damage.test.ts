import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'mlsd.js');
const tiny = ['--items', '3000', '--users', '300', '--seed', '9', '--requests', '20'];
let home: string;

const runIn = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, 'pipeline', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MLSD_HOME: dir } });
const run = (...args: string[]) => runIn(home, ...args);

const worldDirs = () => (existsSync(join(home, 'cache')) ? readdirSync(join(home, 'cache')) : []);

function cachedFile(name: string): string {
  const [dir] = worldDirs().filter((d) => d.startsWith('pipeline-'));
  return join(home, 'cache', dir!, name);
}

/** Overwrites `length` bytes in the middle of a file with random ones; the size stays the same. */
function scribble(file: string, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(length), 0, length, Math.floor(statSync(file).size / 2) - Math.floor(length / 2));
  } finally {
    closeSync(fd);
  }
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

// One first run for the file: its notice is checked below, and each damage test starts from a copy of its cache.
let built: string;
let firstRun: ReturnType<typeof runIn>;
let healthy: { quality: { ndcgAt10: number } };
beforeAll(() => {
  built = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  firstRun = runIn(built, ...tiny);
  const cached = runIn(built, ...tiny, '--json');
  expect(cached.status).toBe(0);
  healthy = JSON.parse(cached.stdout);
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('a damaged cache is detected and rebuilt', () => {
  it.each([
    ['an index cut to half its size', () => truncateSync(cachedFile('index.usearch'), Math.floor(statSync(cachedFile('index.usearch')).size / 2))],
    ['random bytes in the index', () => scribble(cachedFile('index.usearch'), 64 * 1024)],
    ['random bytes in the feature store', () => scribble(cachedFile('features.db'), 64 * 1024)],
    ['an embeddings file replaced by random bytes of the same size', () => scribble(cachedFile('itemEmbedding.bin'), statSync(cachedFile('itemEmbedding.bin')).size)],
  ])('%s', (_name, damage) => {
    cpSync(join(built, 'cache'), join(home, 'cache'), { recursive: true });
    damage();
    const again = run(...tiny, '--json');
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/damaged/);
    expect(again.stderr).toMatch(/rebuil/);
    const repaired = JSON.parse(again.stdout);
    expect(repaired.build.cached).toBe(false);
    expect(repaired.quality.ndcgAt10).toBeCloseTo(healthy.quality.ndcgAt10, 1);
    // The next run uses the rebuilt cache without complaint.
    const third = run(...tiny, '--json');
    expect(third.stderr).toBe('');
    expect(JSON.parse(third.stdout).build.cached).toBe(true);
  }, 60_000);
});

describe('the first run', () => {
  it('says up front what it builds, about how long it takes and how much disk it needs', () => {
    expect(firstRun.status).toBe(0);
    const notice = firstRun.stderr.replace(/\s+/g, ' ');
    expect(notice).toMatch(/First run for this world: simulating 3,000 videos and 300 users/);
    expect(notice).toMatch(/About \d+ (s|min) on this machine/);
    expect(notice).toContain(`MB of disk in ${join(built, 'cache')}`);
    expect(runIn(built, ...tiny).stderr).toBe('');
  }, 60_000);
});

describe('Ctrl-C during the first build', () => {
  it('leaves no partial cache behind', async () => {
    const child = spawn(process.execPath, [bin, 'pipeline', '--items', '200000', '--users', '20000', '--requests', '5'], {
      env: { ...process.env, NO_COLOR: '1', MLSD_HOME: home },
      stdio: 'ignore',
    });
    try {
      // Wait until the build has made its folder, then interrupt it.
      const started = Date.now();
      while (worldDirs().length === 0) {
        if (Date.now() - started > 60_000) throw new Error('the build never started writing');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 1000));
      const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(code ?? (signal ? -1 : null))));
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(130);
      expect(worldDirs()).toEqual([]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
