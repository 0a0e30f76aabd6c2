import { describe, expect, it } from 'vitest';
import { findPrompt } from '../../../src/content/load.js';
import type { Fact } from '../../../src/content/schema.js';
import { factIndex, matchFacts, stem } from '../../../src/interview/facts.js';
import { facts as tinyFacts } from '../../helpers/interview-fixtures.js';
import { shippedContent, shippedVocabulary } from '../../helpers/shipped.js';

const content = shippedContent();
const vocabulary = shippedVocabulary();
const lookup = (promptId: string, question: string) =>
  matchFacts(question, factIndex(findPrompt(content, promptId).facts, vocabulary))
    .map((m) => m.fact.id)
    .sort();

/**
 * Questions a candidate might type, and the facts whose answers answer them (none: the sheet does not say).
 * Written for these tests, apart from the held-out questions the lookup is measured on.
 */
const QUESTIONS: Record<string, Array<[string, string[]]>> = {
  'video-recommendations': [
    ["What's the DAU?", ['daily-active-users']],
    ['Which languages are the videos in?', ['regions-languages']],
    ['How many videos can we recommend from?', ['catalogue-size']],
    ['What p99 do we have to hit?', ['latency-budget']],
    ['Do we run surveys or collect other explicit feedback?', ['explicit-feedback']],
    ['What split of traffic comes from TV versus mobile?', ['devices']],
    ['Is watch next in scope, or only the home feed?', ['surfaces']],
    ['How should we treat borderline videos?', ['integrity']],
    ['Can a user delete what they watched?', ['privacy']],
    ['Roughly what share of users are brand new each week — is cold start a big deal here?', ['cold-start']],
    ["What's the DAU, and what is the latency budget?", ['daily-active-users', 'latency-budget']],
    ['How many creators upload each month, and how many users are new?', ['cold-start', 'uploads-per-day']],
    ['Do users see ads in the feed?', []],
    ['What is the revenue per user?', []],
    ['How long do users watch per session?', []],
    ['Which model does the current feed use?', []],
    ['Do we have user demographics like age and gender?', []],
  ],
  'ads-click-prediction': [
    ["What's the CTR on average?", ['base-rate']],
    ['How often do people click an ad?', ['base-rate']],
    ['How many ads compete in each auction?', ['candidates-per-auction']],
    ['How do advertisers pay — CPC or CPM?', ['auction-and-pricing']],
    ['Are we affected by ATT on iOS?', ['privacy']],
    ['Do users see ads in stories too?', ['surfaces']],
    ['How many bots click on ads?', ['invalid-traffic']],
    ["What's the current baseline model, and how often is it retrained?", ['existing-system']],
    ["How many users see ads daily, and what's the latency budget?", ['daily-active-users', 'latency-budget']],
    ['Do users see ads in the feed?', []],
    ['What share of users are on Android?', []],
    ['Who are our main competitors for advertiser budgets?', []],
  ],
  'harmful-content-detection': [
    ['How common is harmful content?', ['prevalence']],
    ['How many moderators do we have?', ['reviewers']],
    ['Must we decide before the post goes live?', ['timing']],
    ['How many user reports come in per day?', ['user-reports']],
    ['Does the DSA apply to us?', ['regulation']],
    ['Are DMs in scope?', ['scope']],
    ['How many posts a day, and how many reviewers?', ['posting-volume', 'reviewers']],
    // A second question joined by a bare "and" before its question word, as people type in a hurry.
    ['How many human reviewers do we have and how fast must a decision be made?', ['reviewers', 'timing']],
    ['Do users see ads next to harmful posts?', []],
    ['How much does one review cost us?', []],
    ['How do we handle accounts that are hacked and start posting spam?', []],
  ],
  'payment-fraud-detection': [
    ["What's the peak TPS?", ['payment-volume']],
    ['How much time do we have to decide?', ['latency-budget']],
    ['When do chargebacks arrive?', ['labels']],
    ['If we decline a payment, do we ever find out whether it was actually fraud?', ['declined-payments']],
    ['What fraction of payments support 3DS?', ['step-up']],
    ['Do fraud rings test cards with bots?', ['fraudsters']],
    ['What is the fraud rate, and how long until chargebacks come in?', ['fraud-rate', 'labels']],
    ['Which currencies do we support?', []],
    ['How many customers use Apple Pay?', []],
    ["What's the refund policy when a customer complains about a wrong decline?", []],
  ],
  'product-search-ranking': [
    ['How many products are in the catalog?', ['catalogue-size']],
    ['How many results per page?', ['latency-budget']],
    ['What share of searches end in a purchase?', ['search-logs']],
    ['How many queries are new each day?', ['query-distribution']],
    ['Do sellers stuff keywords into titles?', ['seller-behaviour']],
    ['How many listings are there, and how many searches per second?', ['catalogue-size', 'search-traffic']],
    ['How many users leave reviews on products?', []],
    ["What's the average price of an item?", []],
    ['Is there a spelling correction service in front of search, and who owns it?', []],
  ],
};

