import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findPrompt } from '../../../src/content/load.js';
import type { Fact } from '../../../src/content/schema.js';
import { factIndex, matchFacts, subjectTerms } from '../../../src/interview/facts.js';
import { facts as tinyFacts } from '../../helpers/interview-fixtures.js';
import { expectEveryPhrasingReachesItsFact, PLAIN_QUESTIONS } from '../../helpers/plain-questions.js';
import { shippedContent, shippedVocabulary } from '../../helpers/shipped.js';

const content = shippedContent();
const vocabulary = shippedVocabulary();
interface DevQuestion {
  q: string;
  facts: string[];
}

const lookup = (promptId: string, question: string) =>
  matchFacts(question, factIndex(findPrompt(content, promptId).facts, vocabulary)).map((m) => m.fact.id);

describe('the interviewer answers what was asked', () => {
  const sheet: Fact[] = [
    ...tinyFacts,
    { id: 'reviewers', topic: 'Reviewers', answer: '2,000 reviewers label 50,000 posts a day.', asks: ['reviewers', 'how many reviewers'], key: false },
    { id: 'logs', topic: 'Logs', answer: 'Every impression and watch is logged.', asks: ['logs', 'what do we log'], key: false },
    { id: 'serving', topic: 'Serving', answer: 'A hosted model on our own GPUs.', asks: ['serving', 'hosted model'], key: false },
  ];
  const index = factIndex(sheet, vocabulary);
  const ids = (question: string) => matchFacts(question, index).map((m) => m.fact.id);

  it.each([
    ['Are reviewers outsourced?'],
    ['Do reviewers work in shifts around the clock?'],
    ['Do reviewers get wellness support?'],
  ])('%s: a subject the sheet has no word for is not the reviewers fact', (question) => {
    expect(ids(question)).toEqual([]);
  });

  it('still answers the plain question about the same subject', () => {
    expect(ids('How many reviewers do we have, roughly?')).toEqual(['reviewers']);
    expect(ids('Just to check, how many reviewers are there actually?')).toEqual(['reviewers']);
  });

  it('gives nothing when what a which-question asks for is not on the sheet', () => {
    expect(ids('Which vendor is the hosted model from?')).toEqual([]);
    expect(ids('Is the hosted model ours?')).toEqual(['serving']);
  });

  it('gives nothing when what a yes/no question is about is not on the sheet', () => {
    expect(lookup('video-recommendations', 'Are shorts part of the home feed?')).toEqual([]);
    expect(lookup('video-recommendations', 'Is search part of the home feed?')).toEqual(['surfaces']);
    // With a person as the subject the question is about its object: "we" run the surveys.
    expect(lookup('video-recommendations', 'Do we run surveys?')).toEqual(['explicit-feedback']);
  });

  it('reads an everyday verb of speech as no subject, so it does not outweigh the fact', () => {
    expect(lookup('eta-prediction', 'How many deliveries a day are we talking about?')).toEqual(['orders']);
    // "we'd" is "we would", not the word "wed" that one fact's answer happens to hold.
    expect(subjectTerms("How big is the pool we'd be picking from?", vocabulary)).toEqual(['pool']);
  });

  it("counts a word only another fact's answer uses against the fact a phrasing matched", () => {
    // "spend" is in the business goal's answer, not the advertisers fact's: the question asks about spend.
    expect(lookup('ads-click-prediction', 'How much does the average advertiser spend per day?')).toEqual([]);
    expect(lookup('people-you-may-know', 'How many friend requests does an average member send a week?')).toEqual([]);
    // A word of the matched fact's own answer is no word against it ("scanned" for the door scans).
    expect(lookup('event-recommendation', 'Are tickets scanned at the door?')).toEqual(['interaction-logs']);
    expect(lookup('product-search-ranking', 'What share of searches end in a purchase?')).toEqual(['search-logs']);
  });

  it('takes a number in the question for no subject', () => {
    expect(ids('Are there 40 reviewers or so?')).toEqual(['reviewers']);
  });

  it('reads "logged-out" as a kind of user, not as the logs', () => {
    const two = factIndex([tinyFacts[0]!, sheet.find((f) => f.id === 'logs')!], vocabulary);
    expect(matchFacts('Logged-out users too?', two)).toEqual([]);
    expect(matchFacts('What do we log?', two).map((m) => m.fact.id)).toEqual(['logs']);
  });

  it('answers a question asking for a quantity only with a fact that gives one', () => {
    const pricing: Fact = { id: 'pricing', topic: 'Pricing', answer: 'A second-price auction; most advertisers pay per click.', asks: ['bid', 'pricing', 'auction'], key: false };
    const withPricing = factIndex([...sheet, pricing], vocabulary);
    expect(matchFacts("What's the average bid?", withPricing)).toEqual([]);
    expect(matchFacts('What share of the auction is won by bid?', withPricing)).toEqual([]);
    expect(matchFacts('How does the auction work?', withPricing).map((m) => m.fact.id)).toEqual(['pricing']);
    // Number words count as a quantity: "fifteen engineers" answers "how many engineers".
    const team: Fact = { id: 'team', topic: 'Team', answer: 'Fifteen engineers.', asks: ['team', 'engineers'], key: false };
    expect(matchFacts('How many engineers are on the team?', factIndex([...sheet, team], vocabulary)).map((m) => m.fact.id)).toEqual(['team']);
  });

  it('meets a vocabulary term whose last word is inflected ("device fingerprints")', () => {
    expect(lookup('payment-fraud-detection', 'Do we have device fingerprints for all traffic?')).toEqual(['signals']);
  });

  it('weighs no word against a fact without the generic word list', () => {
    // The lookup with the synonyms alone keeps the older rule: only words the sheet uses count.
    const bare = factIndex(sheet, { synonyms: vocabulary.synonyms, words: vocabulary.words });
    expect(matchFacts('Are reviewers outsourced?', bare).map((m) => m.fact.id)).toEqual(['reviewers']);
  });
});

