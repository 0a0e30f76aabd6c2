import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework, Prompt } from '../../../src/content/schema.js';
import { parseAnswerMarkdown, type Grade, type Grader } from '../../../src/grading/index.js';
import { LEVEL_BARS, RELEVANCE_FULL, SIGNAL_SHARE } from '../../../src/grading/score.js';
import { framework, prompt } from '../../helpers/grading.js';
import { tools } from '../../helpers/grading.js';

let grader: Grader;
beforeAll(async () => {
  ({ grader } = await tools());
});

const P = prompt([
  { id: 'funnel', phase: 'models', level: 'mid', weight: 4, concepts: [['candidate generation', 'retrieval'], ['ranking', 'ranker']] },
  { id: 'position-bias', phase: 'data', level: 'senior', weight: 3, concepts: [['position bias'], ['position as a feature', 'propensity', 'randomised slice']] },
  { id: 'ab-test', phase: 'metrics', level: 'mid', weight: 2, concepts: [['a/b test']] },
  { id: 'qps', phase: 'requirements', level: 'mid', weight: 2, numeric: true, concepts: [['qps']] },
  { id: 'exploration', phase: 'models', level: 'staff', weight: 2, concepts: [['exploration', 'bandit']] },
  { id: 'either', phase: 'serving', level: 'senior', weight: 1, need: 1, concepts: [['cache'], ['fallback']] },
]);
const F = framework([{ id: 'drift', phase: 'monitoring', level: 'mid', weight: 2, concepts: [['drift'], ['monitor', 'alert']] }]);

const grade = (md: string, p: Prompt = P, f: Framework = F, extra = {}): Grade => grader.grade(p, f, { sections: parseAnswerMarkdown(md), ...extra });
const met = (g: Grade) => g.criteria.filter((c) => c.met).map((c) => c.id).sort();

describe('criterion matching', () => {
  it.each([
    ['We first run candidate generation to get 500 videos, then a heavier ranker orders them.', 'funnel'],
    ['Retrieval narrows the catalogue down. Then the ranking model scores what is left.', 'funnel'],
    ['Clicks suffer from position bias, so we train with the position as a feature.', 'position-bias'],
    ['Every change ships behind an A/B test on a small share of traffic.', 'ab-test'],
    ['At peak we expect about 20k QPS on the feed service.', 'qps'],
    ['We reserve a few slots for exploration so new videos get impressions.', 'exploration'],
    ['If the ranker times out we serve a fallback list of popular videos.', 'either'],
    ['We monitor feature drift daily and alert on large shifts.', 'drift'],
    // The phrase window counts content words only, as rubric phrases do: "position ... as a feature" spans
    // the same whether or not the answer says "of the" and "in the" in between.
    ['Clicks suffer from position bias, so we train with the position of the card in the feed as a feature.', 'position-bias'],
  ])('"%s" earns %s', (sentence, id) => {
    const g = grade(sentence);
    expect(met(g)).toContain(id);
    expect(g.criteria.find((c) => c.id === id)!.evidence).toContain(sentence.split('.')[0]);
  });

  it.each([
    ["We don't need an A/B test because the model is obviously better.", 'ab-test'],
    ['An A/B test is overkill for this launch, we just ship it.', 'ab-test'],
    ['There is no need to monitor drift, since tastes do not change.', 'drift'],
    ['We considered exploration with a bandit but rejected it as too risky.', 'exploration'],
    ['Instead of candidate generation and ranking stages, we score every video with one model.', 'funnel'],
    ['Position bias is not a concern for us, so we skip the position feature.', 'position-bias'],
    ['We expect high QPS on the feed service at peak times.', 'qps'],
    ['- candidate generation, ranking, A/B test, exploration, drift', 'funnel'],
    ['Position bias. Propensity.', 'position-bias'],
  ])('"%s" does not earn %s', (sentence, id) => {
    expect(met(grade(sentence))).not.toContain(id);
  });

  it('credits the affirmative part of a sentence that opens with a condition', () => {
    const g = grade('Without position bias correction the model learns its own ranking, so we log the slot and use the position as a feature.');
    expect(met(g)).toContain('position-bias');
  });

  it('needs the groups in one passage, not scattered across the answer', () => {
    const g = grade('## Data\nClicks are shaped by position bias in the feed.\n\nWe also store user features.\n\nThe weather is nice.\n\n## Models\nWe learn a propensity model for the ads team.');
    expect(met(g)).not.toContain('position-bias');
    expect(g.criteria.find((c) => c.id === 'position-bias')!.note).toMatch(/^only apart, never in one passage/);
  });

  it('quotes the words it saw apart and where, so the note can be checked against the answer', () => {
    const g = grade('## Data\nClicks are shaped by position bias in the feed.\n\nWe also store user features.\n\nThe weather is nice.\n\n## Models\nWe learn a propensity model for the ads team.');
    const note = g.criteria.find((c) => c.id === 'position-bias')!.note!;
    expect(note).toContain('"position bias" (Data and features)');
    expect(note).toContain('"propensity" (Models)');
  });

  it('quotes what a note says was set aside, listed or only in part', () => {
    expect(grade('## Models\nWe learn a propensity model for the ads team.').criteria.find((c) => c.id === 'position-bias')!.note)
      .toBe('only in part: "propensity" (Models), with nothing on "position bias" in the same passage');
    expect(grade("We won't run an A/B test, it is not needed.").criteria.find((c) => c.id === 'ab-test')!.note)
      .toBe('mentioned only to set it aside: "We won\'t run an A/B test, it is not needed."');
    expect(grade('- A/B test').criteria.find((c) => c.id === 'ab-test')!.note).toBe('named only in a list or a fragment, not explained: "A/B test"');
  });

  it('says why a criterion was close: negated, or only listed', () => {
    expect(grade("We won't run an A/B test, it is not needed.").criteria.find((c) => c.id === 'ab-test')!.note).toMatch(/^mentioned only to set it aside/);
    expect(grade('- A/B test').criteria.find((c) => c.id === 'ab-test')!.note).toMatch(/list or a fragment/);
  });

  it('tolerates typos and spelling variants', () => {
    const g = grade('We run candidate generaton first and then a ranker; every change goes through an AB test with randomised traffic.');
    expect(met(g)).toEqual(expect.arrayContaining(['funnel', 'ab-test']));
  });
});

