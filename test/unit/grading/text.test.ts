import { beforeAll, describe, expect, it } from 'vitest';
import { splitBlocks, stripInline } from '../../../src/grading/blocks.js';
import type { Lexicon } from '../../../src/grading/lexicon.js';
import { headingPhase, normaliseHeading, parseAnswerMarkdown } from '../../../src/grading/markdown.js';
import { negatedTokens } from '../../../src/grading/negation.js';
import type { Nlp } from '../../../src/grading/nlp.js';
import { checkProse } from '../../../src/grading/prose.js';
import { stem } from '../../../src/grading/stem.js';
import { TypoIndex, typoDistance } from '../../../src/grading/typos.js';
import { tools } from '../../helpers/grading.js';

let nlp: Nlp;
let lexicon: Lexicon;
beforeAll(async () => {
  ({ nlp, lexicon } = await tools());
});

describe('stem', () => {
  it.each([
    ['personalization', 'personalize'],
    ['personalised', 'personalized'],
    ['calibration', 'calibrated'],
    ['videos', 'video'],
    ['rankings', 'ranking'],
    ['biases', 'bias'],
    ['labelling', 'labeling'],
    ['behaviour', 'behavior'],
    ['catalogue', 'catalog'],
    ['retrieval', 'retrieve'],
    ['deployment', 'deploy'],
    ['listings', 'listing'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['causal', 'casual'],
    ['latency', 'latent'],
    ['user', 'use'],
    ['listing', 'list'],
  ])('%s and %s stay apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});

describe('normalised phrases', () => {
  const same = (a: string, b: string) => expect(lexicon.phrase(a)).toEqual(lexicon.phrase(b));
  it.each([
    ['approximate nearest neighbour search', 'ANN search'],
    ['approximate nearest neighbor', 'ANN'],
    ['click-through rate', 'CTR'],
    ['A/B testing', 'ab test'],
    ['re-ranking', 'reranking'],
    ['two-tower model', 'two tower model'],
    ['p99 latency', '99th percentile latency'],
    ['queries per second', 'QPS'],
    ['the labels were normalised', 'label normalized'],
    ['end-to-end latency', 'e2e latency'],
    ['training-serving skew', 'train/serve skew'],
    ['recall@100', 'recall at k'],
  ])('"%s" ≈ "%s"', same);

  it('keeps different ideas apart', () => {
    expect(lexicon.phrase('position bias')).not.toEqual(lexicon.phrase('popularity bias'));
    expect(lexicon.phrase('HNSW')).not.toEqual(lexicon.phrase('ANN'));
  });

  it('drops stopwords but keeps negation words', () => {
    expect(lexicon.phrase('the position of the item')).toEqual(lexicon.phrase('item position').reverse());
    expect(lexicon.phrase('not clicks')).toContain('not');
  });
});

describe('typo tolerance', () => {
  const index = () => new TypoIndex([['retrieval', stem('retrieval')], ['recommendation', stem('recommendation')], ['causal', 'causal'], ['latency', 'latency']], lexicon.notTypos);
  it.each([
    ['retreival', 'retrieval'],
    ['recomendation', 'recommendation'],
    ['latnecy', 'latency'],
  ])('corrects %s to %s', (typo, word) => {
    expect(index().correct(typo, stem(typo))).toBe(stem(word));
  });
  it.each([['casual'], ['tower'], ['retrieval'], ['completely']])('leaves %s alone', (word) => {
    expect(index().correct(word, stem(word))).toBeUndefined();
  });
  it('measures swaps as one edit', () => {
    expect(typoDistance('latnecy', 'latency')).toBe(1);
    expect(typoDistance('abc', 'cab')).toBeGreaterThan(1);
  });
});

describe('negation', () => {
  const negatedWords = (sentence: string) => {
    const [s] = nlp.sentences(sentence);
    const flags = negatedTokens(s!.tokens);
    return s!.tokens.filter((_, i) => flags[i]).map((t) => t.text.toLowerCase());
  };
  it.each([
    ["We don't need A/B testing.", 'testing'],
    ['There is no need to monitor drift.', 'drift'],
    ['A feature store is overkill for the first version.', 'store'],
    ['Diversity re-ranking is unnecessary.', 'diversity'],
    ['Offline metrics such as NDCG are not needed.', 'ndcg'],
    ['We considered a two-tower model but rejected it as too complex.', 'tower'],
    ['Instead of a multi-stage funnel, we score every video.', 'funnel'],
    ['Position bias is not a concern here.', 'bias'],
    ['The server is fast enough without caching.', 'caching'],
    ['We go with a heuristic that does not need an A/B test.', 'test'],
    ['Accuracy is useless here and we look at precision and recall.', 'accuracy'],
    ['We considered a two-tower model and we rejected it.', 'tower'],
    ['There is no leakage monitoring.', 'monitoring'],
    ['Appeals are out of scope.', 'appeals'],
    ['Out of scope for this round: bid setting and budget pacing.', 'pacing'],
    ["I'm leaving search and ads aside.", 'search'],
    ['Listings that are not in stock are removed by the filter.', 'stock'],
  ])('"%s" negates "%s"', (sentence, word) => {
    expect(negatedWords(sentence)).toContain(word);
  });
  it.each([
    ['Without position-bias correction the model learns its own ranking, so we log the position.', 'position'],
    ['Videos with no views get exploration traffic.', 'exploration'],
    ['We optimise not only clicks but watch time.', 'watch'],
    ['We track the "not interested" rate as a guardrail.', 'guardrail'],
    ['We use two-tower retrieval instead of matrix factorisation.', 'tower'],
    ["I'd also watch that we don't lose diversity.", 'diversity'],
    ['We re-rank without hurting latency.', 'latency'],
    ['We never skip the A/B test before a launch.', 'test'],
    // A "not" inside a relative clause stays there: the main clause is still the design.
    ['Listings that are not in stock are removed by the filter.', 'filter'],
    ['Videos that the user has not watched are candidates for the feed.', 'feed'],
    ["Items that don't ship to the buyer's country are filtered out before ranking.", 'filtered'],
    ['Accuracy is useless here and we look at precision and recall.', 'precision'],
    ['We ask for 3DS instead of rejecting the payment.', '3'],
    ["We can't read losses until chargebacks mature.", 'chargebacks'],
    ['Features are point-in-time, so no leakage from later events.', 'leakage'],
    ['Recent labels not mature → train on older data.', 'older'],
    ['Appeals are out of scope.', 'scope'],
    ['We focus on ranking; search is out of scope.', 'ranking'],
    ['We do not ship even if watch time rises.', 'watch'],
  ])('"%s" keeps "%s" affirmative', (sentence, word) => {
    expect(negatedWords(sentence)).not.toContain(word);
  });
});

describe('headings', () => {
  it.each([
    ['3. Data & Features', 'data'],
    ['## Serving and scale', 'serving'],
    ['1) Clarifying questions', 'requirements'],
    ['Step 2 - Offline and online metrics', 'metrics'],
    ['Model architecture', 'models'],
    ['IV. Monitoring & iteration', 'monitoring'],
    ['**Evaluation**', 'metrics'],
    ['Deployment:', 'serving'],
    ['Candidate generation', 'models'],
    ['Capacity estimation', 'requirements'],
    ['Offline and online evaluation', 'metrics'],
    ['Measuring it', 'metrics'],
    ['In the payment flow', 'serving'],
    ['Keeping up with fraudsters', 'monitoring'],
    ["How we'll know it's good", 'metrics'],
    ['The predictor', 'models'],
    ['Answering every auction', 'serving'],
    ['What I need to know first', 'requirements'],
    ['Appendix', null],
    ['Video recommendations', null],
  ])('%s → %s', (heading, phase) => {
    expect(headingPhase(heading.replace(/^#+\s*/, ''))).toBe(phase);
  });

  it('normalises numbering and punctuation', () => {
    expect(normaliseHeading('  2.1: Data & Features!  ')).toBe('data and features');
  });

  it('splits an answer into sections; sub-headings inherit their phase and a lone title names none', () => {
    const md = [
      '# Video recs', 'intro line', '## 1. Requirements', 'We assume 10M users.', '## Models', '### Candidate generation',
      'Two towers.', '## Serving and scale', 'Cache it.', '**Monitoring**', '', 'Watch drift daily.',
    ].join('\n');
    const sections = parseAnswerMarkdown(md);
    expect(sections.map((s) => [s.heading, s.phase])).toEqual([
      ['Video recs', null],
      ['1. Requirements', 'requirements'],
      ['Models', 'models'],
      ['Candidate generation', 'models'],
      ['Serving and scale', 'serving'],
      ['Monitoring', 'monitoring'],
    ]);
    expect(sections[0]!.text).toBe('intro line');
    expect(sections[5]!.text).toBe('Watch drift daily.');
  });

  it('reads a bold inline label that names a phase as a heading, keeping the rest of the line', () => {
    const sections = parseAnswerMarkdown('**Requirements:** 10M users, 100 ms.\n\n**Metrics**: NDCG offline.\nMore on metrics.\n\n**Note:** not a phase.');
    expect(sections.map((s) => [s.heading, s.phase, s.text])).toEqual([
      ['Requirements', 'requirements', '10M users, 100 ms.'],
      ['Metrics', 'metrics', 'NDCG offline.\nMore on metrics.\n\n**Note:** not a phase.'],
    ]);
  });

  it('keeps an inline bold label inside a phase section in that phase', () => {
    const sections = parseAnswerMarkdown('## Requirements\nScope first.\n\n**Latency:** 100 ms at p99.\n\n## Serving\nCache.');
    expect(sections.map((s) => [s.heading, s.phase])).toEqual([
      ['Requirements', 'requirements'],
      ['Latency', 'requirements'],
      ['Serving', 'serving'],
    ]);
  });

  it('reads a bare line that is exactly a phase name as a note-taker\'s heading', () => {
    const sections = parseAnswerMarkdown('reqs\n- 50M DAU\n\nmetrics\n- recall@500 offline\n\nWe rank the metrics later.');
    expect(sections.map((s) => [s.heading, s.phase])).toEqual([
      ['reqs', 'requirements'],
      ['metrics', 'metrics'],
    ]);
    expect(sections[1]!.text).toContain('We rank the metrics later.');
  });

  it('keeps text before the first heading and treats an answer without headings as one section', () => {
    expect(parseAnswerMarkdown('Just prose.\nMore prose.')).toEqual([{ phase: null, text: 'Just prose.\nMore prose.' }]);
  });
});

describe('blocks and prose', () => {
  it('splits list items, table rows and code blocks', () => {
    const blocks = splitBlocks('Intro **bold** text.\n\n- item one\n  continued\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Intro bold text.' },
      { kind: 'item', text: 'item one continued' },
      { kind: 'item', text: 'item two' },
      { kind: 'table', text: 'a ; b' },
      { kind: 'table', text: '1 ; 2' },
      { kind: 'code', text: 'code' },
    ]);
    expect(stripInline('see [the doc](http://x) and `code`')).toBe('see the doc and code');
  });

  it('keeps short unpunctuated note lines apart but joins hard-wrapped prose', () => {
    expect(splitBlocks('Two tower retrieval\nThen a DNN ranker\nCache the feed')).toHaveLength(3);
    const wrapped = 'We retrieve about five hundred candidates with a two-tower model and\nthen rank them with a deep network that predicts watch time.';
    expect(splitBlocks(wrapped)).toEqual([{ kind: 'paragraph', text: wrapped.replace('\n', ' ') }]);
  });

  const check = (sentence: string) => checkProse(nlp.sentences(sentence)[0]!.tokens);
  it.each([
    ['We retrieve about 500 candidates with a two-tower model and an ANN index.', true, false],
    ['Clicks are position-biased, so we log the slot and train with position as a feature.', true, false],
    ['Budget: features 10 ms, retrieval 20 ms, ranking 45 ms, re-rank 5 ms.', true, false],
    ['A two-tower model: the user tower encodes history and context, the video tower encodes content.', true, false],
    ['Track feature drift, calibration and prediction distributions daily; retrain the ranker daily and roll out through shadow, canary and A/B.', true, false],
    ['User features include watch history, subscriptions, language, country and device, and the video features are the title embedding, duration and upload age.', true, true],
    ['NDCG, recall@K, MAP, AUC, log loss, calibration', false, true],
    ['two-tower, ANN, HNSW, FAISS, multi-stage funnel', false, true],
    ['100M DAU, 100 ms p99 latency, high QPS', false, false],
    ['We use NDCG, MAP, AUC, MRR, CTR and calibration.', true, true],
    ['We use logistic regression and DeepFM and DCN and embeddings and feature crosses and online learning to ensure accuracy.', true, true],
    ['Position bias.', false, false],
    // One preposition among a dozen terms does not make them an explanation.
    ['BM25, LambdaMART, NDCG, MRR, position bias, interleaving, query understanding, searches per day, two-tower, cross-encoder, add to cart, GMV.', true, true],
    ['We log impressions, clicks, add-to-carts, purchases, returns and dwell time per query so that labels can be graded.', true, false],
  ])('"%s": prose %s, list %s', (sentence, prose, list) => {
    expect(check(sentence)).toMatchObject({ prose, listLike: list });
  });

  it('flags terms chained with "and" but not an ordinary list', () => {
    expect(check('We use a feature store and sharding and pre-ranking and fallbacks to ensure low latency.').chained).toBe(true);
    expect(check('We log clicks, likes and shares, and we treat long watches as positives.').chained).toBe(false);
  });
});
