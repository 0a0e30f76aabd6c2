import { describe, expect, it } from 'vitest';
import { generateCandidates, type CandidateBackends } from '../../../src/pipeline/candidates.js';
import type { UserFeatures, VideoFeatures } from '../../../src/pipeline/features.js';
import { intraListDiversity } from '../../../src/pipeline/metrics.js';
import { createRng } from '../../../src/pipeline/random.js';
import { DEFAULT_RULES, rerank, type Scored } from '../../../src/pipeline/rerank.js';

const user = (history: number[], follows: number[] = []): UserFeatures => ({
  id: 0, embedding: new Float32Array([1, 0]), history: Int32Array.from(history), follows: Int32Array.from(follows),
  topicShare: new Float32Array(4),
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('candidate generation', () => {
  const backends: CandidateBackends = {
    ann: (_q, k) => range(0, k),
    recentByCreators: (creators, limit) => (creators.length ? range(5000, 5000 + limit) : []),
    popular: [...range(0, 20), ...range(7000, 7100)],
    fresh: range(6000, 6100),
    catalogueSize: 10_000,
  };

  it('returns exactly the requested count, with no duplicates and nothing watched', () => {
    const c = generateCandidates(user([1, 2, 3, 4000]), 200, backends);
    expect(c.ids).toHaveLength(200);
    expect(new Set(c.ids).size).toBe(200);
    for (const w of [1, 2, 3, 4000]) expect(c.ids).not.toContain(w);
  });

  it('caps the non-embedding sources at 10% each and fills the rest from the ANN', () => {
    const c = generateCandidates(user([], [9]), 200, backends);
    expect(c.perSource).toEqual({ embedding: 140, followed: 20, fresh: 20, popular: 20 });
    expect(c.perSource.embedding + c.perSource.followed + c.perSource.fresh + c.perSource.popular).toBe(c.ids.length);
    for (const id of c.ids) expect(c.source.get(id)).toBeDefined();
  });

  it('does not count a video twice when two sources return it, and still fills every slot', () => {
    const c = generateCandidates(user([]), 200, backends);
    expect(c.ids.filter((id) => id < 20).every((id) => c.source.get(id) === 'popular')).toBe(true);
    expect(c.perSource.followed).toBe(0);
    expect(c.perSource.embedding).toBe(160);
    expect(c.ids).toHaveLength(200);
  });

  it('asks the ANN again for more when overlap leaves slots empty', () => {
    const calls: number[] = [];
    const overlapping = { ...backends, popular: range(0, 100), ann: (_q: Float32Array, k: number) => (calls.push(k), range(0, k)) };
    const c = generateCandidates(user([]), 200, overlapping);
    expect(c.ids).toHaveLength(200);
    expect(calls).toHaveLength(2);
  });
});

function video(id: number, creator: number, angle: number, ageDays = 100, rating = 0): VideoFeatures {
  return {
    id, topic: 0, creator, ageDays, durationSec: 300, views: 10, rating, interactions: 10, embedding: new Float32Array([Math.cos(angle), Math.sin(angle)]),
  };
}

describe('re-ranking', () => {
  const rng = createRng(3);
  // Most relevant items crowd one direction and a few creators; some less relevant ones point elsewhere.
  const ranked: Scored[] = range(0, 50).map((i) => ({
    video: video(i, i % 4, i < 30 ? 0.1 * rng.next() : Math.PI * rng.next()),
    score: 1 - i / 100,
  }));

  it('never lets one creator hold more than the cap', () => {
    const feed = rerank(ranked, { ...DEFAULT_RULES, feed: 8, lambda: 1 });
    expect(feed).toHaveLength(8);
    const counts = new Map<number, number>();
    for (const f of feed) counts.set(f.video.creator, (counts.get(f.video.creator) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(DEFAULT_RULES.maxPerCreator);
  });

  it('with λ = 1 keeps score order (within the creator cap)', () => {
    const feed = rerank(ranked.map((s, i) => ({ ...s, video: { ...s.video, creator: i } })), { ...DEFAULT_RULES, feed: 10, lambda: 1 });
    expect(feed.map((f) => f.video.id)).toEqual(range(0, 10));
  });

  it('raises intra-list diversity as λ falls', () => {
    const emb = new Float32Array(ranked.flatMap((s) => [...s.video.embedding]));
    const ild = (lambda: number) => intraListDiversity(rerank(ranked, { ...DEFAULT_RULES, feed: 10, lambda }).map((f) => f.video.id), emb, 2);
    expect(ild(0.5)).toBeGreaterThan(ild(1));
  });

  it('drops videos under the quality floor, but not when that would empty the feed', () => {
    const mixed = ranked.map((s, i) => ({ ...s, video: { ...s.video, creator: i, rating: i % 2 ? -3 : 0 } }));
    expect(rerank(mixed, { ...DEFAULT_RULES, feed: 10, lambda: 1 }).every((f) => f.video.rating >= DEFAULT_RULES.qualityFloor)).toBe(true);
    const allBad = ranked.slice(0, 5).map((s, i) => ({ ...s, video: { ...s.video, creator: i, rating: -3 } }));
    expect(rerank(allBad, { ...DEFAULT_RULES, feed: 5, lambda: 1 })).toHaveLength(5);
  });

  it('mixes topics even when the most relevant videos share one topic and differ in embedding', () => {
    // The top 12 are all topic 0, spread around the circle; the rest, a little less relevant, cover other topics.
    const oneTopic: Scored[] = range(0, 50).map((i) => ({
      video: { ...video(i, i, (2 * Math.PI * i) / 12), topic: i < 12 ? 0 : 1 + (i % 7) },
      score: 1 - i / 200,
    }));
    const topics = (lambda: number) => new Set(rerank(oneTopic, { ...DEFAULT_RULES, feed: 10, lambda }).map((f) => f.video.topic)).size;
    expect(topics(1)).toBe(1);
    expect(topics(0.8)).toBeGreaterThan(1);
  });

  it('says what re-ranking did to each video: kept, moved up or moved down', () => {
    const feed = rerank(ranked, { ...DEFAULT_RULES, feed: 10, lambda: 0.5 });
    for (const [i, f] of feed.entries()) {
      expect(f.rankedAt).toBe(ranked.indexOf(ranked.find((r) => r.video.id === f.video.id)!) + 1);
      const expected = f.rankedAt === i + 1 ? /kept its place/ : f.rankedAt > i + 1 ? new RegExp(`up from #${f.rankedAt}`) : new RegExp(`down from #${f.rankedAt}`);
      expect(f.reasons[0]).toMatch(expected);
    }
    expect(feed.some((f) => f.rankedAt !== feed.indexOf(f) + 1)).toBe(true);
  });
});
