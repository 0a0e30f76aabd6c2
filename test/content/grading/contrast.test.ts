import { describe, expect, it } from 'vitest';
import { gradeAgainst } from '../../helpers/grading.js';

/** "X, not Y" names Y to set it against X: a rubric that asks for that contrast must still see it. */
describe('contrast phrasings on the real video rubric', () => {
  const grade = gradeAgainst('video-recommendations');
  const met = async (answer: string, id = 'vr-satisfaction-objective') => (await grade(answer)).criteria.find((c) => c.id === id)!.met;

  it.each([
    ['We optimise long-term satisfied watch time, not clicks.', true],
    ['The target is satisfaction and retention, not just clicks, because clicks reward clickbait.', true],
    ['Clicks are all we need; we do not care about satisfaction or watch time.', false],
    ['We maximise clicks.', false],
    // Measuring CTR next to watch time is not arguing against clicks as the objective.
    ['For online we use click-through rate and watch time, and we do an A/B test.', false],
  ])('%s → %s', async (sentence, expected) => {
    expect(await met(`## Requirements\n${sentence}\n`)).toBe(expected);
  });

  it.each([
    ['We precompute the video embeddings and cache popular results so it is fast enough.', false],
    ['If the ranker times out we fall back to the cached popular feed.', true],
  ])('fallback: %s → %s', async (sentence, expected) => {
    expect(await met(`## Serving\n${sentence}\n`, 'fallback-on-failure')).toBe(expected);
  });
});

describe('framework criteria do not fire on look-alike phrases', () => {
  const grade = gradeAgainst('video-recommendations');
  const met = async (section: string, sentence: string, id: string) =>
    (await grade(`## ${section}\n${sentence}\n`)).criteria.find((c) => c.id === id)!.met;

  it.each([
    ['Data', 'Video features are age, duration, creator and view counts over the last hour and day.', 'time-based-split-leakage', false],
    ['Data', 'We train on the past four weeks and evaluate on the following day, so nothing leaks from the future.', 'time-based-split-leakage', true],
    ['Serving', 'The ranker reads user and video features from the feature store at request time.', 'training-serving-skew', false],
    ['Serving', 'We log the features at serving time and train on those logged features to avoid training-serving skew.', 'training-serving-skew', true],
  ])('%s: %s → %s %s', async (section, sentence, id, expected) => {
    expect(await met(section, sentence, id)).toBe(expected);
  });
});

describe('sentence and heading edge cases seen in held-out answers', () => {
  const grade = gradeAgainst('video-recommendations');

  it('a sentence ending in "ms." ends there, so its negation does not reach the next one', async () => {
    const g = await grade('## Models\nWe cannot score 50M videos in 100 ms. Candidate generation pulls candidates from several sources: subscriptions, trending and a two-tower ANN retrieval.\n');
    expect(g.criteria.find((c) => c.id === 'vr-multiple-candidate-sources')!.met).toBe(true);
    expect(g.criteria.find((c) => c.id === 'vr-multiple-candidate-sources')!.evidence).not.toMatch(/cannot/);
  });

  it('reads "every month" as a retraining cadence', async () => {
    const g = await grade('## Monitoring\nWe retrain the model every month with the new labels from moderators and users.\n');
    expect(g.criteria.find((c) => c.id === 'retraining-cadence')!.met).toBe(true);
  });

  it.each([
    ['Problem', 'requirements'],
    ['Success criteria', 'metrics'],
    ['After launch', 'monitoring'],
  ])('maps the heading "%s" to %s', async (heading, phase) => {
    const { headingPhase } = await import('../../../src/grading/markdown.js');
    expect(headingPhase(heading)).toBe(phase);
  });
});

describe('terse notes under their own heading', () => {
  const grade = gradeAgainst('ads-click-prediction');
  const prose = [
    '## Requirements',
    'We predict the probability that a user clicks an ad, and the auction multiplies it by the bid to rank the ads.',
    '## Models',
    'I would start with logistic regression because it is simple and fast, then move to a deep model.',
  ].join('\n');

  it('earn half credit beside real prose, with the note quoted', async () => {
    const g = await grade(`${prose}\n## Metrics\nOffline: AUC, log loss.\n`);
    const logLoss = g.criteria.find((c) => c.id === 'ac-log-loss')!;
    expect(logLoss.met).toBe(false);
    expect(logLoss.credit).toBe(0.5);
    expect(logLoss.note).toMatch(/Offline: AUC, log loss/);
    const without = await grade(prose);
    expect(g.total).toBeGreaterThan(without.total);
  });

  it('earn nothing when the answer has no prose at all (a list of terms under six headings)', async () => {
    const g = await grade([
      '## Requirements', '- pCTR times bid', '## Metrics', '- log loss, AUC', '- calibration', '## Data', '- click label',
      '- negative downsampling', '## Models', '- logistic regression baseline', '- DCN', '## Serving', '- cascade',
      '## Monitoring', '- calibration drift',
    ].join('\n'));
    expect(g.criteria.filter((c) => (c.credit ?? 0) > 0)).toEqual([]);
    expect(g.total).toBeLessThan(5);
  });

  it('say so when the cap leaves them no credit', async () => {
    const g = await grade('## Metrics\nOffline: AUC, log loss.\n');
    const logLoss = g.criteria.find((c) => c.id === 'ac-log-loss')!;
    expect(logLoss.credit).toBe(0);
    expect(logLoss.note).toMatch(/^no credit \(notes count only as far as the answer explains in prose\): named in a terse note/);
  });

  it('do not count under another phase\'s heading', async () => {
    const g = await grade(`${prose}\n## Serving\nOffline: AUC, log loss.\n`);
    expect(g.criteria.find((c) => c.id === 'ac-log-loss')!.credit ?? 0).toBe(0);
  });
});

