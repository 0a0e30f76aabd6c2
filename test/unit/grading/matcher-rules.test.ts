import { describe, expect, it } from 'vitest';
import { createGrader, parseAnswerMarkdown } from '../../../src/grading/index.js';
import { framework, prompt, tools } from '../../helpers/grading.js';

/** The terms of a one-sentence text that count as a figure. */
async function figures(text: string): Promise<string[]> {
  const { nlp, lexicon } = await tools();
  const [sentence] = nlp.sentences(text);
  return lexicon.terms(sentence!.tokens, []).words.filter((t) => t.num).map((t) => t.lower);
}

const sizing = prompt([{ id: 'sizing', phase: 'data', level: 'mid', numeric: true, concepts: [['impressions'], ['downsample']] }]);
async function sizingMet(line: string): Promise<boolean> {
  const { nlp } = await tools();
  const { shippedVocabulary } = await import('../../helpers/shipped.js');
  const grade = createGrader(nlp, shippedVocabulary()).grade(sizing, framework(), { sections: parseAnswerMarkdown(`## Data\n\n${line}\n`) });
  return grade.criteria.find((c) => c.id === 'sizing')!.met;
}

describe('a plural scale word is an order of magnitude, not a figure', () => {
  it.each([
    ['We log 20 billion impressions a month.', ['20', 'billion']],
    ['About a million sellers list items.', ['million']],
  ])('a figure: %s', async (text, nums) => {
    expect(await figures(text)).toEqual(nums);
  });

  it.each(['We log billions of impressions.', 'Millions of sellers list items.', 'Hundreds of thousands of queries arrive.'])('no figure: %s', async (text) => {
    expect(await figures(text)).toEqual([]);
  });

  it('does not meet a criterion that asks for a number', async () => {
    expect(await sizingMet('We have billions of impressions, so we downsample the negatives.')).toBe(false);
    expect(await sizingMet('We have 30 billion impressions, so we downsample the negatives.')).toBe(true);
  });
});

describe('a long line of notes separated by ";" is read note by note', () => {
  const sentencesOf = async (line: string) => {
    const { nlp, lexicon } = await tools();
    const { analyseAnswer } = await import('../../../src/grading/analyse.js');
    return analyseAnswer(parseAnswerMarkdown(`## Models\n\n${line}\n`), nlp, lexicon).sentences.map((s) => s.text);
  };

  it('splits a line of notes too long to be one note', async () => {
    const line = 'feedback loop: ranker → clicks → labels → ranker; fix: exploration slice, IPW, human grades, click concentration, item coverage';
    expect(await sentencesOf(line)).toEqual(['feedback loop: ranker → clicks → labels → ranker', 'fix: exploration slice, IPW, human grades, click concentration, item coverage']);
  });

  it('leaves a sentence of prose whole, and a short line of notes too', async () => {
    const prose = 'We retrain the ranker every night from the last week of logs; the retrieval model is refreshed once a week because it changes slowly.';
    expect(await sentencesOf(prose)).toEqual([prose]);
    expect(await sentencesOf('ANN; HNSW; two-tower')).toEqual(['ANN; HNSW; two-tower']);
  });

  const loop = prompt([{ id: 'loop', phase: 'monitoring', level: 'senior', concepts: [['feedback loop'], ['exploration', 'random slice']] }]);
  const loopMet = async (line: string) => {
    const { nlp } = await tools();
    const { shippedVocabulary } = await import('../../helpers/shipped.js');
    const grade = createGrader(nlp, shippedVocabulary()).grade(loop, framework(), { sections: parseAnswerMarkdown(`## Models\n\n${line}\n`) });
    return grade.criteria.find((c) => c.id === 'loop')!;
  };

  it('credits a part that is a qualified note', async () => {
    const line = 'feedback loop: ranker → clicks → labels → ranker; fix: exploration slice, IPW, human grades, click concentration, item coverage';
    expect((await loopMet(line)).met).toBe(true);
  });

  it('credits nothing for bare terms separated by ";"', async () => {
    const line = 'feedback loop; exploration; HNSW; two-tower; MMR; NDCG; A/B test; feature store; drift; calibration; cold start; position bias; caching';
    expect((await loopMet(line)).met).toBe(false);
  });
});

