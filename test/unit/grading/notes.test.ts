import { describe, expect, it } from 'vitest';
import { qualifiesNote } from '../../../src/grading/notes.js';

const prose = { hasNumber: false, listLike: false };

describe('a terse note that says something about what it names', () => {
  it.each([
    'NDCG – graded relevance',
    'CTR alone → clickbait',
    'LR first as the baseline',
    'Offline: Precision@k, Recall@k, MRR, NDCG – we choose NDCG (graded relevance)',
    'MMR for diversity, cap per creator',
    'GBDT over a DNN here',
    'watched half or more = positive',
    'two-tower + ANN (user tower / video tower)',
    'no random split',
  ])('qualifies: %s', (text) => {
    expect(qualifiesNote(text, prose)).toBe(true);
  });

  it('qualifies with a number when it is not a list of terms', () => {
    expect(qualifiesNote('retrain every 6 hours', { hasNumber: true, listLike: false })).toBe(true);
  });
});

describe('a bare name', () => {
  it.each([
    'Offline: AUC, log loss.',
    'log loss, AUC',
    'two-tower, ANN, HNSW, FAISS, multi-stage funnel',
    'logistic regression baseline',
    'Ranking: GBDT (XGBoost)',
    'Serving: two-tower - ANN',
  ])('does not qualify: %s', (text) => {
    expect(qualifiesNote(text, prose)).toBe(false);
  });

  it('is not qualified by a number that belongs to one item of a list', () => {
    expect(qualifiesNote('100M DAU, 100 ms p99 latency, high QPS, freshness', { hasNumber: true, listLike: true })).toBe(false);
  });
});
