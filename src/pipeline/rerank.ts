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
  /** Its place in the ranker's order (1 = the ranker's best), to show what re-ranking changed. */
  rankedAt: number;
  /** Why it is in the feed, for --explain. */
  reasons: string[];
}

/**
 * How alike two videos look to the diversity rule: half their embedding cosine, half whether they share a
 * topic. Embeddings alone let ten videos of one topic pass as varied when their vectors differ a little.
 */
export const TOPIC_WEIGHT = 0.5;

export function similarity(a: VideoFeatures, b: VideoFeatures): number {
  const cos = dot(a.embedding, 0, b.embedding, 0, a.embedding.length);
  return TOPIC_WEIGHT * (a.topic === b.topic ? 1 : 0) + (1 - TOPIC_WEIGHT) * cos;
}

/**
 * Maximal marginal relevance with business rules: each pick maximises λ·relevance − (1−λ)·(similarity to
 * what is already in the feed, by topic and embedding), skipping creators at their cap.
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
    const place = feed.length + 1;
    const reasons: string[] = [];
    if (rank === place) reasons.push('kept its place');
    else if (rank > place) reasons.push(`up from #${rank}`);
    else reasons.push(`down from #${rank}`);
    if (pick.video.ageDays < rules.freshDays) reasons.push('new-upload boost');
    feed.push({ ...pick, rankedAt: rank, reasons });
    for (let i = 0; i < pool.length; i++) {
      if (used[i]) continue;
      const sim = similarity(pool[i]!.video, pick.video);
      if (sim > maxSim[i]!) maxSim[i] = sim;
    }
  }
  return feed;
}
