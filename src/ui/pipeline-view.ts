import { Chalk } from 'chalk';
import type { PipelineReport } from '../pipeline/report.js';
import type { Served } from '../pipeline/serve.js';
import type { World } from '../pipeline/world.js';
import { flow, piece, visibleLength, wrap } from './text.js';

export interface ViewOptions {
  color: boolean;
  /** Columns to fit; the funnel table drops p95, then the budget share, before it would wrap. */
  width?: number;
}

type Paint = (s: string) => string;
const plain: Paint = (x) => x;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pct = (n: number) => `${(n * 100).toFixed(n < 0.1 ? 1 : 0)}%`;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - visibleLength(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - visibleLength(s))) + s;

/** Glyphs differ per stage so the budget bar reads without colour. */
const STAGE_GLYPH: Record<string, string> = { 'feature-store': '▒', 'candidate-generation': '▓', ranking: '█', reranking: '░' };
const MAX_BAR = 40;
const MIN_BAR = 10;

/** Word-wrapped lines with a hanging indent, each painted on its own so colour never spans a line break. */
function say(text: string, width: number, first: string, rest: string, paint: Paint = plain): string[] {
  return wrap(text, width, first, rest).split('\n').map((l) => paint(l));
}

function budgetBar(report: PipelineReport, c: InstanceType<typeof Chalk>, width: number): string[] {
  const colours = [c.cyan, c.magenta, c.blue, c.yellow];
  const budget = report.params.budgetMs;
  const label = ` ${fmt(budget)} ms at p99`;
  const cellsWide = Math.max(MIN_BAR, Math.min(MAX_BAR, width - 9 - label.length - 1));
  let cells = 0;
  const parts = report.stages.map((s, i) => {
    const n = s.p99Ms > 0 ? Math.max(1, Math.round((s.p99Ms / budget) * cellsWide)) : 0;
    cells += n;
    return colours[i % colours.length]!((STAGE_GLYPH[s.id] ?? '█').repeat(n));
  });
  const rest = c.dim('·'.repeat(Math.max(0, cellsWide - cells)));
  const legend = report.stages.map((s) => piece(`${STAGE_GLYPH[s.id]} ${s.id}`, c.dim));
  return [` budget  ${parts.join('')}${rest} ${label}`, ...flow(legend, width, '         ', '         ', '  ')];
}

function check(c: InstanceType<typeof Chalk>, ok: boolean, text: string): string {
  return ok ? c.green(`✓ ${text}`) : c.red(`✗ ${text}`);
}

interface Column {
  head: string;
  cells: string[];
  right: boolean;
}

/** A header line and one line per row, each column padded to its widest cell. */
function renderTable(cols: readonly Column[], rowCount: number): string[] {
  const widths = cols.map((col) => Math.max(visibleLength(col.head), ...col.cells.map(visibleLength)));
  const line = (cells: string[]) => ` ${cells.map((cell, i) => (cols[i]!.right ? padStart(cell, widths[i]!) : pad(cell, widths[i]!))).join('  ')}`.trimEnd();
  return [line(cols.map((col) => col.head)), ...Array.from({ length: rowCount }, (_, ri) => line(cols.map((col) => col.cells[ri]!)))];
}

/** The first layout (a list of column names) whose every line fits the width, or undefined. */
function fitTable(all: Record<string, Column>, rowCount: number, layouts: readonly string[][], width: number): string[] | undefined {
  return layouts
    .map((names) => renderTable(names.map((n) => all[n]!), rowCount))
    .find((t) => t.every((l) => visibleLength(l) <= width));
}

/** The funnel table: all columns, then without p95, then without the budget share, whichever fits. */
function funnelTable(r: PipelineReport, width: number): string[] {
  const rows = [
    ...r.stages.map((s) => ({ ...s, flow: s.id === 'feature-store' ? '1 user' : `${fmt(s.in)} → ${fmt(s.out)}` })),
    { ...r.total, id: 'end to end', flow: '' },
  ];
  const all: Record<string, Column> = {
    stage: { head: 'stage', cells: rows.map((x) => x.id), right: false },
    flow: { head: 'in → out', cells: rows.map((x) => x.flow), right: false },
    p50: { head: 'p50', cells: rows.map((x) => ms(x.p50Ms)), right: true },
    p95: { head: 'p95', cells: rows.map((x) => ms(x.p95Ms)), right: true },
    p99: { head: 'p99', cells: rows.map((x) => ms(x.p99Ms)), right: true },
    share: { head: 'of budget', cells: rows.map((x) => pct(x.p99Ms / r.params.budgetMs)), right: false },
  };
  const narrowest = ['stage', 'flow', 'p50', 'p99'];
  const layouts = [['stage', 'flow', 'p50', 'p95', 'p99', 'share'], ['stage', 'flow', 'p50', 'p99', 'share'], narrowest];
  return fitTable(all, rows.length, layouts, width) ?? renderTable(narrowest.map((n) => all[n]!), rows.length);
}

