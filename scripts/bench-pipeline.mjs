#!/usr/bin/env node
// Measures `mlsd pipeline` against its targets (issues 4 and 11): a first run from nothing (world, logs,
// embedding training, ranker, feature store, index), a cached run, and a scaling table at 100k / 300k / 1M
// videos. Every figure printed here is measured in this run. The targets live here, not in the user's output.
// Usage: npm run bench:pipeline [-- --items 1000000 --users 100000 --requests 1000 --scale 100000,300000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '1000000' },
    users: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '1000' },
    scale: { type: 'string', default: '100000,300000' },
  },
});
const bin = join(import.meta.dirname, '..', 'bin', 'mlsd.js');
const homes = [];

function run(home, args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, 'pipeline', '--json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MLSD_HOME: home, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`mlsd pipeline ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ...JSON.parse(r.stdout), wallSeconds };
}

function freshHome() {
  const home = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
  homes.push(home);
  return home;
}

const f = (n, d = 1) => n.toFixed(d);
// Where a run's time goes after loading or building (fields added in issue 11; absent from older builds).
const split = (r, sep) => (r.seconds ? `${sep}requests ${f(r.seconds.requests)} s, evaluation ${f(r.seconds.evaluation)} s` : '');
const stage = (r, id) => r.stages.find((s) => s.id === id);

