import type { Impression, LoggedSlates } from './clicks.js';
import { FEATURE_COUNT, featureVector } from './features.js';
import { auc } from './metrics.js';
import { userFeaturesOf, videoFeaturesOf } from './offline.js';
import { createRng } from './random.js';
import { predict, trainRanker, type RankerModel } from './ranker.js';
import type { Embeddings } from './offline.js';
import type { Observed } from './world.js';

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

function featureRows(observed: Observed, embeddings: Embeddings, logs: Impression[], withPosition: boolean): Float64Array {
  const rows = new Float64Array(logs.length * FEATURE_COUNT);
  const users = new Map<number, ReturnType<typeof userFeaturesOf>>();
  logs.forEach((imp, r) => {
    let user = users.get(imp.user);
    if (!user) users.set(imp.user, (user = userFeaturesOf(observed, embeddings, imp.user)));
    const video = videoFeaturesOf(observed, embeddings, imp.item);
    featureVector(user, video, withPosition ? imp.position : 0, rows.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT));
  });
  return rows;
}

/** Trains the ranker on the logged slates of 80% of the sampled users and scores the other 20%. */
export function trainRankerFromLogs(observed: Observed, embeddings: Embeddings, logs: LoggedSlates, seed: number): Trained {
  const rng = createRng(seed ^ 0x7a11);
  const labels = Uint8Array.from(logs.train, (l) => (l.clicked ? 1 : 0));
  const model = trainRanker(featureRows(observed, embeddings, logs.train, true), labels);
  const testRows = featureRows(observed, embeddings, logs.test, false);
  const testLabels = logs.test.map((l) => (l.clicked ? 1 : 0));
  const rankerScores = logs.test.map((_, r) => predict(model, testRows.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT)));
  const heldOut: HeldOut = {
    impressions: logs.test.length,
    rankerAuc: auc(rankerScores, testLabels),
    popularityAuc: auc(logs.test.map((l) => observed.itemViews[l.item]!), testLabels),
    randomAuc: auc(logs.test.map(() => rng.next()), testLabels),
  };
  return { model, heldOut, trainImpressions: logs.train.length };
}
