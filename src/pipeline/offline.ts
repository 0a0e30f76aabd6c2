import type { UserFeatures, VideoFeatures } from './features.js';
import { normalizeRow } from './vectors.js';
import { userFollows, userHistory, type World } from './world.js';

/** The user's features as the offline job computes them from the watch log. */
export function userFeaturesOf(world: World, user: number): UserFeatures {
  const { dim } = world;
  const history = userHistory(world, user);
  const embedding = new Float32Array(dim);
  const topicShare = new Float32Array(world.topics);
  for (const item of history) {
    for (let d = 0; d < dim; d++) embedding[d]! += world.itemEmbedding[item * dim + d]!;
    topicShare[world.itemTopic[item]!]! += 1 / history.length;
  }
  normalizeRow(embedding, 0, dim);
  return { id: user, embedding, history, follows: userFollows(world, user), topicShare };
}

export function videoFeaturesOf(world: World, item: number): VideoFeatures {
  return {
    id: item,
    topic: world.itemTopic[item]!,
    creator: world.itemCreator[item]!,
    ageDays: world.itemAgeDays[item]!,
    durationSec: world.itemDurationSec[item]!,
    views: world.itemViews[item]!,
    rating: world.itemRating[item]!,
    embedding: world.itemEmbedding.subarray(item * world.dim, (item + 1) * world.dim),
  };
}
