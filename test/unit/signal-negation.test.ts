import { beforeAll, describe, expect, it } from 'vitest';
import { analyseAnswer } from '../../src/grading/analyse.js';
import type { Lexicon } from '../../src/grading/lexicon.js';
import { parseAnswerMarkdown } from '../../src/grading/markdown.js';
import type { Nlp } from '../../src/grading/nlp.js';
import { tradeoffSignal } from '../../src/grading/signals.js';
import { PHASE_IDS } from '../../src/phases.js';
import { tools } from '../helpers/grading.js';

let nlp: Nlp;
let lexicon: Lexicon;
beforeAll(async () => {
  ({ nlp, lexicon } = await tools());
});
const underModels = (sentence: string) => tradeoffSignal(analyseAnswer(parseAnswerMarkdown(`## Models\n${sentence}`), nlp, lexicon), PHASE_IDS);

// A trade-off cue read in a negated clause is not a trade-off weighed: the signal reads the words the grader's
// negation leaves standing, as the criteria do.
describe('the trade-off signal respects negation', () => {
  it.each([
    "We don't care about trade-offs here, we just ship the biggest model.",
    'There are no trade-offs to discuss for the ranker.',
    'We never weigh the downsides of the big model.',
  ])('"%s" weighs nothing', (sentence) => {
    expect(underModels(sentence)).toBe(0);
  });

  it.each([
    'The trade-off is latency against recall, so we cap the candidate set at 500.',
    'We use GBDT instead of a DNN because it is cheaper to serve.',
    'We do not use a DNN because GBDT is cheaper to serve and nearly as accurate.',
    "The drawback is staleness, but we don't refresh more often because it costs GPU hours.",
  ])('"%s" still weighs alternatives', (sentence) => {
    expect(underModels(sentence)).toBeGreaterThan(0);
  });
});
