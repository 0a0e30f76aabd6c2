import { describe, expect, it } from 'vitest';
import { statementAsAnswer } from '../../src/grading/restatement.js';
import { shippedContent, shippedGrader } from '../helpers/shipped.js';

// A prompt's statement pasted under every heading (as scripts/evaluate-restatement.mjs does) decided nothing. It may
// meet a requirements criterion that asks the candidate to state a constraint the prompt gives, but no criterion of
// a later phase (src/grading/restatement.ts holds such sentences back; the content lint's statementShrinks check
// keeps phrasings from shrinking to the statement's own words).

describe('the statement pasted back as an answer', () => {
  const content = shippedContent();
  for (const prompt of content.prompts) {
    it(`earns no criterion beyond requirements in ${prompt.id}`, async () => {
      const grade = (await shippedGrader()).grade(prompt, content.framework, { sections: statementAsAnswer(prompt.statement) });
      const earned = grade.criteria.filter((c) => (c.met || (c.credit ?? 0) > 0) && c.phase !== 'requirements');
      expect(earned.map((c) => `${c.id}: ${c.evidence}`)).toEqual([]);
    });
  }
});
