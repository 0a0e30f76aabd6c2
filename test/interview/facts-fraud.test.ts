import { describe, expect, it } from 'vitest';
import { findPrompt, loadContent } from '../../src/content/load.js';
import { matchFact } from '../../src/interview/facts.js';

const fraud = findPrompt(loadContent(), 'payment-fraud-detection');

describe('the payment-fraud-detection fact sheet answers plain clarifying questions', () => {
  it.each([
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
  ])('%s → %s', (question, factId) => {
    expect(matchFact(question, fraud.facts)?.fact.id ?? null).toBe(factId);
  });
});
