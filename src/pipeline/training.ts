import { simulateLogs, type Impression } from './clicks.js';
import { FEATURE_COUNT, featureVector } from './features.js';
import { auc } from './metrics.js';
import { userFeaturesOf, videoFeaturesOf } from './offline.js';
import { createRng } from './random.js';
import { predict, trainRanker, type RankerModel } from './ranker.js';
import type { World } from './world.js';

export interface HeldOut {
  impressions: number;
  /** AUC of clicks on held-out users' slates: the ranker (position held at 0) against two baselines. */
  rankerAuc: number;
  popularityAuc: number;
  randomAuc: number;
}

export interface Trained {
  model: RankerModel;
  heldOut: HeldOut;
  trainImpressions: number;
}

function featureRows(world: World, logs: Impression[], withPosition: boolean): Float64Array {
  const rows = new Float64Array(logs.length * FEATURE_COUNT);
  const users = new Map<number, ReturnType<typeof userFeaturesOf>>();
  logs.forEach((imp, r) => {
    let user = users.get(imp.user);
    if (!user) users.set(imp.user, (user = userFeaturesOf(world, imp.user)));
    featureVector(user, videoFeaturesOf(world, imp.item), withPosition ? imp.position : 0, rows.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT));
  });
  return rows;
}

/** Simulates logs for a sample of users, trains on 80% of them and scores the other 20%. */
export function trainFromLogs(world: World, seed: number, logUsers = 20_000): Trained {
  const rng = createRng(seed ^ 0x7a11);
  const total = world.params.users;
  const count = Math.min(total, logUsers);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rng.int(total));
  const users = [...picked];
  const cut = Math.floor(users.length * 0.8);
  const trainLogs = simulateLogs(world, users.slice(0, cut), seed);
  const testLogs = simulateLogs(world, users.slice(cut), seed + 1);

  const labels = Uint8Array.from(trainLogs, (l) => (l.clicked ? 1 : 0));
  const model = trainRanker(featureRows(world, trainLogs, true), labels);

  const testRows = featureRows(world, testLogs, false);
  const testLabels = testLogs.map((l) => (l.clicked ? 1 : 0));
  const rankerScores = testLogs.map((_, r) => predict(model, testRows.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT)));
  const heldOut: HeldOut = {
    impressions: testLogs.length,
    rankerAuc: auc(rankerScores, testLabels),
    popularityAuc: auc(testLogs.map((l) => world.itemViews[l.item]!), testLabels),
    randomAuc: auc(testLogs.map(() => rng.next()), testLabels),
  };
  return { model, heldOut, trainImpressions: trainLogs.length };
}
