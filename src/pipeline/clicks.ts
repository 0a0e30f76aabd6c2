import { createRng, sampleCumulative } from './random.js';
import { gain, utility } from './truth.js';
import { topicIndex, userHistory, type World } from './world.js';

export interface Impression {
  user: number;
  item: number;
  position: number;
  clicked: boolean;
}

export const SLATE = 20;

/** Chance a user looks at slot `position` (0 = top): why raw clicks over-credit whatever was shown first. */
export function examination(position: number): number {
  return 1 / Math.pow(1 + position, 0.9);
}

/**
 * Logs from an older, popularity-ordered system: each slate mixes items from the user's topics, popular items
 * and random ones, ordered mostly by views, and a click needs both examination and attraction.
 */
export function simulateLogs(world: World, users: number[], seed: number): Impression[] {
  const rng = createRng(seed ^ 0x5eed);
  const { order, offsets, cumulativeViews } = topicIndex(world.itemTopic, world.itemViews, world.topics);
  const items = world.itemTopic.length;
  const logs: Impression[] = [];
  for (const user of users) {
    const history = userHistory(world, user);
    const slate: number[] = [];
    for (let s = 0; s < SLATE; s++) {
      const r = rng.next();
      if (r < 0.5 && history.length) {
        const t = world.itemTopic[history[rng.int(history.length)]!]!;
        const from = offsets[t]!;
        const to = offsets[t + 1]!;
        slate.push(order[sampleCumulative(cumulativeViews, from, to, rng)]!);
      } else if (r < 0.75) {
        slate.push(order[sampleCumulative(cumulativeViews, 0, items, rng)]!);
      } else {
        slate.push(rng.int(items));
      }
    }
    const keyed = slate.map((item) => ({ item, key: Math.log1p(world.itemViews[item]!) + rng.normal() }));
    keyed.sort((a, b) => b.key - a.key);
    keyed.forEach(({ item }, position) => {
      const p = examination(position) * gain(utility(world, user, item));
      logs.push({ user, item, position, clicked: rng.next() < p });
    });
  }
  return logs;
}

/** Slates logged for training (80% of the sampled users) and for a held-out check (the other 20%). */
export interface LoggedSlates {
  train: Impression[];
  test: Impression[];
}

/** The old system's logs for a seeded sample of users: what the new system learns from. */
export function logSlates(world: World, seed: number, logUsers = 20_000): LoggedSlates {
  const rng = createRng(seed ^ 0x7a11);
  const total = world.params.users;
  const count = Math.min(total, logUsers);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rng.int(total));
  const users = [...picked];
  const cut = Math.floor(users.length * 0.8);
  return { train: simulateLogs(world, users.slice(0, cut), seed), test: simulateLogs(world, users.slice(cut), seed + 1) };
}