/** The funnel table, budget bar, exact-scan comparison, quality and target checks. */
export function renderPipeline(r: PipelineReport, options: ViewOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const lines: string[] = [];
  const top = (text: string, paint: Paint = plain) => lines.push(...say(text, width, ' ', '   ', paint));
  const sub = (text: string, paint: Paint = plain) => lines.push(...say(text, width, '   ', '     ', paint));
  const source = r.build.cached ? `cached, loaded in ${r.build.seconds.toFixed(1)} s` : `built in ${r.build.seconds.toFixed(1)} s, cached for next time`;
  top(`world: ${fmt(r.params.items)} videos · ${fmt(r.params.users)} users · seed ${r.params.seed} (${source})`);
  top(`${fmt(r.world.creators)} creators · views Gini ${r.world.viewsGini.toFixed(2)} · ${fmt(r.params.requests)} timed requests after warm-up · budget ${fmt(r.params.budgetMs)} ms`, c.dim);
  lines.push('');
  const [header, ...body] = funnelTable(r, width);
  lines.push(c.bold(header!), ...body.slice(0, -1), c.bold(body[body.length - 1]!));
  const totalShare = r.total.p99Ms / r.params.budgetMs;
  if (r.withinBudget) top(`within budget: p99 ${ms(r.total.p99Ms)} ms is ${pct(totalShare)} of ${fmt(r.params.budgetMs)} ms`, c.green);
  else top(`over budget: p99 ${ms(r.total.p99Ms)} ms > ${fmt(r.params.budgetMs)} ms`, c.red);
  top('times in ms, measured per request', c.dim);
  lines.push('', ...budgetBar(r, c, width), '');

  const cg = r.stages.find((s) => s.id === 'candidate-generation')!;
  const speedup = cg.p50Ms > 0 ? r.exactRetrieval.p50Ms / cg.p50Ms : 0;
  const q = r.quality;
  top(`exact scan of ${fmt(r.params.items)} (SIMD brute force, 1 thread): p50 ${ms(r.exactRetrieval.p50Ms)} ms, p99 ${ms(r.exactRetrieval.p99Ms)} ms`);
  const plainJs = r.exactRetrievalPlainJs;
  sub(`the same scan in plain JavaScript: p50 ${ms(plainJs.p50Ms)} ms (${plainJs.users} users), ${(cg.p50Ms > 0 ? plainJs.p50Ms / cg.p50Ms : 0).toFixed(1)}× candidate generation's p50`, c.dim);
  const versus = speedup >= 1
    ? `candidate generation is ${c.bold(`${speedup.toFixed(1)}×`)} faster at p50`
    : `the exact scan is still faster at this size (candidate generation p50 ${ms(cg.p50Ms)} ms)`;
  sub(`→ ${versus}; its ANN finds ${c.bold(q.retrievalRecall.toFixed(3))} of the exact top ${fmt(r.exactRetrieval.k)}`);
  const src = r.perSource;
  sub(`candidates per request: embedding ${fmt(src.embedding)} · followed creators ${fmt(src.followed)} · fresh ${fmt(src.fresh)} · popular ${fmt(src.popular)}`, c.dim);
  lines.push('');
  const popRatio = q.baselines.popularity.ndcgAt10 > 0 ? q.ndcgAt10 / q.baselines.popularity.ndcgAt10 : Infinity;
  top(`quality against the hidden ground truth (${q.evaluatedUsers} users): NDCG@10 ${c.bold(q.ndcgAt10.toFixed(3))} · popularity ${q.baselines.popularity.ndcgAt10.toFixed(3)} · random ${q.baselines.random.ndcgAt10.toFixed(3)}`);
  const cost = q.beforeReranking.ndcgAt10 > 0 ? 1 - q.ndcgAt10 / q.beforeReranking.ndcgAt10 : 0;
  top(`re-ranking (λ ${r.params.diversity}): diversity ${q.beforeReranking.intraListDiversity.toFixed(3)} → ${q.intraListDiversity.toFixed(3)} for ${cost >= 0 ? '−' : '+'}${(Math.abs(cost) * 100).toFixed(1)}% NDCG · coverage ${pct(q.beforeReranking.coverage)} → ${pct(q.coverage)} of the catalogue`);
  top(`ranker on held-out logs: AUC ${r.ranker.rankerAuc.toFixed(3)} · popularity ${r.ranker.popularityAuc.toFixed(3)} · random ${r.ranker.randomAuc.toFixed(3)}`);
  if (isDefaultFunnel(r)) lines.push('', ...targetsLines(r, c, speedup, popRatio, cost, width));
  top('try: --candidates 2000 (a wider funnel) · --diversity 0.5 · --explain (one request traced) · --json', c.dim);
  return `${lines.join('\n')}\n`;
}