try {
  const base = ['--users', values.users, '--requests', values.requests];
  const home = freshHome();
  console.log(`first run from nothing: ${Number(values.items).toLocaleString('en-US')} videos, ${Number(values.users).toLocaleString('en-US')} users, ${values.requests} requests`);
  const first = run(home, ['--items', values.items, ...base]);
  console.log(`  wall ${f(first.wallSeconds)} s (build ${f(first.build.seconds)} s: ${Object.entries(first.build.steps).map(([k, v]) => `${k} ${f(v)}`).join(', ')}${split(first, '; then ')}) · peak RSS ${f(first.process.peakRssMb, 0)} MB`);
  const cached = run(home, ['--items', values.items, ...base]);
  console.log(`  cache ${f(first.build.cacheBytes / 1e6, 0)} MB in ${first.build.cacheDir} · embeddings trained on ${first.embeddings.trainingPairs.toLocaleString('en-US')} watches and clicks`);
  console.log(`cached run: wall ${f(cached.wallSeconds)} s (load ${f(cached.build.seconds)} s${split(cached, ', ')}) · peak RSS ${f(cached.process.peakRssMb, 0)} MB`);

  const r = cached;
  const cg = stage(r, 'candidate-generation');
  const speedup = r.exactRetrieval.p50Ms / cg.p50Ms;
  const q = r.quality;
  const cost = 1 - q.ndcgAt10 / q.beforeReranking.ndcgAt10;
  console.log('\nstages of the cached run (ms):');
  for (const s of r.stages) console.log(`  ${s.id.padEnd(22)} ${String(s.in).padStart(8)} → ${String(s.out).padEnd(5)} p50 ${f(s.p50Ms, 2)}  p95 ${f(s.p95Ms, 2)}  p99 ${f(s.p99Ms, 2)}`);
  console.log(`  ${'end to end'.padEnd(39)} p50 ${f(r.total.p50Ms, 2)}  p95 ${f(r.total.p95Ms, 2)}  p99 ${f(r.total.p99Ms, 2)}`);
  console.log(`  exact scan p50 ${f(r.exactRetrieval.p50Ms, 2)} p99 ${f(r.exactRetrieval.p99Ms, 2)} (top ${r.exactRetrieval.k}, timed on ${r.exactRetrieval.users ?? q.evaluatedUsers} users): ${f(speedup)}× candidate generation's p50 (no target: a property of the catalogue's size and dimension)`);
  console.log(`  plain-JavaScript scan p50 ${f(r.exactRetrievalPlainJs.p50Ms, 2)} (${r.exactRetrievalPlainJs.users} users) · quality below scored on ${q.evaluatedUsers} users`);
  console.log(`  NDCG@10: learned ${f(q.ndcgAt10, 3)} · oracle ${f(q.baselines.oracle.ndcgAt10, 3)} · popularity ${f(q.baselines.popularity.ndcgAt10, 3)} · random ${f(q.baselines.random.ndcgAt10, 3)}`);
  console.log(`  recall: index vs exact scan ${f(q.retrievalRecall, 3)} · learned embeddings vs truth ${f(q.modelRecall, 3)}`);
  for (const [name, sgm] of Object.entries(q.segments)) console.log(`  ${name} videos (${f(sgm.share * 100)}% of the catalogue): NDCG@10 ${f(sgm.ndcgAt10, 3)} in retrieval order, recall vs truth ${f(sgm.recallVsTruth, 3)}`);

  const peak = Math.max(first.process.peakRssMb, cached.process.peakRssMb);
  const popRatio = q.ndcgAt10 / q.baselines.popularity.ndcgAt10;
  const targets = [
    ['first run ≤ 150 s (with embedding training)', first.wallSeconds <= 150, `${f(first.wallSeconds)} s`],
    ['cached run ≤ 15 s', cached.wallSeconds <= 15, `${f(cached.wallSeconds)} s`],
    ['peak memory ≤ 3 GB', peak <= 3072, `${f(peak, 0)} MB`],
    ['end-to-end p99 ≤ 25 ms', r.total.p99Ms <= 25, `${f(r.total.p99Ms, 2)} ms`],
    ['index recall ≥ 0.95 vs exact scan, same embeddings', q.retrievalRecall >= 0.95, f(q.retrievalRecall, 3)],
    ['learned NDCG@10 ≥ 3× popularity', popRatio >= 3, `${f(q.ndcgAt10, 3)} vs ${f(q.baselines.popularity.ndcgAt10, 3)} (${f(popRatio)}×; oracle ${f(q.baselines.oracle.ndcgAt10, 3)})`],
    ['re-ranking raises topic diversity for ≤ 5% NDCG', q.topicDiversity > q.beforeReranking.topicDiversity && cost <= 0.05,
      `topics ${f(q.beforeReranking.topicDiversity)} → ${f(q.topicDiversity)}, ILD ${f(q.beforeReranking.intraListDiversity, 3)} → ${f(q.intraListDiversity, 3)}, NDCG −${f(cost * 100)}%`],
  ];
  console.log('\ntargets:');
  for (const [name, ok, figure] of targets) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${name.padEnd(52)} ${figure}`);

  const scale = values.scale.split(',').filter(Boolean).map(Number);
  const rows = scale.map((items) => {
    const h = freshHome();
    const out = run(h, ['--items', String(items), ...base]);
    rmSync(h, { recursive: true, force: true });
    return [items, out];
  });
  rows.push([Number(values.items), first]);
  console.log('\nscaling (each row is a first run from nothing; latencies from its timed requests):');
  console.log('  videos      build s  index s  store s   e2e p50  e2e p99  cand p50  exact p50  recall  NDCG@10  peak RSS MB');
  for (const [items, o] of rows) {
    console.log(`  ${items.toLocaleString('en-US').padEnd(10)} ${f(o.build.buildSeconds).padStart(7)} ${f(o.build.steps.index).padStart(8)} ${f(o.build.steps.featureStore).padStart(8)} ${f(o.total.p50Ms, 2).padStart(9)} ${f(o.total.p99Ms, 2).padStart(8)} ${f(stage(o, 'candidate-generation').p50Ms, 2).padStart(9)} ${f(o.exactRetrieval.p50Ms, 2).padStart(10)} ${f(o.quality.retrievalRecall, 3).padStart(7)} ${f(o.quality.ndcgAt10, 3).padStart(8)} ${f(o.process.peakRssMb, 0).padStart(12)}`);
  }
} finally {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
}
