import { dot } from './vectors.js';
import type { World } from './world.js';

/**
 * The hidden utility of a video for a user: how well it matches their true taste plus its true quality.
 * Only the click model and the evaluation call this; the ranker never sees it.
 */
export function utility(world: World, user: number, item: number): number {
  return dot(world.userTaste, user * world.dim, world.itemEmbedding, item * world.dim, world.dim) + 0.25 * world.itemQuality[item]!;
}

/** How much a user would value seeing the item, in [0, 1]: the graded relevance used by NDCG and the click model. */
export function gain(u: number): number {
  return 1 / (1 + Math.exp(-8 * (u - 0.75)));
}
