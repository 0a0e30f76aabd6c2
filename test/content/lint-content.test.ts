import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/content/load.js';
import { lintContent, statementShrinks } from '../../src/content/lint.js';
import { STOPWORDS } from '../../src/grading/lexicon.js';
import { stem } from '../../src/grading/stem.js';
import { criterion } from '../helpers/grading.js';

const root = join(import.meta.dirname, '..', '..');
const real = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

describe('lintContent', () => {
  it('finds nothing wrong in the shipped prompts/ and data/', () => {
    expect(lintContent()).toEqual([]);
  });

  describe('on a broken copy', () => {
    let dir: string;
    let promptsDir: string;
    let dataDir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
      promptsDir = join(dir, 'prompts');
      dataDir = join(dir, 'data');
      mkdirSync(promptsDir);
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'framework.yaml'), real('data', 'framework.yaml'));
      writeFileSync(join(dataDir, 'vocabulary.yaml'), real('data', 'vocabulary.yaml'));
      writeFileSync(join(promptsDir, 'video-recommendations.yaml'), real('prompts', 'video-recommendations.yaml'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const edit = (file: string, change: (data: Record<string, any>) => void) => {
      const data = parse(readFileSync(file, 'utf8')) as Record<string, any>;
      change(data);
      writeFileSync(file, stringify(data));
    };

    it('accepts an unchanged copy', () => {
      expect(lintContent({ promptsDir, dataDir })).toEqual([]);
    });

    it('lists every problem of every file, one line each with the file and the field path', () => {
      edit(join(dataDir, 'framework.yaml'), (f) => void (f.criteria[0].phase = 'lunch'));
      edit(join(dataDir, 'vocabulary.yaml'), (v) => void (v.synonyms[2] = ['lonely']));
      edit(join(promptsDir, 'video-recommendations.yaml'), (p) => {
        p.rubric.criteria[3].weight = 'heavy';
        p.difficulty = 'easy';
      });
      writeFileSync(join(promptsDir, 'second.yaml'), 'id: second\ntitle: [unclosed\n');
      const problems = lintContent({ promptsDir, dataDir });
      expect(problems).toHaveLength(5);
      expect(problems[0]).toMatch(/framework\.yaml → criteria\.0\.phase: /);
      expect(problems[1]).toMatch(/vocabulary\.yaml → synonyms\.2: a synonym group needs at least two terms$/);
      expect(problems[2]).toMatch(/^invalid YAML in .*second\.yaml: /);
      expect(problems.slice(3).sort()).toEqual([
        expect.stringMatching(/video-recommendations\.yaml → difficulty: /),
        expect.stringMatching(/video-recommendations\.yaml → rubric\.criteria\.3\.weight: .*number/),
      ]);
    });

    it('still checks the prompts against themselves when the framework is unreadable, without guessing at it', () => {
      const frameworkCriterion = (parse(real('data', 'framework.yaml')) as { criteria: { id: string }[] }).criteria[0]!.id;
      writeFileSync(join(dataDir, 'framework.yaml'), 'criteria: [unclosed\n');
      edit(join(promptsDir, 'video-recommendations.yaml'), (p) => {
        p.id = 'another-id';
        p.probes.push({ criterion: frameworkCriterion, question: 'Why this one?' });
      });
      const problems = lintContent({ promptsDir, dataDir });
      expect(problems).toEqual([
        expect.stringMatching(/^invalid YAML in .*framework\.yaml: /),
        expect.stringMatching(/video-recommendations\.yaml → id: id "another-id" must equal the file name/),
      ]);
    });
  });
});

describe('statementShrinks', () => {
  const rules = { stopwords: STOPWORDS, stem };
  const prompt = (statement: string, ...phrases: string[]) => ({
    id: 'shop',
    statement,
    rubric: { criteria: [criterion({ id: 'sh-popular', phase: 'requirements', level: 'mid', concepts: [phrases] })] },
  });

  it('names a phrasing that keeps one word of the statement once stopwords go, with its field path', () => {
    expect(statementShrinks(prompt('Shoppers type searches into the box.', 'most searched', 'popularity baseline'), rules)).toEqual([
      'prompts/shop.yaml → rubric.criteria.0.concepts.0.0: "most searched" is only "searched" once stopwords go, a word the statement of shop uses',
    ]);
  });

  it('passes the same phrasing when the statement lacks the word, and phrasings that keep two words or had one', () => {
    expect(statementShrinks(prompt('Shoppers type queries into the box.', 'most searched'), rules)).toEqual([]);
    expect(statementShrinks(prompt('Shoppers type searches into the box.', 'searches per second', 'search', 'for-you tab'), rules)).toEqual([]);
  });

  it('passes it when the statement cannot meet the criterion\'s other groups', () => {
    const two = { ...prompt('Shoppers type searches into the box.'), rubric: { criteria: [criterion({ id: 'sh-popular', phase: 'requirements', level: 'mid', concepts: [['most searched'], ['popularity baseline']] })] } };
    expect(statementShrinks(two, rules)).toEqual([]);
    const met = { ...prompt('Shoppers type searches into the box.'), rubric: { criteria: [criterion({ id: 'sh-popular', phase: 'requirements', level: 'mid', concepts: [['most searched'], ['shoppers type']] })] } };
    expect(statementShrinks(met, rules)).toHaveLength(1);
  });

  it('leaves criteria of later phases to the grader, which holds back a sentence that restates the prompt', () => {
    const later = { ...prompt('Shoppers type searches into the box.'), rubric: { criteria: [criterion({ id: 'sh-popular', phase: 'models', level: 'mid', concepts: [['most searched']] })] } };
    expect(statementShrinks(later, rules)).toEqual([]);
  });

  it('splits hyphens as the grader does and checks the framework against the statement too', () => {
    const framework = { criteria: [criterion({ id: 'fw-framing', phase: 'requirements', level: 'mid', concepts: [['framed as']] })] };
    expect(statementShrinks(prompt('Open the for-you tab, then frame the problem.', 'for-you tab'), rules, framework)).toEqual([
      'prompts/shop.yaml → rubric.criteria.0.concepts.0.0: "for-you tab" is only "tab" once stopwords go, a word the statement of shop uses',
      'data/framework.yaml → criteria.0.concepts.0.0: "framed as" is only "framed" once stopwords go, a word the statement of shop uses',
    ]);
  });

  // Restating a prompt must not meet its criteria (docs/evaluation.md, "Restating the prompt").
  const content = loadContent();
  for (const shipped of content.prompts) {
    it(`finds none in ${shipped.id}`, () => {
      expect(statementShrinks(shipped, rules, content.framework)).toEqual([]);
    });
  }
});
