/** The six phase headings as the interview shows them, in order. */
export const PHASE_HEADINGS = ['Requirements', 'Metrics', 'Data and features', 'Models', 'Serving', 'Monitoring'] as const;

/** A short answer per phase for the video prompt, deliberately thin so that the interviewer has a follow-up to ask. */
export const THIN_ANSWERS: Record<(typeof PHASE_HEADINGS)[number], string[]> = {
  Requirements: ['We recommend videos on the home feed.'],
  Metrics: ['Offline: recall@k for retrieval and NDCG@10 for ranking.', 'Online: an A/B test on watch time and retention, with latency and dislike rate as guardrails.'],
  'Data and features': ['Positives are watches over 30 seconds; negatives are impressions that were skipped.', 'We log the position to correct position bias.'],
  Models: ['A funnel: a two-tower model retrieves 500 candidates with ANN, a multi-task ranker scores them, then re-ranking adds diversity.'],
  Serving: ['Item embeddings live in an ANN index; retrieval 20 ms, ranking 40 ms, within the 100 ms p99 budget.'],
  Monitoring: ['We watch feature drift and engagement by segment and retrain daily.'],
};
