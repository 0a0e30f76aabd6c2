import { Chalk } from 'chalk';
import type { PipelineReport } from '../pipeline/report.js';
import type { Served } from '../pipeline/serve.js';
import type { World } from '../pipeline/world.js';

export interface ViewOptions {
  color: boolean;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pct = (n: number) => `${(n * 100).toFixed(n < 0.1 ? 1 : 0)}%`;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - visible(s).length));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - visible(s).length)) + s;
// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** Glyphs differ per stage so the budget bar reads without colour. */
const STAGE_GLYPH: Record<string, string> = { 'feature-store': '▒', 'candidate-generation': '▓', ranking: '█', reranking: '░' };
const BAR_WIDTH = 40;

function budgetBar(report: PipelineReport, c: InstanceType<typeof Chalk>): string {
  const colours = [c.cyan, c.magenta, c.blue, c.yellow];
  const budget = report.params.budgetMs;
  let cells = 0;
  const parts = report.stages.map((s, i) => {
    const n = s.p99Ms > 0 ? Math.max(1, Math.round((s.p99Ms / budget) * BAR_WIDTH)) : 0;
    cells += n;
    return colours[i % colours.length]!((STAGE_GLYPH[s.id] ?? '█').repeat(n));
  });
  const rest = c.dim('·'.repeat(Math.max(0, BAR_WIDTH - cells)));
  const legend = report.stages.map((s) => `${STAGE_GLYPH[s.id]} ${s.id}`).join('  ');
  return ` budget  ${parts.join('')}${rest}  ${fmt(budget)} ms at p99\n         ${c.dim(legend)}\n`;
}

function check(c: InstanceType<typeof Chalk>, ok: boolean, text: string): string {
  return ok ? c.green(`✓ ${text}`) : c.red(`✗ ${text}`);
}