describe('comparison signs in a note are not an HTML tag', () => {
  it.each([
    ['fraud losses (target <10 bps) + approval rate (>95%)', 'fraud losses (target <10 bps) + approval rate (>95%)'],
    ['p99 <100 ms, recall >0.9', 'p99 <100 ms, recall >0.9'],
    ['keep score < 0.5 and volume > 2k', 'keep score < 0.5 and volume > 2k'],
  ])('keeps: %s', async (text, read) => {
    const { stripInline } = await import('../../../src/grading/blocks.js');
    expect(stripInline(text)).toBe(read);
  });

  it.each([
    ['one line<br>another', 'one line another'],
    ['a <span class="x">marked</span> word', 'a marked word'],
  ])('still drops a tag: %s', async (text, read) => {
    const { stripInline } = await import('../../../src/grading/blocks.js');
    expect(stripInline(text)).toBe(read);
  });
});

describe('a digit joined to a word by a hyphen is a count in words', () => {
  const plainTerms = async (text: string) => {
    const { nlp, lexicon } = await tools();
    const [sentence] = nlp.sentences(text);
    return lexicon.terms(sentence!.tokens, []).words;
  };

  it.each([
    ['A 2-stage funnel keeps serving cheap.', 'two'],
    ['We train a 3-layer MLP on top.', 'three'],
  ])('%s', async (text, word) => {
    const [written] = await Promise.all([plainTerms(text.replace(/\d/, word))]);
    const short = await plainTerms(text);
    expect(short.map((t) => t.norm)).toEqual(written.map((t) => t.norm));
    expect(short.some((t) => t.num)).toBe(false);
  });

  it.each(['Labels mature after 3-5 days.', 'We keep a 10-minute window.', 'Scores 2 - 3 of the raters agree on.'])('keeps figures that are not such a count: %s', async (text) => {
    expect((await plainTerms(text)).some((t) => t.num)).toBe(true);
  });
});

describe('"every N hours" with a few hours is a cadence of every few hours', () => {
  const fresh = prompt([{ id: 'fresh', phase: 'monitoring', level: 'senior', concepts: [['every few hours', 'hourly']] }]);
  const met = async (line: string) => {
    const { nlp } = await tools();
    const { shippedVocabulary } = await import('../../helpers/shipped.js');
    return createGrader(nlp, shippedVocabulary()).grade(fresh, framework(), { sections: parseAnswerMarkdown(`## Monitoring\n\n${line}\n`) }).criteria.find((c) => c.id === 'fresh')!.met;
  };

  it.each([
    'The ranker is fine-tuned every 3 hours on the newest logs.',
    'We refresh the embeddings every 2–6 h from the stream.',
    'Fraud model warm-started every 4h on fresh labels.',
  ])('earns it: %s', async (line) => {
    expect(await met(line)).toBe(true);
  });

  it.each([
    'The ranker is fine-tuned every 48 hours on the newest logs.',
    'We refresh the embeddings every 3 days from the stream.',
    'The ranker is fine-tuned every hour on the newest logs.',
    'Training takes 3 hours on eight GPUs.',
  ])('does not: %s', async (line) => {
    expect(await met(line)).toBe(false);
  });
});

describe('a comparison sign before a number reads as its word', () => {
  const act = prompt([{ id: 'act', phase: 'serving', level: 'mid', concepts: [['score above', 'score below'], ['block', 'review']] }]);
  const met = async (line: string) => {
    const { nlp } = await tools();
    const { shippedVocabulary } = await import('../../helpers/shipped.js');
    return createGrader(nlp, shippedVocabulary()).grade(act, framework(), { sections: parseAnswerMarkdown(`## Serving\n\n${line}\n`) }).criteria.find((c) => c.id === 'act')!.met;
  };

  it.each(['risk score > 0.9 → block; 0.6–0.9 → manual review', 'score ≥ 0.8 → block the payment', 'score <0.2 → approve, else review'])('earns it: %s', async (line) => {
    expect(await met(line)).toBe(true);
  });

  it.each(['risk score 0.9 → block; then manual review', 'score → block the payment', 'block when score is odd'])('does not: %s', async (line) => {
    expect(await met(line)).toBe(false);
  });
});
