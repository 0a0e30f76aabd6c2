import { describe, expect, it } from 'vitest';
import { findPrompt } from '../../../src/content/load.js';
import { matchFact } from '../../../src/interview/facts.js';
import { expectEveryPhrasingReachesItsFact, PLAIN_QUESTIONS } from '../../helpers/plain-questions.js';
import { shippedContent } from '../../helpers/shipped.js';

const content = shippedContent();

describe('the fact matcher on the real fact sheets', () => {
  it.each(content.prompts.map((p) => [p.id, p] as const))('%s: every phrasing reaches a fact that lists it', (_id, prompt) => {
    expectEveryPhrasingReachesItsFact(prompt.facts, (ask) => matchFact(ask, prompt.facts)?.fact.id);
  });

  describe.each(Object.entries(PLAIN_QUESTIONS))('%s: plain questions', (promptId, questions) => {
    const { facts } = findPrompt(content, promptId);
    it.each(questions)('%s → %s', (question, factId) => {
      expect(matchFact(question, facts)?.fact.id ?? null).toBe(factId);
    });
  });
});