/** The funnel table, budget bar, exact-scan comparison, quality and target checks. */
export function renderPipeline(r: PipelineReport, options: ViewOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const source = r.build.cached ? `cached, loaded in ${r.build.seconds.toFixed(1)} s` : `built in ${r.build.seconds.toFixed(1)} s, cached for next time`;
  lines.push(` world: ${fmt(r.params.items)} videos · ${fmt(r.params.users)} users · seed ${r.params.seed} (${source})`);
  lines.push(c.dim(` ${fmt(r.world.creators)} creators · views Gini ${r.world.viewsGini.toFixed(2)} · ${fmt(r.params.requests)} timed requests after warm-up · budget ${fmt(r.params.budgetMs)} ms`));
  lines.push('');
  const header = ` ${pad('stage', 22)} ${pad('in → out', 20)} ${padStart('p50', 7)} ${padStart('p95', 7)} ${padStart('p99', 7)}   budget (p99)`;
  lines.push(c.bold(header));
  for (const s of r.stages) {
    const flow = s.id === 'feature-store' ? '1 user' : `${fmt(s.in)} → ${fmt(s.out)}`;
    const share = s.p99Ms / r.params.budgetMs;
    lines.push(` ${pad(s.id, 22)} ${pad(flow, 20)} ${padStart(ms(s.p50Ms), 7)} ${padStart(ms(s.p95Ms), 7)} ${padStart(ms(s.p99Ms), 7)}   ${pct(share)}`);
  }
  const totalShare = r.total.p99Ms / r.params.budgetMs;
  const verdict = r.withinBudget
    ? c.green(`within budget (${pct(totalShare)})`)
    : c.red(`over budget: p99 ${ms(r.total.p99Ms)} ms > ${fmt(r.params.budgetMs)} ms`);
  lines.push(c.bold(` ${pad('end to end', 22)} ${pad('', 20)} ${padStart(ms(r.total.p50Ms), 7)} ${padStart(ms(r.total.p95Ms), 7)} ${padStart(ms(r.total.p99Ms), 7)}`) + `   ${verdict}`);
  lines.push(c.dim(' times in ms, measured per request'));
  lines.push('');
  lines.push(budgetBar(r, c));

  const cg = r.stages.find((s) => s.id === 'candidate-generation')!;
  const speedup = cg.p50Ms > 0 ? r.exactRetrieval.p50Ms / cg.p50Ms : 0;
  const q = r.quality;
  lines.push(` exact scan of ${fmt(r.params.items)} (SIMD brute force, 1 thread): p50 ${ms(r.exactRetrieval.p50Ms)} ms, p99 ${ms(r.exactRetrieval.p99Ms)} ms`);
  const plain = r.exactRetrievalPlainJs;
  lines.push(c.dim(`   the same scan in plain JavaScript: p50 ${ms(plain.p50Ms)} ms (${plain.users} users), ${(cg.p50Ms > 0 ? plain.p50Ms / cg.p50Ms : 0).toFixed(1)}× candidate generation's p50`));
  const versus = speedup >= 1
    ? `candidate generation is ${c.bold(`${speedup.toFixed(1)}×`)} faster at p50`
    : `the exact scan is still faster at this size (candidate generation p50 ${ms(cg.p50Ms)} ms)`;
  lines.push(`   → ${versus}; its ANN finds ${c.bold(q.retrievalRecall.toFixed(3))} of the exact top ${fmt(r.exactRetrieval.k)}`);
  const src = r.perSource;
  lines.push(c.dim(`   candidates per request: embedding ${fmt(src.embedding)} · followed creators ${fmt(src.followed)} · fresh ${fmt(src.fresh)} · popular ${fmt(src.popular)}`));
  lines.push('');
  const popRatio = q.baselines.popularity.ndcgAt10 > 0 ? q.ndcgAt10 / q.baselines.popularity.ndcgAt10 : Infinity;
  lines.push(` quality against the hidden ground truth (${q.evaluatedUsers} users): NDCG@10 ${c.bold(q.ndcgAt10.toFixed(3))} · popularity ${q.baselines.popularity.ndcgAt10.toFixed(3)} · random ${q.baselines.random.ndcgAt10.toFixed(3)}`);
  const cost = q.beforeReranking.ndcgAt10 > 0 ? 1 - q.ndcgAt10 / q.beforeReranking.ndcgAt10 : 0;
  lines.push(` re-ranking (λ ${r.params.diversity}): diversity ${q.beforeReranking.intraListDiversity.toFixed(3)} → ${q.intraListDiversity.toFixed(3)} for ${cost >= 0 ? '−' : '+'}${(Math.abs(cost) * 100).toFixed(1)}% NDCG · coverage ${pct(q.beforeReranking.coverage)} → ${pct(q.coverage)} of the catalogue`);
  lines.push(` ranker on held-out logs: AUC ${r.ranker.rankerAuc.toFixed(3)} · popularity ${r.ranker.popularityAuc.toFixed(3)} · random ${r.ranker.randomAuc.toFixed(3)}`);
  if (isDefaultFunnel(r)) lines.push('', targetsLine(r, c, speedup, popRatio, cost));
  lines.push(c.dim(' try: --candidates 2000 (a wider funnel) · --diversity 0.5 · --explain (one request traced) · --json'));
  return `${lines.join('\n')}\n`;
}

/** The benchmark targets apply to the default world and funnel; what-if runs are free to miss them. */
function isDefaultFunnel(r: PipelineReport): boolean {
  const p = r.params;
  return p.items === 1_000_000 && p.users === 100_000 && p.candidates === 500 && p.ranked === 50 && p.feed === 10 && p.diversity === 0.8;
}

