import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli.js';
import { examplePack, examplePrompt } from '../helpers/example-pack.js';
import { testContext } from '../helpers/context.js';

/** The example prompt under another id, changed by `edit`, as YAML. */
function variant(id: string, edit: (p: Record<string, any>) => void = () => {}): string {
  const prompt = parse(examplePrompt().yaml) as Record<string, any>;
  prompt.id = id;
  edit(prompt);
  return stringify(prompt, { lineWidth: 0 });
}

async function validate(...args: string[]) {
  const t = testContext();
  await main(['node', 'mlsd', 'prompts', 'validate', ...args], t.ctx);
  return t;
}

/** Output lines with the temp folder shown as <pack>. */
const lines = (text: string, dir: string) => text.split(dir).join('<pack>').split('\n').filter(Boolean);

describe('mlsd prompts validate', () => {
  it('passes the built-in content with a one-line summary', async () => {
    const t = await validate();
    expect(t.exitCode()).toBeUndefined();
    expect(t.text()).toMatch(/^\d+ prompts, \d+ criteria, \d+ pitfalls?: all valid\n$/);
    expect(t.errText()).toBe('');
  });

  it('passes the example of docs/authoring.md, counting its own prompts, criteria and pitfalls', async () => {
    const { dir } = examplePack();
    const t = await validate(dir);
    expect(t.text()).toBe('1 prompt, 6 criteria, 1 pitfall: all valid\n');
    expect(t.exitCode()).toBeUndefined();
  });

  it('names every problem of every file, field by field, and exits 1', async () => {
    const oversized = `${variant('oversized')}# ${'padding '.repeat(125_000)}\n`;
    const { dir } = examplePack({
      'bad-yaml.yaml': 'id: bad-yaml\ntitle: [unclosed\nsummary: x\n',
      'custom-tag.yaml': variant('custom-tag').replace(/^summary: .*$/m, 'summary: !!js/function "function () { return 1 }"'),
      'missing-field.yaml': variant('missing-field', (p) => delete p.summary),
      'wrong-type.yaml': variant('wrong-type', (p) => {
        p.rubric.criteria[0].weight = 'heavy';
        p.probes[1].criterion = 'reorder-telepathy';
      }),
      'duplicate-criterion.yaml': variant('duplicate-criterion', (p) => {
        p.rubric.criteria[2].id = p.rubric.criteria[0].id;
      }),
      'twin.yaml': variant('twin'),
      'twin.yml': variant('twin'),
      'video-recommendations.yaml': variant('video-recommendations'),
      'control-characters.yaml': variant('control-characters', (p) => {
        p.title = 'Reorder \u001b]0;owned\u0007 reminders';
        p.rubric.criteria[2].why = 'Shown \u009b2J in the report';
        p.facts[0].answer = 'Eight million \u202eshoppers';
      }),
      'long-field.yaml': variant('long-field', (p) => {
        p.title = 'x'.repeat(2001);
        p.rubric.criteria[0].concepts[0].push('a'.repeat(101));
      }),
      'oversized.yaml': oversized,
    });
    const t = await validate(dir);
    expect(lines(t.text(), dir)).toEqual([
      '<pack>/bad-yaml.yaml → line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '<pack>/control-characters.yaml → title: contains the control character U+001B, which a terminal would act on; remove it',
      '<pack>/control-characters.yaml → facts.0.answer: contains the control character U+202E, which a terminal would act on; remove it',
      '<pack>/control-characters.yaml → rubric.criteria.2.why: contains the control character U+009B, which a terminal would act on; remove it',
      '<pack>/custom-tag.yaml → line 5, column 10: Unresolved tag: tag:yaml.org,2002:js/function',
      '<pack>/duplicate-criterion.yaml → rubric.criteria.2.id: duplicate criterion id "reorder-budget-framing" (also at rubric.criteria.0)',
      '<pack>/long-field.yaml → title: longer than 2000 characters',
      '<pack>/long-field.yaml → rubric.criteria.0.concepts.0.5: longer than 100 characters',
      '<pack>/missing-field.yaml → summary: Invalid input: expected string, received undefined',
      `<pack>/oversized.yaml → (file): ${Buffer.byteLength(oversized).toLocaleString('en-US')} bytes; a content file may be at most 1,000,000 bytes`,
      '<pack>/twin.yml → id: duplicate prompt id "twin" (also <pack>/twin.yaml)',
      '<pack>/video-recommendations.yaml → id: "video-recommendations" is the id of a built-in prompt (prompts/video-recommendations.yaml); give this prompt another id and file name',
      '<pack>/wrong-type.yaml → rubric.criteria.0.weight: Invalid input: expected number, received string',
    ]);
    expect(t.errText()).toBe(
      'error: 13 problems in 10 files.\n' +
        'Fix each field named above and run `mlsd prompts validate` again; docs/authoring.md describes every field.\n',
    );
    expect(t.exitCode()).toBe(1);
  });

  it('reports a probe pointing at no criterion once the schema holds', async () => {
    const { dir } = examplePack({
      'bad-probe.yaml': variant('bad-probe', (p) => {
        p.probes[1].criterion = 'reorder-telepathy';
      }),
    });
    const t = await validate(dir);
    expect(lines(t.text(), dir)).toEqual([
      '<pack>/bad-probe.yaml → probes.1.criterion: no criterion "reorder-telepathy" in this prompt or the framework',
    ]);
  });

  it('refuses a pack of more than 200 prompt files without reading them', async () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}.yaml`, 'not: read']));
    const { dir } = examplePack(many);
    const t = await validate(dir);
    expect(lines(t.text(), dir)).toEqual(['<pack> → (folder): <pack> holds 201 prompt files; a pack may hold at most 200']);
    expect(t.exitCode()).toBe(1);
  });

  it('refuses a pack of more than 20 MB in all, before parsing any of it', async () => {
    const big = `# ${'x'.repeat(999_000)}\n`;
    const { dir } = examplePack(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`big${i}.yaml`, big])));
    const total = 21 * Buffer.byteLength(big) + Buffer.byteLength(examplePrompt().yaml);
    const t = await validate(dir);
    expect(lines(t.text(), dir)).toEqual([
      `<pack> → (folder): <pack> holds ${total.toLocaleString('en-US')} bytes of prompt files; a pack may hold at most 20,000,000`,
    ]);
    expect(t.exitCode()).toBe(1);
  });

  it('says so when the folder is missing', async () => {
    const { dir } = examplePack();
    const t = await validate(join(dir, 'nope'));
    expect(lines(t.text(), dir)).toEqual([
      '<pack>/nope → (folder): cannot read the folder <pack>/nope: no such file or directory (ENOENT)',
    ]);
    expect(t.exitCode()).toBe(1);
  });

  it('--json: the counts and every problem, as data', async () => {
    const { dir } = examplePack({ 'missing-field.yaml': variant('missing-field', (p) => delete p.title) });
    const t = await validate(dir, '--json');
    const report = JSON.parse(t.text()) as Record<string, unknown>;
    expect(report).toEqual({
      valid: false,
      files: 2,
      prompts: 1,
      criteria: 6,
      pitfalls: 1,
      issues: [{ file: join(dir, 'missing-field.yaml'), path: 'title', message: 'Invalid input: expected string, received undefined' }],
    });
    expect(t.exitCode()).toBe(1);
  });
});