describe('a terse note that qualifies what it names (a reason, a choice, a contrast, a number)', () => {
  const grade = gradeAgainst('video-recommendations');
  const outcome = async (answer: string, id: string) => (await grade(answer)).criteria.find((c) => c.id === id)!;

  it('earns full credit, quoted, where a bare list of the same names earns at most half', async () => {
    const chosen = await outcome('## Metrics\n- Offline: Precision@k, Recall@k, MRR, NDCG – we choose NDCG (graded relevance)\n', 'vr-offline-ranking-metrics');
    expect(chosen.met).toBe(true);
    expect(chosen.evidence).toMatch(/we choose NDCG/);
    const bare = await outcome('## Metrics\n- Offline: Precision@k, Recall@k, MRR, NDCG\n', 'vr-offline-ranking-metrics');
    expect(bare.met).toBe(false);
  });

  it('counts under any heading, as a sentence of prose does', async () => {
    const g = await outcome('## Models\n- candidate gen: two-tower (user tower / video tower) + ANN (FAISS) → top ~500\n', 'vr-two-tower-retrieval');
    expect(g.met).toBe(true);
  });

  it('never earns what it sets aside', async () => {
    const g = await outcome('## Models\n- no two-tower model, too complex for v1\n', 'vr-two-tower-retrieval');
    expect(g.met).toBe(false);
  });
});

describe('passages follow the writer\'s structure', () => {
  const grade = gradeAgainst('video-recommendations');
  const funnel = async (answer: string) => (await grade(`## Models\n${answer}\n`)).criteria.find((c) => c.id === 'vr-multi-stage-funnel')!;
  const between = 'It has to be cheap because it looks at the whole catalogue. It also has to be broad, so several sources feed it.';

  it('joins the steps of an enumeration longer than the neighbours window', async () => {
    const g = await funnel(`The system works in two steps. First, candidate generation pulls a few hundred videos from the catalogue. ${between} Second, a heavier ranker orders those few hundred with many more features.`);
    expect(g.met).toBe(true);
    expect(g.evidence).toMatch(/^First, candidate generation .* … Second, a heavier ranker/);
  });

  it('joins a lead-in to the items listed under it', async () => {
    const g = await funnel(`The funnel has two stages, described below:\n\n- Candidate generation pulls a few hundred videos from the catalogue.\n- ${between}\n- A heavier ranker orders those few hundred with many more features.`);
    expect(g.met).toBe(true);
  });

  it('does not join two sentences far apart in a plain paragraph', async () => {
    const g = await funnel(`Candidate generation pulls a few hundred videos from the catalogue. ${between} Freshness matters a lot here. A heavier ranker orders those few hundred with many more features.`);
    expect(g.met).toBe(false);
  });
});

describe('a terse note beside a sentence of the same item', () => {
  const grade = gradeAgainst('payment-fraud-detection');
  const gbdt = (g: Awaited<ReturnType<typeof grade>>) => g.criteria.find((c) => c.id === 'pf-gbdt-tabular')!;

  it('forms one passage with it when the sentence explains part of the idea', async () => {
    const g = await grade('## Models\n- Main: gradient boosted trees. They handle tabular data with missing values and score a payment in 5 ms on a CPU.\n');
    expect(gbdt(g).met).toBe(true);
    expect(gbdt(g).evidence).toMatch(/^Main: gradient boosted trees\. They handle tabular data/);
  });

  it('does not when the sentence says nothing about the idea, or sits in another item', async () => {
    const padded = await grade('## Models\n- Main: gradient boosted trees. We will review this choice carefully with the team every quarter.\n');
    expect(gbdt(padded).met).toBe(false);
    const apart = await grade('## Models\n- Main: gradient boosted trees.\n- They handle tabular data with missing values and score a payment in 5 ms on a CPU.\n');
    expect(gbdt(apart).met).toBe(false);
  });
});

describe('scope exclusions', () => {
  it('reject what they name', async () => {
    const g = await gradeAgainst('harmful-content-detection')('## Requirements\nAppeals and the transparency report are out of scope for this design round.\n');
    expect(g.criteria.find((c) => c.id === 'hc-regulation-transparency')!.met).toBe(false);
    expect(g.criteria.find((c) => c.id === 'scope-and-non-goals')!.met).toBe(true);
  });

  it('still earn a criterion that is about keeping something out', async () => {
    const g = await gradeAgainst('product-search-ranking')('## Requirements\nSponsored listings stay out of scope: the ads system fills its own slots after our organic ranking.\n');
    expect(g.criteria.find((c) => c.id === 'ps-sponsored-separation')!.met).toBe(true);
  });
});

describe('passages', () => {
  const grade = gradeAgainst('harmful-content-detection');

  it('join ideas one sentence apart in the same section', async () => {
    const g = await grade([
      '## Serving',
      'A synchronous check runs before publishing, with hash matching and a cheap text model.',
      'It only blocks posts when the model is very confident.',
      'A bigger multimodal model scores every post asynchronously through a queue within a minute.',
    ].join('\n'));
    const c = g.criteria.find((x) => x.id === 'hc-sync-vs-async')!;
    expect(c.met).toBe(true);
    expect(c.evidence).toMatch(/^A synchronous check.*very confident\..*queue within a minute\.$/);
  });

  it('do not reach across sections', async () => {
    const g = await grade([
      '## Serving',
      'A synchronous check runs before publishing, with hash matching and a cheap text model.',
      '## Monitoring',
      'A bigger multimodal model scores every post asynchronously through a queue within a minute.',
    ].join('\n'));
    expect(g.criteria.find((x) => x.id === 'hc-sync-vs-async')!.met).toBe(false);
  });
});