/** The benchmark targets apply to the default world and funnel; what-if runs are free to miss them. */
function isDefaultFunnel(r: PipelineReport): boolean {
  const p = r.params;
  return p.items === 1_000_000 && p.users === 100_000 && p.candidates === 500 && p.ranked === 50 && p.feed === 10 && p.diversity === 0.8;
}

function targetsLines(r: PipelineReport, c: InstanceType<typeof Chalk>, speedup: number, popRatio: number, cost: number, width: number): string[] {
  const q = r.quality;
  const e2eOk = r.total.p99Ms <= r.params.budgetMs / 4;
  const verdicts: Array<[boolean, string]> = [
    [e2eOk, 'p99 ≤ ¼ budget'],
    [q.retrievalRecall >= 0.95, 'recall ≥ 0.95'],
    [speedup >= 20, `exact ≥ 20× slower (${speedup.toFixed(1)}×)`],
    [popRatio >= 2, `NDCG ≥ 2× popularity (${popRatio.toFixed(1)}×)`],
    [q.intraListDiversity > q.beforeReranking.intraListDiversity && cost <= 0.05, 'diversity up for ≤ 5% NDCG'],
  ];
  const pieces = verdicts.map(([ok, text]) => ({ plain: `${ok ? '✓' : '✗'} ${text}`, painted: check(c, ok, text) }));
  return flow(pieces, width, ' targets  ', '          ', '  ');
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
  const width = options.width ?? 80;
  const u = served.user;
  const lines: string[] = [];
  const top = (text: string, paint: Paint = plain) => lines.push(...say(text, width, ' ', '   ', paint));
  lines.push(c.bold(` one request for user ${u.id}`) + c.dim(` · ${fmt(world.params.items)} videos · seed ${world.params.seed}`));
  top(`history ${u.history.length} videos · follows ${u.follows.length} creator${u.follows.length === 1 ? '' : 's'}${u.follows.length ? ` (${Array.from(u.follows).map((x) => `c${x}`).join(', ')})` : ''}`);
  top(`top interests: ${topInterests(served, 3).map((t) => `topic ${t.topic} (${pct(t.share)})`).join(', ')}`);
  lines.push('');
  const stages = [...served.stages.map((s) => ({ id: s.id, flow: s.id === 'feature-store' ? 'user row + history' : `${fmt(s.in)} → ${fmt(s.out)}`, ms: s.ms })),
    { id: 'end to end', flow: '', ms: served.totalMs }];
  const stageCols: Column[] = [
    { head: 'stage', cells: stages.map((s) => s.id), right: false },
    { head: 'in → out', cells: stages.map((s) => s.flow), right: false },
    { head: 'ms', cells: stages.map((s) => `${ms(s.ms)} ms`), right: true },
  ];
  lines.push(...renderTable(stageCols, stages.length).slice(1));
  const ps = served.candidates.perSource;
  top(`candidates: embedding ANN ${ps.embedding} · followed creators ${ps.followed} · fresh ${ps.fresh} · popular ${ps.popular} (watched videos filtered out)`, c.dim);
  lines.push('');
  const feed = served.feed.map((f) => ({ f, v: f.video }));
  const why = feed.map(({ f }) => f.reasons.join(', '));
  const all: Record<string, Column> = {
    rank: { head: '#', cells: feed.map((_, i) => String(i + 1)), right: true },
    video: { head: 'video', cells: feed.map(({ v }) => `v${v.id}`), right: false },
    score: { head: 'p(click)', cells: feed.map(({ f }) => f.score.toFixed(3)), right: true },
    source: { head: 'source', cells: feed.map(({ v }) => served.candidates.source.get(v.id) ?? '?'), right: false },
    topic: { head: 'topic', cells: feed.map(({ v }) => ((u.topicShare[v.topic] ?? 0) > 0 ? c.green(`t${v.topic}`) : c.yellow(`t${v.topic}`))), right: false },
    creator: { head: 'creator', cells: feed.map(({ v }) => `c${v.creator}`), right: false },
    age: { head: 'age', cells: feed.map(({ v }) => `${v.ageDays.toFixed(0)}d`), right: true },
    views: { head: 'views', cells: feed.map(({ v }) => fmt(v.views)), right: true },
    why: { head: 'why', cells: why.map((w) => c.dim(w)), right: false },
  };
  // Fewer columns before "why" leaves its row; on a very narrow terminal "why" goes on its own line.
  const essential = ['rank', 'video', 'score', 'source', 'topic'];
  const inline = fitTable(all, feed.length, [
    [...essential, 'creator', 'age', 'views', 'why'],
    [...essential, 'creator', 'why'],
    [...essential, 'why'],
  ], width);
  const [head, ...rows] = inline ?? renderTable(essential.map((n) => all[n]!), feed.length);
  lines.push(c.bold(head!));
  rows.forEach((row, i) => lines.push(row, ...(inline ? [] : say(`why: ${why[i]}`, width, '      ', '        ', c.dim))));
  top('green topic = one the user has watched before; yellow = a new one', c.dim);
  return `${lines.join('\n')}\n`;
}
