import { beforeAll, describe, expect, it } from 'vitest';
import { analyseAnswer } from '../../../src/grading/analyse.js';
import type { Lexicon } from '../../../src/grading/lexicon.js';
import { parseAnswerMarkdown } from '../../../src/grading/markdown.js';
import type { Nlp } from '../../../src/grading/nlp.js';
import { isTradeoff, quantitativeSignal, structureSignal, tradeoffSignal } from '../../../src/grading/signals.js';
import { PHASE_IDS } from '../../../src/phases.js';
import { tools } from '../../helpers/grading.js';

let nlp: Nlp;
let lexicon: Lexicon;
beforeAll(async () => {
  ({ nlp, lexicon } = await tools());
});
const analyse = (md: string) => analyseAnswer(parseAnswerMarkdown(md), nlp, lexicon);

describe('signals', () => {
  it.each([
    ['We use GBDT instead of a DNN because it is cheaper to serve.', true],
    ['Diversity costs some watch time; the trade-off is set by an A/B test.', true],
    ['A bigger candidate set improves recall but costs latency, so we tune it against the budget.', true],
    ['We use GBDT.', false],
    ['Then we rank the videos and show them.', false],
  ])('"%s" weighs alternatives: %s', (sentence, expected) => {
    expect(isTradeoff(sentence)).toBe(expected);
  });

  it('counts kinds of numbers, not how many numbers', () => {
    expect(quantitativeSignal(analyse('We expect 100M daily active users.'))).toBeCloseTo(100 / 6, 1);
    const rich = analyse(
      '100M users × 5 opens / 86,400 s ≈ 6k QPS. Budget: features 10 ms, retrieval 20 ms, ranking 45 ms. Logs are 1 TB a day.',
    );
    expect(quantitativeSignal(rich)).toBe(100);
    const repeated = analyse('We have 100M users. We have 200M users. We have 300M users.');
    expect(quantitativeSignal(repeated)).toBe(quantitativeSignal(analyse('We have 100M users.')));
  });

  it('rewards phases present with substance, in order', () => {
    const body = 'We explain this part of the design in enough words to count as real substance for the phase in question, with a reason.';
    const ordered = analyse(PHASE_IDS.map((p) => `## ${p}\n${body}`).join('\n\n'));
    expect(structureSignal(ordered, PHASE_IDS, new Set())).toBe(100);
    const reversed = analyse([...PHASE_IDS].reverse().map((p) => `## ${p}\n${body}`).join('\n\n'));
    expect(structureSignal(reversed, PHASE_IDS, new Set())).toBe(50);
    const empty = analyse(PHASE_IDS.map((p) => `## ${p}\n`).join('\n'));
    expect(structureSignal(empty, PHASE_IDS, new Set())).toBe(0);
  });

  it('scores trade-offs by the share of phases that weigh one', () => {
    const md = '## Models\nWe use GBDT instead of a DNN because it is cheaper to serve.\n\n## Serving\nWe cache feeds.';
    expect(tradeoffSignal(analyse(md), PHASE_IDS)).toBeCloseTo(100 / 3, 1);
  });

  it('counts a choice recorded as a labelled note, not a bare label', () => {
    const noted = '## Models\n- Main: GBDT on tabular features.\n- Rejected: an end-to-end deep model inline (latency, explainability to regulators).';
    expect(tradeoffSignal(analyse(noted), PHASE_IDS)).toBeCloseTo(100 / 3, 1);
    const bare = '## Models\n- Main: GBDT on tabular features.\n- Rejected: DNN.';
    expect(tradeoffSignal(analyse(bare), PHASE_IDS)).toBe(0);
  });
});
