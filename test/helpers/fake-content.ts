import type { Content } from '../../src/content/load.js';
import type { Criterion, GuideEntry, Prompt } from '../../src/content/schema.js';
import type { Grade, Grader, GradeInput } from '../../src/grading/index.js';
import { PHASE_IDS } from '../../src/phases.js';
import { facts } from './interview-fixtures.js';

const crit = (id: string, phase: Criterion['phase'], word: string, weight = 3, level: Criterion['level'] = 'mid'): Criterion => ({
  id, phase, title: `Mentions ${word}`, weight, level, concepts: [[word]], why: 'because', strong: 'say it',
});

const guide: GuideEntry = { focus: 'Focus on the essentials.', checklist: ['one thing', 'another'], example: 'e.g.', pitfalls: [] };

export const tinyPrompt: Prompt = {
  id: 'tiny-recs',
  title: 'Tiny recommendations',
  domain: 'recommendations',
  difficulty: 'medium',
  summary: 'Recommend things.',
  statement: 'Design a **recommender** for a small video site.',
  facts,
  guidance: {
    clarifying: 'Ask about scale and latency.',
    requirements: 'Pin down the objective.',
    metrics: 'Offline and online.',
    data: 'Labels and features.',
    models: 'Funnel, then ranking.',
    serving: 'Latency budget.',
    monitoring: 'Drift.',
  },
  probes: [
    { criterion: 'cold-start', question: 'How would you recommend a brand-new video?' },
    { criterion: 'drift', question: 'How do you know the model got worse?' },
  ],
  skipFramework: [],
  pitfalls: [],
  rubric: {
    criteria: [
      crit('objective', 'requirements', 'watch time'),
      crit('online-metric', 'metrics', 'a/b test'),
      crit('labels', 'data', 'labels'),
      crit('funnel', 'models', 'candidates'),
      crit('cold-start', 'models', 'cold start'),
      crit('ann', 'serving', 'ann'),
      crit('drift', 'monitoring', 'drift'),
    ],
  },
};

export const tinyContent: Content = {
  prompts: [tinyPrompt],
  framework: {
    criteria: [crit('structure', 'requirements', 'requirements', 1)],
    pitfalls: [],
    guide: { clarifying: guide, requirements: guide, metrics: guide, data: guide, models: guide, serving: guide, monitoring: guide },
  },
};

/**
 * A stand-in grader with the real contract: a criterion is met when its phrase appears in its phase's text.
 * Records every call so tests can check what was graded.
 */
export function fakeGrader(): Grader & { calls: GradeInput[] } {
  const calls: GradeInput[] = [];
  return {
    calls,
    grade(prompt, _framework, input): Grade {
      calls.push(input);
      const phases = input.phases ?? [...PHASE_IDS];
      const textOf = (phase: string) =>
        input.sections.filter((s) => s.phase === phase || s.phase === null).map((s) => s.text.toLowerCase()).join('\n');
      const criteria = prompt.rubric.criteria
        .filter((c) => phases.includes(c.phase))
        .map((c) => {
          const met = textOf(c.phase).includes(c.concepts[0]![0]!);
          return { id: c.id, phase: c.phase, met, evidence: met ? c.concepts[0]![0]! : null, title: c.title, level: c.level, weight: c.weight, framework: false };
        });
      const phaseResults = PHASE_IDS.map((id) => {
        const mine = criteria.filter((c) => c.phase === id);
        const covered = mine.filter((c) => c.met).map((c) => c.id);
        return { id, graded: phases.includes(id), score: mine.length ? Math.round((100 * covered.length) / mine.length) : 0, covered, missed: mine.filter((c) => !c.met).map((c) => c.id) };
      });
      const graded = phaseResults.filter((p) => phases.includes(p.id));
      const total = graded.reduce((a, p) => a + p.score, 0) / graded.length;
      return {
        promptId: prompt.id,
        total,
        level: total >= 50 ? 'mid' : 'none',
        phases: phaseResults,
        signals: { structure: 50, tradeoffs: 50, quantitative: 50, depth: 50 },
        criteria,
      };
    },
  };
}
