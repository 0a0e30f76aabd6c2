import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { lintContent } from '../../src/content/lint.js';

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
