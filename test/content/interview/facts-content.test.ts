import { describe, expect, it } from 'vitest';
import { findPrompt } from '../../../src/content/load.js';
import { keywords, matchFact } from '../../../src/interview/facts.js';
import { shippedContent } from '../../helpers/shipped.js';

const content = shippedContent();
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((w) => b.has(w));

describe('the fact matcher on the real fact sheets', () => {
  it.each(content.prompts.map((p) => [p.id, p] as const))('%s: every phrasing reaches a fact that lists it', (_id, prompt) => {
    for (const fact of prompt.facts) {
      for (const ask of fact.asks) {
        const match = matchFact(ask, prompt.facts);
        expect(match, `"${ask}" (${fact.id}) matched nothing`).not.toBeNull();
        // Two facts may list the same phrasing; then either is a fair answer.
        expect(match!.fact.asks.some((a) => same(keywords(a), keywords(ask))), `"${ask}" (${fact.id}) → ${match!.fact.id}`).toBe(true);
      }
    }
  });

  /** Plain questions a candidate types, and the fact each must reach (null: none; the interviewer says so). */
  const PLAIN_QUESTIONS: Record<string, Array<[string, string | null]>> = {
    'video-recommendations': [
      ['How many users do we have?', 'daily-active-users'],
      ['What is the QPS at peak?', 'traffic'],
      ['What latency do we need to hit?', 'latency-budget'],
      ['What should the model optimize for?', 'business-goal'],
      ['What data do we log?', 'interaction-logs'],
      ['How many new videos are uploaded per day?', 'uploads-per-day'],
      ['How much of the traffic is from new users?', 'cold-start'],
      ['What do we know about each video?', 'content-signals'],
      ['Can users delete their history?', 'privacy'],
      ['Do we have GPUs?', 'infrastructure'],
      ['What is the capital of France?', null],
    ],
    'payment-fraud-detection': [
      ['How many transactions per second at peak?', 'payment-volume'],
      ['What is the average transaction amount?', 'payment-volume'],
      ['What is the latency budget?', 'latency-budget'],
      ["What's the fraud rate?", 'fraud-rate'],
      ['How imbalanced is the data?', 'fraud-rate'],
      ['What does a false decline cost?', 'error-costs'],
      ['How long do chargebacks take to arrive?', 'labels'],
      ['What happens to payments we decline?', 'declined-payments'],
      ['What runs today?', 'existing-system'],
      ['Do we support 3DS?', 'step-up'],
      ['How many analysts do we have?', 'analysts'],
      ['Can we hold payments for review?', 'analysts'],
      ['What is the business objective?', 'business-goal'],
      ['What data do we have on each payment?', 'signals'],
      ['Have we seen the card before?', 'network'],
      ['How many merchants are there?', 'merchants'],
      ['Do fraudsters adapt?', 'fraudsters'],
      ['Which regulations apply?', 'regulation'],
      ['Do we have GPUs?', 'infrastructure'],
      ['Do we need to explain decisions?', 'explanations'],
      ['Are in-store payments in scope?', 'scope'],
      ['What is the capital of France?', null],
    ],
    'product-search-ranking': [
      ['How many listings are there?', 'catalogue-size'],
      ['How many searches per second at peak?', 'search-traffic'],
      ['What is the latency budget?', 'latency-budget'],
      ['What does the business want to optimise?', 'business-goal'],
      ['What do we log for each search?', 'search-logs'],
      ['Do we have human relevance labels?', 'human-judgments'],
      ['How many queries return zero results?', 'query-distribution'],
      ['What runs today?', 'current-system'],
      ['How often do prices and stock change?', 'inventory-changes'],
      ['Are sponsored listings in scope?', 'sponsored-listings'],
      ['Can we personalise results?', 'personalisation-privacy'],
      ['Do sellers game the ranking?', 'seller-behaviour'],
      ['What is the capital of France?', null],
    ],
  };
  describe.each(Object.entries(PLAIN_QUESTIONS))('%s: plain questions', (promptId, questions) => {
    const { facts } = findPrompt(content, promptId);
    it.each(questions)('%s → %s', (question, factId) => {
      expect(matchFact(question, facts)?.fact.id ?? null).toBe(factId);
    });
  });
});
