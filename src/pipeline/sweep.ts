import type { RunReport } from './evaluate.js';

/** The knobs `--sweep` can turn, what each one is, and what a valid value looks like. */
export const KNOBS = {
  candidates: { what: 'candidates sent to the ranker', integer: true, min: 1, max: 100_000 },
  ef: { what: 'search depth of the index (videos kept in view while walking its largest graph; the smaller ones in proportion)', integer: true, min: 1, max: 20_000 },
  diversity: { what: 'diversity weight λ of re-ranking (1 = relevance only)', integer: false, min: 0, max: 1 },
  noise: { what: 'noise of the content embedding new videos are served by', integer: false, min: 0, max: 5 },
} as const;
export type Knob = keyof typeof KNOBS;

export interface SweepPoint {
  value: number;
  retrievalRecall: number;
  modelRecall: number;
  ndcgAt10: number;
  intraListDiversity: number;
  topicDiversity: number;
  freshNdcgAt10: number;
  p50Ms: number;
  p99Ms: number;
}

export interface Sweep {
  knob: Knob;
  points: SweepPoint[];
}

export function sweepPoint(value: number, run: RunReport): SweepPoint {
  const q = run.quality;
  return {
    value,
    retrievalRecall: q.retrievalRecall,
    modelRecall: q.modelRecall,
    ndcgAt10: q.ndcgAt10,
    intraListDiversity: q.intraListDiversity,
    topicDiversity: q.topicDiversity,
    freshNdcgAt10: q.segments.fresh.ndcgAt10,
    p50Ms: run.total.p50Ms,
    p99Ms: run.total.p99Ms,
  };
}

const f2 = (n: number) => n.toFixed(2);
const f3 = (n: number) => n.toFixed(3);

/** One sentence on what the measured curve shows, from its first and last points and its best NDCG. */
export function sweepSummary(sweep: Sweep): string {
  const pts = sweep.points;
  if (pts.length < 2) return 'One value gives one point: give two or more to see a trend.';
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  const best = pts.reduce((x, y) => (y.ndcgAt10 > x.ndcgAt10 ? y : x));
  const peak = best !== a && best !== b ? `, peaking at ${best.value} (${f3(best.ndcgAt10)})` : '';
  const ndcg = `NDCG@10 goes ${f3(a.ndcgAt10)} → ${f3(b.ndcgAt10)}${peak}`;
  const p99 = `p99 ${f2(a.p99Ms)} → ${f2(b.p99Ms)} ms`;
  switch (sweep.knob) {
    case 'candidates':
      return `From ${a.value} to ${b.value} candidates, ${ndcg} while ${p99}: a wider funnel helps only while the ranker still finds better videos in the extra ones.`;
    case 'ef':
      return `From search depth ${a.value} to ${b.value}, the index finds ${f3(a.retrievalRecall)} → ${f3(b.retrievalRecall)} of the exact scan's list and ${ndcg}, for ${p99}: depth below the number of videos asked for changes nothing (the index looks at least that far), and past the point where recall is near 1 more depth only costs time.`;
    case 'diversity':
      return `From λ ${a.value} to ${b.value}, topics in the feed go ${a.topicDiversity.toFixed(1)} → ${b.topicDiversity.toFixed(1)} while ${ndcg}: the price of variety in relevance.`;
    case 'noise':
      return `From content noise ${a.value} to ${b.value}, new videos' NDCG@10 goes ${f3(a.freshNdcgAt10)} → ${f3(b.freshNdcgAt10)} and the whole feed's ${f3(a.ndcgAt10)} → ${f3(b.ndcgAt10)}: cold start is only as good as the content model.`;
  }
}