function targetsLine(r: PipelineReport, c: InstanceType<typeof Chalk>, speedup: number, popRatio: number, cost: number): string {
  const q = r.quality;
  const e2eOk = r.total.p99Ms <= r.params.budgetMs / 4;
  return ' targets  ' + [
    check(c, e2eOk, `p99 ≤ ¼ budget`),
    check(c, q.retrievalRecall >= 0.95, 'recall ≥ 0.95'),
    check(c, speedup >= 20, `exact ≥ 20× slower (${speedup.toFixed(1)}×)`),
    check(c, popRatio >= 2, `NDCG ≥ 2× popularity (${popRatio.toFixed(1)}×)`),
    check(c, q.intraListDiversity > q.beforeReranking.intraListDiversity && cost <= 0.05, 'diversity up for ≤ 5% NDCG'),
  ].join('  ');
}

function topInterests(served: Served, n: number): Array<{ topic: number; share: number }> {
  return Array.from(served.user.topicShare, (share, topic) => ({ topic, share }))
    .filter((t) => t.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, n);
}

export function explainJson(served: Served) {
  return {
    user: served.user.id,
    historyLength: served.user.history.length,
    follows: Array.from(served.user.follows),
    interests: topInterests(served, 3),
    perSource: served.candidates.perSource,
    stages: served.stages,
    totalMs: served.totalMs,
    feed: served.feed.map((f) => ({
      id: f.video.id, score: f.score, source: served.candidates.source.get(f.video.id), topic: f.video.topic,
      creator: f.video.creator, ageDays: f.video.ageDays, views: f.video.views, reasons: f.reasons,
    })),
  };
}

/** One request traced: who the user is, where candidates came from, and why each feed item is there. */
export function renderExplain(served: Served, world: World, options: ViewOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const u = served.user;
  const lines: string[] = [];
  lines.push(c.bold(` one request for user ${u.id}`) + c.dim(` · ${fmt(world.params.items)} videos · seed ${world.params.seed}`));
  lines.push(` history ${u.history.length} videos · follows ${u.follows.length} creator${u.follows.length === 1 ? '' : 's'}${u.follows.length ? ` (${Array.from(u.follows).map((x) => `c${x}`).join(', ')})` : ''}`);
  lines.push(` top interests: ${topInterests(served, 3).map((t) => `topic ${t.topic} (${pct(t.share)})`).join(', ')}`);
  lines.push('');
  for (const s of served.stages) {
    const flow = s.id === 'feature-store' ? 'user row + history' : `${fmt(s.in)} → ${fmt(s.out)}`;
    lines.push(` ${pad(s.id, 22)} ${pad(flow, 22)} ${padStart(ms(s.ms), 7)} ms`);
  }
  lines.push(` ${pad('end to end', 22)} ${pad('', 22)} ${padStart(ms(served.totalMs), 7)} ms`);
  const ps = served.candidates.perSource;
  lines.push(c.dim(` candidates: embedding ANN ${ps.embedding} · followed creators ${ps.followed} · fresh ${ps.fresh} · popular ${ps.popular} (watched videos filtered out)`));
  lines.push('');
  lines.push(c.bold(` ${padStart('#', 3)}  ${pad('video', 9)} ${padStart('p(click)', 8)}  ${pad('source', 10)} ${pad('topic', 6)} ${pad('creator', 8)} ${padStart('age', 6)} ${padStart('views', 10)}  why`));
  served.feed.forEach((f, i) => {
    const v = f.video;
    const from = served.candidates.source.get(v.id) ?? '?';
    const interest = (u.topicShare[v.topic] ?? 0) > 0 ? c.green(`t${v.topic}`) : c.yellow(`t${v.topic}`);
    lines.push(` ${padStart(String(i + 1), 3)}  ${pad(`v${v.id}`, 9)} ${padStart(f.score.toFixed(3), 8)}  ${pad(from, 10)} ${pad(interest, 6)} ${pad(`c${v.creator}`, 8)} ${padStart(`${v.ageDays.toFixed(0)}d`, 6)} ${padStart(fmt(v.views), 10)}  ${c.dim(f.reasons.join(', '))}`);
  });
  lines.push(c.dim(' green topic = one the user has watched before; yellow = a new one'));
  return `${lines.join('\n')}\n`;
}
