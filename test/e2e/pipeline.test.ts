import { mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// What the executable prints and caches does not depend on the world's size; the quality a 20k-video world reaches
// is test/unit/pipeline/system.test.ts's. A small world keeps the builds here quick.
const small = ['--items', '3000', '--users', '300', '--seed', '5'];
// One home for the file: the second run and the damaged-cache test use the world the first one cached.
let home: string;
const run = (...args: string[]) => runCli({ args: ['pipeline', ...args], env: { MLSD_HOME: home } });

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-pipeline-cmd-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('mlsd pipeline (the built executable)', () => {
  let json: Record<string, any>;
  let second: Record<string, any>;

  beforeAll(async () => {
    const first = await run(...small, '--requests', '60', '--json');
    expect(first.stderr).toBe('');
    json = JSON.parse(first.stdout);
    second = JSON.parse((await run(...small, '--requests', '60', '--json')).stdout);
  });

  it('prints exactly the contract shape with --json', () => {
    expect(json.params).toMatchObject({ items: 3000, users: 300, requests: 60, seed: 5, budgetMs: 100 });
    expect(json.stages.map((s: { id: string }) => s.id)).toEqual(['feature-store', 'candidate-generation', 'ranking', 'reranking']);
    for (const s of json.stages) for (const k of ['in', 'out', 'p50Ms', 'p95Ms', 'p99Ms']) expect(typeof s[k]).toBe('number');
    expect(json.stages[1].in).toBe(3000);
    expect(Object.keys(json.total).sort()).toEqual(['p50Ms', 'p95Ms', 'p99Ms']);
    expect(typeof json.withinBudget).toBe('boolean');
    expect(typeof json.exactRetrieval.p50Ms).toBe('number');
    expect(typeof json.exactRetrieval.p99Ms).toBe('number');
    for (const k of ['retrievalRecall', 'ndcgAt10', 'intraListDiversity', 'coverage']) expect(typeof json.quality[k]).toBe('number');
    expect(typeof json.quality.baselines.popularity.ndcgAt10).toBe('number');
    expect(typeof json.quality.baselines.random.ndcgAt10).toBe('number');
    expect(json.build).toMatchObject({ cached: false });
    expect(typeof json.build.seconds).toBe('number');
  });

  it('reuses the cached world on the second run and gets the same quality', () => {
    expect(second.build.cached).toBe(true);
    expect(second.quality.ndcgAt10).toBe(json.quality.ndcgAt10);
    expect(second.quality.retrievalRecall).toBe(json.quality.retrievalRecall);
    expect(readdirSync(join(home, 'cache')).filter((d) => d.startsWith('pipeline-'))).toHaveLength(1);
  });

  it('prints the funnel table, the exact-scan ratio and the quality lines for people', async () => {
    const r = await run(...small, '--requests', '30', '--feed', '8');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/world: 3,000 videos · 300 users · seed 5 \(cached/);
    expect(r.stdout).toMatch(/candidate-generation\s+3,000 → 500/);
    expect(r.stdout).toMatch(/reranking\s+50 → 8/);
    expect(r.stdout).toMatch(/end to end +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+%\n (within budget: p99 [\d.]+ ms is|over budget: p99)/);
    // Prose is word-wrapped to the terminal (80 columns in a pipe), so any space may be a line break.
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(/candidate generation is [\d.]+× faster at p50|the exact scan is still faster at this size/);
    expect(flat).toMatch(/its ANN finds [\d.]+ of the exact top [\d,]+/);
    expect(flat).toMatch(/NDCG@10 [\d.]+ · popularity [\d.]+ · random [\d.]+/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    // Not a terminal: laid out for 80 columns.
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('traces one request with --explain', async () => {
    const r = await run(...small, '--explain', '17');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/one request for user 17/);
    expect(r.stdout).toMatch(/top interests: topic \d+/);
    expect(r.stdout.split('\n').filter((l) => /^\s+\d+\s+v\d+/.test(l))).toHaveLength(10);
    expect(r.stdout).toMatch(/^ +# +video +p\(click\) +source +topic .*why$/m);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('sweeps a knob: one point per value, in the order given, with --json', async () => {
    const r = await run(...small, '--requests', '30', '--sweep', 'candidates=300,100', '--json');
    expect(r.status).toBe(0);
    const sweep = JSON.parse(r.stdout);
    expect(sweep.knob).toBe('candidates');
    expect(sweep.points.map((p: { value: number }) => p.value)).toEqual([300, 100]);
    for (const p of sweep.points) for (const k of ['retrievalRecall', 'ndcgAt10', 'intraListDiversity', 'p50Ms', 'p99Ms']) expect(typeof p[k]).toBe('number');
  });

  it('prints a sweep as a table, a chart and one sentence on what the curve shows', async () => {
    const r = await run(...small, '--requests', '30', '--sweep', 'diversity=1,0.5');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ +diversity +recall +NDCG@10 .*p99 ms$/m);
    expect(r.stdout).toMatch(/[┤┼]/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/From λ 1 to 0\.5, topics in the feed go [\d.]+ → [\d.]+ while NDCG@10 goes/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('keeps benchmark targets and the colour legend out of plain output', async () => {
    const r = await run(...small, '--requests', '30');
    expect(r.stdout).not.toMatch(/targets|✗|✓/);
    const explained = await run(...small, '--explain', '2');
    expect(explained.stdout).not.toMatch(/green topic/);
    expect(explained.stdout).toMatch(/why each video is there/);
    expect(explained.stdout).toMatch(/topics of the ranker's top 10: .*\n.*topics of the feed after re-ranking:/);
  });

  // One usage error as a process; every other one is checked in-process (test/commands/pipeline.test.ts).
  it('exits 2 with one clear line for a bad option', async () => {
    const r = await run(...small, '--explain', '300');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--explain takes a user id from 0 to 299/);
    expect(r.stdout).toBe('');
  });
});

describe('a damaged cache', () => {
  it('is rebuilt with one line saying so, and --no-cache rebuilds a healthy one', async () => {
    const dir = readdirSync(join(home, 'cache')).find((d) => d.startsWith('pipeline-'))!;
    truncateSync(join(home, 'cache', dir, 'itemEmbedding.bin'), 1000);
    const repaired = await run(...small, '--requests', '5', '--json');
    expect(repaired.status).toBe(0);
    expect(repaired.stderr).toMatch(/cached world in .* is damaged \(itemEmbedding\.bin does not match the checksum .*\); rebuilding it/);
    expect(JSON.parse(repaired.stdout).build.cached).toBe(false);
    const rebuilt = await run(...small, '--requests', '5', '--no-cache', '--json');
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(rebuilt.stdout).build.cached).toBe(false);
  }, 120_000);
});
