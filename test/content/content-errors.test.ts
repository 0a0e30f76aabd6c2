import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/content/load.js';
import { UserError } from '../../src/errors.js';

const root = join(import.meta.dirname, '..', '..');
const realFramework = readFileSync(join(root, 'data', 'framework.yaml'), 'utf8');
const realPrompt = parse(readFileSync(join(root, 'prompts', 'video-recommendations.yaml'), 'utf8')) as Record<string, any>;

let dir: string;
let promptsDir: string;
let dataDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-content-'));
  promptsDir = join(dir, 'prompts');
  dataDir = join(dir, 'data');
  mkdirSync(promptsDir);
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, 'framework.yaml'), realFramework);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writePrompt(name: string, edit: (p: Record<string, any>) => void): void {
  const copy = structuredClone(realPrompt);
  copy.id = name;
  edit(copy);
  writeFileSync(join(promptsDir, `${name}.yaml`), stringify(copy));
}

function loadError(): UserError {
  try {
    loadContent({ promptsDir, dataDir });
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected the content to be rejected');
}

describe('content errors', () => {
  it('accepts an unchanged copy of a real prompt', () => {
    writePrompt('copy', () => {});
    expect(loadContent({ promptsDir, dataDir }).prompts.map((p) => p.id)).toEqual(['copy']);
  });

  it('names the file, the dotted path and the problem, and reports every problem', () => {
    writePrompt('broken', (p) => {
      p.rubric.criteria[3].weight = 'heavy';
      p.rubric.criteria[5].level = 'principal';
      p.difficulty = 'easy';
      p.facts[0].colour = 'blue';
    });
    const { message } = loadError();
    const lines = message.split('\n');
    expect(lines).toHaveLength(4);
    expect(message).toMatch(/broken\.yaml → rubric\.criteria\.3\.weight: .*number/);
    expect(message).toMatch(/broken\.yaml → rubric\.criteria\.5\.level: .*"mid"/);
    expect(message).toMatch(/broken\.yaml → difficulty: /);
    expect(message).toMatch(/broken\.yaml → facts\.0: .*colour/);
  });

  it('checks the prompt against itself and the framework', () => {
    writePrompt('wrong-name', (p) => {
      p.id = 'another-id';
      p.probes[0].criterion = 'vr-telepathy';
      p.skipFramework = ['no-such-framework-criterion'];
      p.rubric.criteria[1].id = p.rubric.criteria[0].id;
      p.timeBudget.models += 5;
      p.rubric.criteria = p.rubric.criteria.filter((c: { phase: string }) => c.phase !== 'monitoring');
    });
    const { message } = loadError();
    expect(message).toContain('wrong-name.yaml → id: id "another-id" must equal the file name "wrong-name"');
    expect(message).toContain('probes.0.criterion: no criterion "vr-telepathy"');
    expect(message).toContain('skipFramework.0: no framework criterion "no-such-framework-criterion"');
    expect(message).toMatch(/rubric\.criteria\.1\.id: duplicate criterion id "vr-satisfaction-objective"/);
    expect(message).toContain('timeBudget: shares must sum to 100 (they sum to 105)');
    expect(message).toContain('rubric.criteria: no criterion for phase "monitoring"');
  });

  it('collects problems across several files', () => {
    writePrompt('first', (p) => void (p.title = ''));
    writePrompt('second', (p) => void delete p.statement);
    const { message } = loadError();
    expect(message).toMatch(/first\.yaml → title: /);
    expect(message).toMatch(/second\.yaml → statement: /);
  });

  it('reports broken YAML with the file name', () => {
    writeFileSync(join(promptsDir, 'bad-yaml.yaml'), 'id: bad-yaml\ntitle: [unclosed\n');
    expect(loadError().message).toMatch(/^invalid YAML in .*bad-yaml\.yaml/);
  });

  it('names the framework file when it is the one that is wrong', () => {
    const framework = parse(realFramework) as Record<string, any>;
    framework.criteria[0].phase = 'lunch';
    delete framework.guide.monitoring;
    writeFileSync(join(dataDir, 'framework.yaml'), stringify(framework));
    const { message } = loadError();
    expect(message).toMatch(/framework\.yaml → criteria\.0\.phase: /);
    expect(message).toMatch(/framework\.yaml → guide\.monitoring: /);
  });
});