// The plain questions facts-content.test.ts asks of the bare matcher, here through the lookup as the interviewer and
// `mlsd ask` run it (with the vocabulary and the question words): every one still finds its fact.
describe.each(Object.entries(PLAIN_QUESTIONS))('%s: the plain questions, as the interviewer looks them up', (promptId, questions) => {
  it.each(questions)('%s → %s', (question, factId) => {
    expect(lookup(promptId, question)).toEqual(factId ? [factId] : []);
  });
});

describe('every phrasing on the real sheets, as the interviewer looks it up', () => {
  it.each(content.prompts.map((p) => [p.id, p] as const))('%s: reaches a fact that lists it', (_id, prompt) => {
    const index = factIndex(prompt.facts, vocabulary);
    expectEveryPhrasingReachesItsFact(prompt.facts, (ask) => matchFacts(ask, index)[0]?.fact.id);
  });
});

/**
 * The development sets (test/fixtures/facts-dev to facts-dev4, each a questions.yaml): per prompt, questions the sheet does not cover
 * and covered ones, each labelled before the lookup ran on it. The limits are what the lookup reached on each
 * (`node scripts/evaluate-facts.mjs facts-dev`); a change that loses ground fails here. facts-dev was tuned on;
 * facts-dev2 hardly; facts-dev3 and facts-dev4, in a candidate's own words, were written to find the covered questions
 * the lookup refused, and the sheets' phrasings were then widened with them in view (their first results are in
 * each folder's results.md).
 */
const SETS: Array<[set: string, minQuestions: number, uncoveredAnswered: number, coveredNotExact: number]> = [
  ['facts-dev', 180, 3, 1],
  ['facts-dev2', 110, 6, 6],
  ['facts-dev3', 95, 2, 4],
  ['facts-dev4', 140, 3, 11],
];

describe.each(SETS)('the development set %s', (set, minQuestions, uncoveredAnswered, coveredNotExact) => {
  const sets = parse(readFileSync(join(import.meta.dirname, '../../fixtures', set, 'questions.yaml'), 'utf8')) as Record<string, DevQuestion[]>;
  const rows = Object.entries(sets).flatMap(([promptId, list]) => list.map((item) => ({ promptId, ...item, got: lookup(promptId, item.q) })));
  const uncovered = rows.filter((r) => !r.facts.length);
  const covered = rows.filter((r) => r.facts.length);

  it('has questions for every prompt', () => {
    expect(Object.keys(sets).sort()).toEqual(content.prompts.map((p) => p.id).sort());
    expect(rows.length).toBeGreaterThanOrEqual(minQuestions);
  });

  it(`answers at most ${uncoveredAnswered} of the questions the sheet does not cover with a fact`, () => {
    const answered = uncovered.filter((r) => r.got.length).map((r) => `${r.promptId}: ${r.q} → ${r.got.join(', ')}`);
    expect(answered.length, answered.join('\n')).toBeLessThanOrEqual(uncoveredAnswered);
  });

  it(`answers all but at most ${coveredNotExact} covered questions with exactly their facts`, () => {
    const wrong = covered
      .filter((r) => [...r.got].sort().join() !== [...r.facts].sort().join())
      .map((r) => `${r.promptId}: ${r.q} → ${r.got.join(', ') || 'nothing'} (expected ${r.facts.join(', ')})`);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(coveredNotExact);
  });
});
