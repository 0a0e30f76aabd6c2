import { dirname } from 'node:path';
import { Chalk } from 'chalk';
import asciichart from 'asciichart';
import { EMBEDDING_TRAINING } from '../pipeline/embeddings.js';
import { FEATURE_COUNT, featureVector } from '../pipeline/features.js';
import { contributions, type RankerModel } from '../pipeline/ranker.js';
import type { PipelineReport } from '../pipeline/report.js';
import type { Served } from '../pipeline/serve.js';
import { KNOBS, type Sweep } from '../pipeline/sweep.js';
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
  const spent = report.stages.reduce((n, s) => n + s.p99Ms, 0);
  const over = spent > budget;
  const label = over ? ` │ marks the ${fmt(budget)} ms budget` : ` ${fmt(budget)} ms at p99`;
  const cellsWide = Math.max(MIN_BAR, Math.min(MAX_BAR, width - 9 - label.length - 1));
  // Over budget the bar spans what was spent, with a mark where the budget ends; it never grows past the width.
  const scale = over ? spent : budget;
  const usable = over ? cellsWide - 1 : cellsWide;
  const cells: string[] = [];
  report.stages.forEach((s, i) => {
    const n = s.p99Ms > 0 ? Math.max(1, Math.round((s.p99Ms / scale) * usable)) : 0;
    for (let k = 0; k < n; k++) cells.push(colours[i % colours.length]!(STAGE_GLYPH[s.id] ?? '█'));
  });
  const drawn = cells.slice(0, usable);
  if (over) drawn.splice(Math.round((budget / scale) * usable), 0, c.red('│'));
  const rest = c.dim('·'.repeat(Math.max(0, cellsWide - drawn.length)));
  const legend = report.stages.map((s) => piece(`${STAGE_GLYPH[s.id]} ${s.id}`, c.dim));
  return [` budget  ${drawn.join('')}${rest}${over ? c.red(label) : label}`, ...flow(legend, width, '         ', '         ', '  ')];
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

/** What each stage does here, and what does that job in production: one line each, for a learner. */
export const STAGE_LESSONS: Record<string, { here: string; production: string }> = {
  'feature-store': {
    here: "reads the user's row (their learned embedding, history, follows) from SQLite",
    production: 'an online key-value feature store (Redis, Feast)',
  },
  'candidate-generation': {
    here: "asks a search index for the videos nearest the user's embedding, and adds followed creators, new uploads and popular videos",
    production: 'a two-tower model indexed in an ANN service (FAISS, ScaNN)',
  },
  ranking: {
    here: "scores each candidate's chance of a click with a model trained on logged clicks, and keeps the best",
    production: 'a model server running a GBDT or deep network',
  },
  reranking: {
    here: 'picks the feed from the ranked list, trading a little relevance for variety of topics and creators',
    production: 'the business-rules and diversity layer',
  },
};