describe.each(Object.entries(QUESTIONS))('matchFacts on the %s sheet', (promptId, questions) => {
  it.each(questions)('%s → %j', (question, ids) => {
    expect(lookup(promptId, question)).toEqual([...ids].sort());
  });
});

describe('matchFacts: the rules', () => {
  const sheet: Fact[] = [
    ...tinyFacts,
    { id: 'ctr', topic: 'Click-through rate', answer: 'About 2%.', asks: ['click-through rate'], key: false },
    { id: 'ads', topic: 'Ads', answer: 'No ads in the feed.', asks: ['ads', 'sponsored'], key: false },
    { id: 'revenue', topic: 'Revenue', answer: 'Subscriptions and ads.', asks: ['revenue'], key: false },
  ];

  it('does not take a question that only shares a word with a "how many" phrasing for a count', () => {
    expect(matchFacts('How many users do we have?', sheet).map((m) => m.fact.id)).toEqual(['daily-users']);
    expect(matchFacts('Are logged-out users in scope?', sheet)).toEqual([]);
  });

  it('meets an abbreviation through the vocabulary', () => {
    const synonyms = { synonyms: [['click-through rate', 'ctr']], words: {}, notTypos: [] };
    expect(matchFacts("What's the CTR?", sheet)).toEqual([]);
    expect(matchFacts("What's the CTR?", factIndex(sheet, synonyms)).map((m) => m.fact.id)).toEqual(['ctr']);
  });

  it('gives a second fact only for another clause, in the order asked', () => {
    const both = matchFacts('What is the latency budget, and how many daily active users are there?', sheet);
    expect(both.map((m) => m.fact.id)).toEqual(['latency', 'daily-users']);
    expect(both.every((m) => m.score > 0 && m.score <= 1)).toBe(true);
    expect(matchFacts('What latency budget do daily active users expect?', sheet).map((m) => m.fact.id)).toHaveLength(1);
  });

  it('takes a second fact on one word only when no other fact uses that word', () => {
    // "ads" is in the revenue fact's answer too; "sponsored" is the ads fact's alone.
    expect(matchFacts('How many videos are in the catalogue, or are ads in there too?', sheet).map((m) => m.fact.id)).toEqual(['catalogue']);
    expect(matchFacts('How many videos are in the catalogue, or are sponsored ones in there too?', sheet).map((m) => m.fact.id)).toEqual(['catalogue', 'ads']);
  });

  it.each([
    ['running', 'runs'],
    ['logged', 'logs'],
    ['deletion', 'delete'],
    ['stuffing', 'stuff'],
    ['personalisation', 'personalize'],
  ])('stems %s and %s alike', (a, b) => expect(stem(a)).toBe(stem(b)));
});
