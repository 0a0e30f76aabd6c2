import { describe, expect, it } from 'vitest';
import { findPrompt, loadContent } from '../../src/content/load.js';
import { matchFact } from '../../src/interview/facts.js';

const search = findPrompt(loadContent(), 'product-search-ranking');

describe('the product-search-ranking fact sheet answers plain clarifying questions', () => {
  it.each([
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
  ])('%s → %s', (question, factId) => {
    expect(matchFact(question, search.facts)?.fact.id ?? null).toBe(factId);
  });
});
