import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework, Prompt } from '../../../src/content/schema.js';
import { parseAnswerMarkdown, type Grade } from '../../../src/grading/index.js';
import { tools } from '../../helpers/grading.js';
import { shippedContent, shippedVocabulary } from '../../helpers/shipped.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'answers', 'video-recommendations');

/**
 * Answers as candidates would write them; see the files for their intent. The first twelve were written before
 * the rubric was read. The others were added afterwards, written as candidates would (not from the rubric's
 * words), to probe a neighbouring domain, terse notes, unheaded prose, other headings and vocabulary, plain
 * English, and stuffing.
 */
describe('graded fixture answers for video-recommendations', () => {
  const grades = new Map<string, Grade>();
  let prompt: Prompt;
  let framework: Framework;
  const g = (name: string) => grades.get(name)!;

  beforeAll(async () => {
    const { grader } = await tools();
    const content = shippedContent();
    framework = content.framework;
    prompt = content.prompts.find((p) => p.id === 'video-recommendations')!;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const md = readFileSync(join(dir, file), 'utf8');
      grades.set(file.replace(/\.md$/, ''), grader.grade(prompt, framework, { sections: parseAnswerMarkdown(md) }));
    }
  });

  it('has the fixture set the brief asks for', () => {
    expect([...grades.keys()].sort()).toEqual([
      'ads-ctr-design', 'buzzwords', 'empty-headings', 'fraud-detection', 'keyword-stuffed', 'mid', 'mid-other-headings',
      'mid-plain-english', 'negated', 'notes-style-senior', 'off-topic-url-shortener', 'prose-no-headings-senior',
      'run-on-stuffed', 'senior', 'senior-other-vocabulary', 'senior-plain-typos', 'short-dense-strong', 'staff-strong',
      'weak', 'weak-padded',
    ]);
  });

  it('orders quality: staff > senior > mid > weak', () => {
    expect(g('staff-strong').total).toBeGreaterThan(g('senior').total + 5);
    expect(g('senior').total).toBeGreaterThan(g('mid').total + 10);
    expect(g('mid').total).toBeGreaterThan(g('weak').total + 10);
  });

  it.each([
    ['staff-strong', ['staff']],
    ['short-dense-strong', ['staff', 'senior']],
    ['senior', ['senior']],
    ['senior-plain-typos', ['senior']],
    ['mid', ['mid']],
    ['weak', ['none']],
    ['buzzwords', ['none']],
    ['negated', ['none']],
    ['off-topic-url-shortener', ['none']],
    ['empty-headings', ['none']],
    ['fraud-detection', ['none']],
    ['weak-padded', ['none']],
    ['ads-ctr-design', ['none']],
    ['keyword-stuffed', ['none']],
    ['notes-style-senior', ['senior', 'staff']],
    ['prose-no-headings-senior', ['senior']],
    ['mid-plain-english', ['mid']],
    ['mid-other-headings', ['mid']],
    ['senior-other-vocabulary', ['senior', 'staff']],
  ])('%s gets a verdict in %j', (name, levels) => {
    expect(levels).toContain(g(name).level);
  });

  it('puts a bare buzzword list clearly below a genuine mid answer', () => {
    expect(g('buzzwords').total).toBeLessThan(g('mid').total - 10);
  });

  it.each([['off-topic-url-shortener'], ['empty-headings']])('scores %s near the bottom (< 15)', (name) => {
    expect(g(name).total).toBeLessThan(15);
  });

  it('gives headings with nothing under them about zero, structure included', () => {
    expect(g('empty-headings').total).toBeLessThan(2);
    expect(g('empty-headings').signals.structure).toBe(0);
  });

  it('does not reward naming the right ideas only to reject them', () => {
    expect(g('negated').total).toBeLessThan(g('mid').total);
    expect(g('negated').total).toBeLessThan(g('weak').total + 10);
  });

  it.each([['fraud-detection'], ['ads-ctr-design']])('scores %s, a good design for another prompt, below a mid answer to this one', (name) => {
    expect(g(name).total).toBeLessThan(g('mid').total);
    expect(g(name).relevance).toBeLessThan(1);
  });

  it.each([['keyword-stuffed'], ['run-on-stuffed']])('does not reward %s text', (name) => {
    expect(g(name).total).toBeLessThan(g('mid').total - 10);
    expect(g(name).level).toBe('none');
  });

  it('grades terse notes and unheaded prose on their content', () => {
    expect(g('notes-style-senior').total).toBeGreaterThan(g('mid').total + 20);
    expect(g('prose-no-headings-senior').total).toBeGreaterThan(g('mid').total + 20);
    expect(g('prose-no-headings-senior').signals.structure).toBeLessThanOrEqual(50);
  });

  it('does not pay for length: filler around a weak answer keeps it weak', () => {
    expect(Math.abs(g('weak-padded').total - g('weak').total)).toBeLessThan(5);
  });

  it('scores a short, dense strong answer as strong', () => {
    expect(g('short-dense-strong').words!).toBeLessThan(g('senior').words!);
    expect(g('short-dense-strong').total).toBeGreaterThanOrEqual(g('senior').total - 5);
  });

  it('does not punish plain, non-native English with typos', () => {
    expect(Math.abs(g('senior-plain-typos').total - g('senior').total)).toBeLessThan(6);
  });

  it('quotes the candidate’s own sentence as evidence', () => {
    const md = readFileSync(join(dir, 'senior.md'), 'utf8').replace(/\*\*/g, '');
    for (const c of g('senior').criteria.filter((x) => x.met && x.id !== 'asked-key-facts')) {
      const first = c.evidence!.slice(0, 40);
      expect(md.replace(/\s+/g, ' ')).toContain(first.replace(/\s+/g, ' '));
    }
  });

  it('is deterministic: a fresh grader gives the identical JSON', async () => {
    const { createGrader } = await import('../../../src/grading/index.js');
    const { loadVocabulary } = await import('../../../src/content/vocabulary.js');
    const { nlp } = await tools();
    const fresh = createGrader(nlp, shippedVocabulary());
    for (const name of ['staff-strong', 'negated', 'senior-plain-typos']) {
      const md = readFileSync(join(dir, `${name}.md`), 'utf8');
      expect(JSON.stringify(fresh.grade(prompt, framework, { sections: parseAnswerMarkdown(md) }))).toBe(JSON.stringify(g(name)));
    }
  });

  it('reports six phases in order, scores in range', () => {
    for (const grade of grades.values()) {
      expect(grade.phases.map((p) => p.id)).toEqual(['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring']);
      for (const v of [grade.total, ...grade.phases.map((p) => p.score), ...Object.values(grade.signals)]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });
});
