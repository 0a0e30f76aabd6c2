import type { Fact, Prompt } from '../../src/content/schema.js';
import type { CriterionResult, Grade } from '../../src/grading/types.js';
import type { Entry } from '../../src/interview/types.js';

export const facts: Fact[] = [
  { id: 'daily-users', topic: 'Daily active users', answer: '50 million', asks: ['how many users', 'daily active users', 'DAU'], key: true },
  { id: 'latency', topic: 'Latency budget', answer: '100 ms at p99', asks: ['latency budget', 'how fast', 'response time'], key: true },
  { id: 'catalogue', topic: 'Catalogue size', answer: '10 million videos', asks: ['how many videos', 'catalogue size', 'number of items'], key: false },
  { id: 'labels', topic: 'Labels', answer: 'Watch time and likes are logged', asks: ['labelled data', 'what labels'], key: false },
];

export const prompt = {
  id: 'tiny-recs',
  facts,
  probes: [
    { criterion: 'cold-start', question: 'How would you recommend a brand-new video?' },
    { criterion: 'funnel', question: 'How do you get from millions of videos to ten?' },
    { criterion: 'multi-task', question: 'Would you optimise one objective or several?' },
    { criterion: 'drift', question: 'How do you know the model got worse?' },
  ],
} satisfies Partial<Prompt>;

export function criterion(id: string, over: Partial<CriterionResult>): CriterionResult {
  return { id, phase: 'models', met: false, evidence: null, title: id, level: 'mid', weight: 3, framework: false, ...over };
}

export function gradeOf(criteria: CriterionResult[]): Pick<Grade, 'criteria'> {
  return { criteria };
}

export function entry(over: Partial<Entry> & Pick<Entry, 'step' | 'kind'>): Entry {
  return { text: 'text', factId: null, response: null, elapsedMs: 1000, budgetMs: null, at: 0, ...over };
}
