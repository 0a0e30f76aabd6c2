import type { VideoFeatures } from './features.js';
import { dot } from './vectors.js';

export interface Scored {
  video: VideoFeatures;
  score: number;
}

export interface RerankRules {
  feed: number;
  /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
  lambda: number;
  maxPerCreator: number;
  /** Added to the normalised relevance of videos younger than `freshDays`. */
  freshnessBoost: number;
  freshDays: number;
  /** Videos rated below this are dropped unless too few would remain. */
  qualityFloor: number;
}

export const DEFAULT_RULES: Omit<RerankRules, 'feed' | 'lambda'> = {
  maxPerCreator: 2,
  freshnessBoost: 0.05,
  freshDays: 3,
  qualityFloor: -1.5,
};

export interface FeedItem extends Scored {
  /** Why it is in the feed, for --explain. */
  reasons: string[];
}

/**
 * Maximal marginal relevance with business rules: each pick maximises λ·relevance − (1−λ)·(similarity to
 * what is already in the feed), skipping creators at their cap.
 */
export function rerank(ranked: Scored[], rules: RerankRules): FeedItem[] {
  const aboveFloor = ranked.filter((s) => s.video.rating >= rules.qualityFloor);
  const pool = aboveFloor.length >= rules.feed ? aboveFloor : ranked;
  if (!pool.length) return [];
  const top = Math.max(...pool.map((s) => s.score));
  const bottom = Math.min(...pool.map((s) => s.score));
  const span = top - bottom || 1;
  const relevance = pool.map((s) => (s.score - bottom) / span + (s.video.ageDays < rules.freshDays ? rules.freshnessBoost : 0));
  const maxSim = new Float64Array(pool.length).fill(-Infinity);
  const used = new Uint8Array(pool.length);
  const perCreator = new Map<number, number>();
  const feed: FeedItem[] = [];
  while (feed.length < rules.feed) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (used[i] || (perCreator.get(pool[i]!.video.creator) ?? 0) >= rules.maxPerCreator) continue;
      const penalty = feed.length ? maxSim[i]! : 0;
      const value = rules.lambda * relevance[i]! - (1 - rules.lambda) * penalty;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    const pick = pool[best]!;
    perCreator.set(pick.video.creator, (perCreator.get(pick.video.creator) ?? 0) + 1);
    const rank = ranked.indexOf(pick) + 1;
    const reasons = [`ranked #${rank}`];
    if (pick.video.ageDays < rules.freshDays) reasons.push('fresh boost');
    if (feed.length && rank > feed.length + 1) reasons.push('adds variety');
    feed.push({ ...pick, reasons });
    const e = pick.video.embedding;
    for (let i = 0; i < pool.length; i++) {
      if (used[i]) continue;
      const sim = dot(pool[i]!.video.embedding, 0, e, 0, e.length);
      if (sim > maxSim[i]!) maxSim[i] = sim;
    }
  }
  return feed;
}