const gib = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`);

/** The funnel for a learner: what each stage does, its counts and latency, then quality against the truth. */
export function renderPipeline(r: PipelineReport, options: ViewOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const lines: string[] = [];
  const top = (text: string, paint: Paint = plain) => lines.push(...say(text, width, ' ', '   ', paint));
  const sub = (text: string, paint: Paint = plain) => lines.push(...say(text, width, '   ', '     ', paint));
  const source = r.build.cached ? `cached, loaded in ${r.build.seconds.toFixed(1)} s` : `built in ${r.build.seconds.toFixed(1)} s, cached for next time`;
  top(`world: ${fmt(r.params.items)} videos · ${fmt(r.params.users)} users · seed ${r.params.seed} (${source})`);
  top(`cache: ${gib(r.build.cacheBytes)} in ${dirname(r.build.cacheDir)} · ${fmt(r.params.requests)} timed requests after a warm-up`, c.dim);
  lines.push('');
  for (const s of r.stages) {
    const lesson = STAGE_LESSONS[s.id];
    if (lesson) top(`${c.bold(s.id)}: ${lesson.here}. In production: ${lesson.production}.`);
  }
  lines.push('');
  const [header, ...body] = funnelTable(r, width);
  lines.push(c.bold(header!), ...body.slice(0, -1), c.bold(body[body.length - 1]!));
  const totalShare = r.total.p99Ms / r.params.budgetMs;
  if (r.withinBudget) top(`within budget: p99 ${ms(r.total.p99Ms)} ms is ${pct(totalShare)} of ${fmt(r.params.budgetMs)} ms`, c.green);
  else top(`over budget: p99 ${ms(r.total.p99Ms)} ms > ${fmt(r.params.budgetMs)} ms`, c.red);
  top('times in ms per request; p99 = 99 of 100 requests were at least this fast', c.dim);
  lines.push('', ...budgetBar(r, c, width), '');

  const cg = r.stages.find((s) => s.id === 'candidate-generation')!;
  const speedup = cg.p50Ms > 0 ? r.exactRetrieval.p50Ms / cg.p50Ms : 0;
  const q = r.quality;
  top(c.bold('retrieval'));
  top(`an exact scan of all ${fmt(r.params.items)} learned embeddings: p50 ${ms(r.exactRetrieval.p50Ms)} ms, p99 ${ms(r.exactRetrieval.p99Ms)} ms`);
  const plainJs = r.exactRetrievalPlainJs;
  sub(`the same scan in plain JavaScript (no vector instructions): p50 ${ms(plainJs.p50Ms)} ms on ${plainJs.users} users`, c.dim);
  const versus = speedup >= 1
    ? `candidate generation is ${c.bold(`${speedup.toFixed(1)}×`)} faster at p50`
    : `the exact scan is still faster at this size (candidate generation p50 ${ms(cg.p50Ms)} ms)`;
  sub(`→ ${versus}; its ANN finds ${c.bold(q.retrievalRecall.toFixed(3))} of the exact top ${fmt(r.exactRetrieval.k)}, the ${fmt(r.exactRetrieval.k)} videos the full scan ranks highest: what the index loses`);
  sub(`→ the learned embeddings themselves: the full scan finds ${c.bold(q.modelRecall.toFixed(3))} of the ${fmt(r.exactRetrieval.k)} videos the user would truly value most: what the model loses`);
  const src = r.perSource;
  sub(`candidates per request: nearest by embedding ${fmt(src.embedding)} · followed creators ${fmt(src.followed)} · new uploads ${fmt(src.fresh)} · popular ${fmt(src.popular)}`, c.dim);
  lines.push('');
  const b = q.baselines;
  top(c.bold(`quality against the hidden truth, ${q.evaluatedUsers} users`));
  sub(`NDCG@10 ${c.bold(q.ndcgAt10.toFixed(3))} · popularity ${b.popularity.ndcgAt10.toFixed(3)} · random ${b.random.ndcgAt10.toFixed(3)} · oracle ${b.oracle.ndcgAt10.toFixed(3)}`);
  sub('NDCG@10: 1 = the ten unwatched videos the user would value most, in order; oracle = this funnel given the hidden embeddings', c.dim);
  const seg = q.segments;
  sub(`new videos (${pct(seg.fresh.share)} of the catalogue, too few views to learn from, served by their content embedding): NDCG@10 ${seg.fresh.ndcgAt10.toFixed(3)} in retrieval order, recall ${seg.fresh.recallVsTruth.toFixed(3)} of their truly best`);
  sub(`established videos (${pct(seg.established.share)}, learned embeddings): NDCG@10 ${seg.established.ndcgAt10.toFixed(3)}, recall ${seg.established.recallVsTruth.toFixed(3)}`);
  const cost = q.beforeReranking.ndcgAt10 > 0 ? 1 - q.ndcgAt10 / q.beforeReranking.ndcgAt10 : 0;
  sub(`re-ranking (diversity weight λ ${r.params.diversity}, 1 = relevance only): topics in the feed ${q.beforeReranking.topicDiversity.toFixed(1)} → ${q.topicDiversity.toFixed(1)}, embedding spread ${q.beforeReranking.intraListDiversity.toFixed(3)} → ${q.intraListDiversity.toFixed(3)}, for ${cost >= 0 ? '−' : '+'}${(Math.abs(cost) * 100).toFixed(1)}% NDCG; videos shown to anyone ${pct(q.beforeReranking.coverage)} → ${pct(q.coverage)} of the catalogue`);
  sub(`ranker on held-out logs: AUC ${r.ranker.rankerAuc.toFixed(3)} (the chance a clicked video outscores an unclicked one; popularity ${r.ranker.popularityAuc.toFixed(3)}, random ${r.ranker.randomAuc.toFixed(3)})`);
  lines.push('');
  top('try: --sweep candidates=100,300,1000 · --sweep diversity=1,0.8,0.5 · --explain (one request traced) · --json', c.dim);
  return `${lines.join('\n')}\n`;
}

function topInterests(served: Served, n: number): Array<{ topic: number; share: number }> {
  return Array.from(served.user.topicShare, (share, topic) => ({ topic, share }))
    .filter((t) => t.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, n);
}

const SOURCE_TEXT: Record<string, string> = {
  embedding: 'near the user by embedding',
  followed: 'a followed creator',
  fresh: 'a new upload',
  popular: 'popular',
};

interface WhyItem {
  id: number;
  source: string;
  /** The video has too few logged views for a learned embedding: its content embedding stands in. */
  contentEmbedding: boolean;
  topic: number;
  rankedAt: number;
  contributions: Array<{ feature: string; value: number }>;
  reranking: string[];
}

function whyItems(served: Served, model: RankerModel): WhyItem[] {
  const x = new Float64Array(FEATURE_COUNT);
  return served.feed.map((f) => ({
    id: f.video.id,
    source: served.candidates.source.get(f.video.id) ?? 'unknown',
    contentEmbedding: f.video.interactions < EMBEDDING_TRAINING.minInteractions,
    topic: f.video.topic,
    rankedAt: f.rankedAt,
    contributions: contributions(model, featureVector(served.user, f.video, 0, x)).slice(0, 3),
    reranking: f.reasons,
  }));
}

/** Topic counts of a list, most common first: `[[topic, count], …]`. */
function topicCounts(topics: number[]): Array<[number, number]> {
  const m = new Map<number, number>();
  for (const t of topics) m.set(t, (m.get(t) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

export function explainJson(served: Served, model: RankerModel) {
  const why = whyItems(served, model);
  return {
    user: served.user.id,
    historyLength: served.user.history.length,
    follows: Array.from(served.user.follows),
    interests: topInterests(served, 3),
    perSource: served.candidates.perSource,
    stages: served.stages,
    totalMs: served.totalMs,
    topics: {
      beforeReranking: topicCounts(served.ranked.slice(0, served.feed.length).map((r) => r.video.topic)).map(([topic, count]) => ({ topic, count })),
      afterReranking: topicCounts(served.feed.map((f) => f.video.topic)).map(([topic, count]) => ({ topic, count })),
    },
    feed: served.feed.map((f, i) => ({
      id: f.video.id, score: f.score, source: why[i]!.source, contentEmbedding: why[i]!.contentEmbedding, topic: f.video.topic,
      creator: f.video.creator, ageDays: f.video.ageDays, views: f.video.views, rankedAt: f.rankedAt,
      contributions: why[i]!.contributions, reasons: f.reasons,
    })),
  };
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;

/** One request traced: who the user is, where candidates came from, and why each feed item is there. */
export function renderExplain(served: Served, world: World, model: RankerModel, options: ViewOptions): string {
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
  top(`candidates: nearest by embedding ${ps.embedding} · followed creators ${ps.followed} · new uploads ${ps.fresh} · popular ${ps.popular} (watched videos filtered out)`, c.dim);
  lines.push('');
  const feed = served.feed.map((f) => ({ f, v: f.video }));
  const why = feed.map(({ f }) => f.reasons[0] ?? '');
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
  if (options.color) top('green topic = one the user has watched before; yellow = a new one', c.dim);
  lines.push('');
  top(c.bold('why each video is there'));
  for (const [i, w] of whyItems(served, model).entries()) {
    const from = `${SOURCE_TEXT[w.source] ?? w.source}${w.source === 'embedding' && w.contentEmbedding ? ' (a new video: its content embedding, no learned one yet)' : ''}`;
    const ranker = w.contributions.map((x) => `${x.feature} ${signed(x.value)}`).join(', ');
    const moved = w.rankedAt === i + 1 ? 'kept its place'
      : w.rankedAt > i + 1 ? `moved up from #${w.rankedAt}, being unlike the videos picked before it`
        : `moved down from #${w.rankedAt}, being like the videos picked before it (or its creator had two already)`;
    const boost = w.reranking.includes('new-upload boost') ? ', with the boost for new uploads' : '';
    lines.push(...say(`${i + 1}. v${w.id} — found as ${from}; ranked #${w.rankedAt}, most by ${ranker}; re-ranking: ${moved}${boost}`, width, '   ', '      '));
  }
  const before = topicCounts(served.ranked.slice(0, served.feed.length).map((r) => r.video.topic));
  const after = topicCounts(served.feed.map((f) => f.video.topic));
  const list = (t: Array<[number, number]>) => t.map(([topic, n]) => `t${topic}×${n}`).join(' ');
  lines.push('');
  top(`topics of the ranker's top ${served.feed.length}: ${list(before)} (${before.length} topic${before.length === 1 ? '' : 's'})`);
  top(`topics of the feed after re-ranking: ${list(after)} (${after.length} topic${after.length === 1 ? '' : 's'})`);
  top('ranker contributions are weight × feature value on the log-odds of a click', c.dim);
  return `${lines.join('\n')}\n`;
}