describe('scoring arithmetic', () => {
  const all = [
    '## Requirements', 'We expect about 20k QPS at peak, from 100M daily users opening the app five times a day.',
    '## Metrics', 'Every change ships behind an A/B test on 5% of traffic for two weeks.',
    '## Data', 'Clicks suffer from position bias, so we train with the position as a feature and fix it at serving.',
    '## Models', 'Candidate generation returns 500 videos and a ranking model orders them. We reserve a few slots for exploration so new videos get impressions.',
    '## Serving', 'If the ranker times out we serve a cached fallback list of popular videos.',
    '## Monitoring', 'We monitor feature drift daily and alert on large shifts in the score distribution.',
  ].join('\n\n');

  it('scores a phase as the earned share of its weight, and the total from rubric and signals', () => {
    const g = grade(all);
    expect(g.criteria.every((c) => c.met)).toBe(true);
    expect(g.phases.map((p) => p.score)).toEqual([100, 100, 100, 100, 100, 100]);
    const signalMean = (g.signals.structure + g.signals.tradeoffs + g.signals.quantitative + g.signals.depth) / 4;
    expect(g.total).toBeCloseTo((1 - SIGNAL_SHARE) * 100 + SIGNAL_SHARE * signalMean, 0);
    expect(g.level).toBe('staff');
  });

  it('weighs a phase by criterion weight', () => {
    const g = grade('Candidate generation returns 500 videos and a ranking model orders them.');
    const models = g.phases.find((p) => p.id === 'models')!;
    expect(models.covered).toEqual(['funnel']);
    expect(models.missed).toEqual(['exploration']);
    expect(models.score).toBeCloseTo((100 * 4) / 6, 1);
  });

  it('scales everything but the prompt’s core (its own mid criteria) by how much of the core is met', () => {
    const g = grade('We monitor feature drift daily and alert on large shifts in the score distribution.');
    expect(met(g)).toEqual(['drift']);
    expect(g.relevance).toBe(0);
    expect(g.phases.find((p) => p.id === 'monitoring')!.score).toBe(0);
    const partly = grade('Every change ships behind an A/B test on 5% of traffic.\n\nWe monitor feature drift daily and alert on large shifts.');
    const coreShare = 2 / 8;
    expect(partly.relevance).toBeCloseTo(Math.min(1, coreShare / RELEVANCE_FULL), 2);
    expect(partly.phases.find((p) => p.id === 'monitoring')!.score).toBeCloseTo(100 * partly.relevance!, 0);
    expect(partly.phases.find((p) => p.id === 'metrics')!.score).toBe(100);
  });

  it('clears a level only with the level below it, and gives advanced ideas nothing without the basics', () => {
    const g = grade('We reserve a few slots for exploration so new videos get impressions.');
    expect(met(g)).toEqual(['exploration']);
    expect(g.level).toBe('none');
    expect(g.total).toBe(0);
    expect(g.bars!.map((b) => b.cleared)).toEqual([false, false, false]);
    expect(g.bars![2]!.requirements.find((r) => r.level === 'staff')!.share).toBe(0);
  });

  it('puts the mid bar at the configured share of mid weight', () => {
    const mid = grade('Candidate generation returns 500 videos and a ranking model orders them. Every change ships behind an A/B test on 5% of traffic.');
    const share = 6 / 10;
    expect(share).toBeGreaterThanOrEqual(LEVEL_BARS.mid.mid!);
    expect(mid.level).toBe('mid');
  });

  it('grades only the phases asked for', () => {
    const g = grade('Candidate generation returns 500 videos and a ranking model orders them.', P, F, { phases: ['models'] });
    expect(g.phases.filter((p) => p.graded).map((p) => p.id)).toEqual(['models']);
    expect(g.criteria.every((c) => c.phase === 'models')).toBe(true);
    expect(g.phases.find((p) => p.id === 'data')).toEqual({ id: 'data', graded: false, score: 0, covered: [], missed: [] });
  });

  it('in a drill, scales only framework credit: a phase may have few core criteria', () => {
    const answer = 'We reserve a few slots for exploration so new videos get impressions.';
    expect(grade(answer).phases.find((p) => p.id === 'models')!.score).toBe(0);
    const drill = grade(answer, P, F, { phases: ['models'] });
    expect(drill.phases.find((p) => p.id === 'models')!.score).toBeCloseTo((100 * 2) / 6, 1);
  });

  it('counts the key facts asked as a partial requirements criterion', () => {
    const none = grade('We expect about 20k QPS at peak.', P, F, { askedFacts: [] });
    const half = grade('We expect about 20k QPS at peak.', P, F, { askedFacts: ['scale', 'devices'] });
    const both = grade('We expect about 20k QPS at peak.', P, F, { askedFacts: ['scale', 'latency'] });
    const asked = (g: Grade) => g.criteria.find((c) => c.id === 'asked-key-facts')!;
    expect(asked(none)).toMatchObject({ met: false, credit: 0, phase: 'requirements' });
    expect(asked(half)).toMatchObject({ met: true, credit: 0.5, evidence: 'Asked about: Scale.' });
    expect(asked(both).credit).toBe(1);
    const req = (g: Grade) => g.phases[0]!.score;
    expect(req(none)).toBeLessThan(req(half));
    expect(req(half)).toBeLessThan(req(both));
    expect(grade('We expect about 20k QPS at peak.').criteria.some((c) => c.id === 'asked-key-facts')).toBe(false);
  });

  it('scores empty headings and an empty answer at zero', () => {
    const g = grade('## Requirements\n\n## Metrics\n\n## Data\n\n## Models\n\n## Serving\n\n## Monitoring\n');
    expect(g.total).toBe(0);
    expect(g.signals.structure).toBe(0);
    expect(g.level).toBe('none');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(grade(all))).toBe(JSON.stringify(grade(all)));
  });
});

describe('the quoted evidence', () => {
  it('separates two lines of notes that end without punctuation, so they do not read as one phrase', () => {
    const g = grade('## Models\n\nRetrieval: two-tower over all videos, top 500\nRanking: a deep ranker scores the 500 candidates');
    expect(g.criteria.find((c) => c.id === 'funnel')!.evidence).toBe('Retrieval: two-tower over all videos, top 500 / Ranking: a deep ranker scores the 500 candidates');
  });
});
