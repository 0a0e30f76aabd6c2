import { describe, expect, it } from 'vitest';
import { keywords, matchFact, stem } from '../../../src/interview/facts.js';
import { chooseProbe } from '../../../src/interview/probe.js';
import { criterion, facts, gradeOf, prompt } from '../../helpers/interview-fixtures.js';

describe('matchFact', () => {
  it.each([
    ['How many daily users do we have?', 'daily-users'],
    ['What is the DAU?', 'daily-users'],
    ["What's the latency budget?", 'latency'],
    ['How fast must responses be?', 'latency'],
    ['How many videos are in the catalogue?', 'catalogue'],
    ['Do we have labeled data?', 'labels'],
    ['What LABELS are available', 'labels'],
  ])('%s → %s', (question, id) => {
    expect(matchFact(question, facts)?.fact.id).toBe(id);
  });

  it.each(['Is there a budget for GPUs?', 'What colour is the logo?', 'how many', '', '?'])('%j is not on the sheet', (question) => {
    expect(matchFact(question, facts)).toBeNull();
  });
});

describe('normalising', () => {
  it.each([
    ['users', 'user'],
    ['latencies', 'latency'],
    ['labelled', 'label'],
    ['labeled', 'label'],
    ['features', 'featur'],
    ['feature', 'featur'],
    ['class', 'class'],
  ])('stem(%s) = %s', (word, stemmed) => expect(stem(word)).toBe(stemmed));

  it('drops filler words and case', () => {
    expect([...keywords('How MANY users are there?')]).toEqual(['user']);
  });
});

describe('chooseProbe', () => {
  it('asks about the heaviest missed criterion at or below the level', () => {
    const grade = gradeOf([
      criterion('funnel', { weight: 3, level: 'mid' }),
      criterion('cold-start', { weight: 4, level: 'senior' }),
      criterion('multi-task', { weight: 5, level: 'staff' }),
    ]);
    expect(chooseProbe(prompt.probes, grade, 'models', 'senior')?.criterion).toBe('cold-start');
    expect(chooseProbe(prompt.probes, grade, 'models', 'mid')?.criterion).toBe('funnel');
    expect(chooseProbe(prompt.probes, grade, 'models', 'staff')?.criterion).toBe('multi-task');
  });

  it.each([
    ['everything met', [criterion('cold-start', { met: true })]],
    ['only light criteria missed', [criterion('cold-start', { weight: 2 })]],
    ['missed criteria of another phase', [criterion('drift', { phase: 'monitoring' })]],
    ['missed criteria without a probe', [criterion('position-bias', {})]],
  ])('asks nothing when %s', (_name, criteria) => {
    expect(chooseProbe(prompt.probes, gradeOf(criteria), 'models', 'senior')).toBeNull();
  });

  it('breaks a weight tie by the more basic level, then prompt order', () => {
    const grade = gradeOf([criterion('funnel', { level: 'senior' }), criterion('cold-start', { level: 'mid' })]);
    expect(chooseProbe(prompt.probes, grade, 'models', 'staff')?.criterion).toBe('cold-start');
    const tie = gradeOf([criterion('funnel', {}), criterion('cold-start', {})]);
    expect(chooseProbe(prompt.probes, tie, 'models', 'staff')?.criterion).toBe('cold-start');
  });
});