/** The points as a table, a chart per measure, and the sentence that reads the curve. */
export function renderSweep(sweep: Sweep, summary: string, options: ViewOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const p = sweep.points;
  const lines: string[] = [];
  const same = sweep.knob === 'noise' ? 'the same hidden truth, a content model and a trained system per value' : 'the same cached world';
  lines.push(...say(`sweep of ${sweep.knob}: ${KNOBS[sweep.knob].what}; each row is a full run on ${same}`, width, ' ', '   '));
  lines.push('');
  const cols: Column[] = [
    { head: sweep.knob, cells: p.map((x) => String(x.value)), right: true },
    { head: 'recall', cells: p.map((x) => x.retrievalRecall.toFixed(3)), right: true },
    { head: 'NDCG@10', cells: p.map((x) => x.ndcgAt10.toFixed(3)), right: true },
    { head: 'new NDCG', cells: p.map((x) => x.freshNdcgAt10.toFixed(3)), right: true },
    { head: 'topics', cells: p.map((x) => x.topicDiversity.toFixed(1)), right: true },
    { head: 'spread', cells: p.map((x) => x.intraListDiversity.toFixed(3)), right: true },
    { head: 'p50 ms', cells: p.map((x) => ms(x.p50Ms)), right: true },
    { head: 'p99 ms', cells: p.map((x) => ms(x.p99Ms)), right: true },
  ];
  const [head, ...rows] = renderTable(cols, p.length);
  lines.push(c.bold(head!), ...rows);
  lines.push(...say('recall: share of the exact scan\'s list the index found · new NDCG: new videos only · topics: distinct topics in the feed · spread: embedding diversity', width, ' ', '   ', c.dim));
  if (p.length >= 2) {
    lines.push('');
    const charts: Array<[string, number[]]> = [
      ['NDCG@10', p.map((x) => x.ndcgAt10)],
      ['recall', p.map((x) => x.retrievalRecall)],
      ['topics in the feed', p.map((x) => x.topicDiversity)],
      ['p99 ms', p.map((x) => x.p99Ms)],
    ];
    for (const [name, values] of charts) lines.push(...chart(name, values, p.map((x) => x.value), width, c));
  }
  if (p.length < 2) lines.push('');
  lines.push(...say(summary, width, ' ', ' '));
  return `${lines.join('\n')}\n`;
}

/** A small line chart of one measure against the knob's values (evenly spaced, labelled below). */
function chart(name: string, values: number[], knobValues: number[], width: number, c: InstanceType<typeof Chalk>): string[] {
  const step = Math.max(2, Math.min(12, Math.floor((width - 14) / Math.max(1, values.length - 1))));
  const stretched: number[] = [];
  values.forEach((v, i) => {
    if (i === 0) return stretched.push(v);
    const prev = values[i - 1]!;
    for (let s = 1; s <= step; s++) stretched.push(prev + ((v - prev) * s) / step);
  });
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const digits = hi >= 100 ? 0 : hi >= 10 ? 1 : hi >= 1 ? 2 : 3;
  const label = (v: number) => v.toFixed(digits).padStart(8);
  const body = asciichart.plot(stretched, { height: 4, min: lo, max: hi === lo ? lo + 1 : hi, format: label });
  const axis = ' '.repeat(10) + knobValues.map((v, i) => String(v).padEnd(i === knobValues.length - 1 ? 0 : step)).join('');
  return [c.bold(` ${name}`), ...body.split('\n'), c.dim(axis.slice(0, width)), ''];
}
