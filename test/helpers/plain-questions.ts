import { expect } from 'vitest';
import type { Fact } from '../../src/content/schema.js';
import { keywords } from '../../src/interview/facts.js';

/**
 * Plain clarifying questions a candidate types on three of the real sheets, and the fact each must reach (null:
 * none; the interviewer says so). The bare matcher and the interviewer's lookup (with the vocabulary and the
 * question words) are both held to them.
 */
export const PLAIN_QUESTIONS: Record<string, Array<[string, string | null]>> = {
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

/**
 * Looks up every phrasing of every fact on a sheet and expects it to reach a fact that lists the same phrasing:
 * two facts may list one phrasing, and then either is a fair answer. `lookup` gives the first fact id found.
 */
export function expectEveryPhrasingReachesItsFact(facts: readonly Fact[], lookup: (question: string) => string | undefined): void {
  const words = (text: string) => [...keywords(text)].sort().join(' ');
  for (const fact of facts) {
    for (const ask of fact.asks) {
      const found = lookup(ask);
      expect(found, `"${ask}" (${fact.id}) matched nothing`).toBeDefined();
      expect(facts.find((f) => f.id === found)!.asks.some((a) => words(a) === words(ask)), `"${ask}" (${fact.id}) → ${found}`).toBe(true);
    }
  }
}
