import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli.js';
import type { Asker, TextRequest, TextResult } from '../../src/interview/asker.js';
import { examplePack, examplePrompt } from '../helpers/example-pack.js';
import { testContext, type TestContextOptions } from '../helpers/context.js';
import { tempDir } from '../helpers/temp.js';

const ANSWER = join(import.meta.dirname, '../fixtures/packs/grocery-reorder-reminders.md');
const OWN_CRITERIA = [
  'reorder-budget-framing', 'reorder-incremental-orders', 'reorder-interval-features',
  'reorder-interval-model', 'reorder-send-time', 'reorder-unsubscribe-watch',
];

function variant(id: string, edit: (p: Record<string, any>) => void = () => {}): string {
  const prompt = parse(examplePrompt().yaml) as Record<string, any>;
  prompt.id = id;
  edit(prompt);
  return stringify(prompt, { lineWidth: 0 });
}

async function run(argv: string[], options: TestContextOptions = {}) {
  const t = testContext({ env: { MLSD_HOME: tempDir() }, ...options });
  await main(['node', 'mlsd', ...argv], t.ctx);
  return t;
}

const ids = (text: string) => (JSON.parse(text) as { id: string }[]).map((p) => p.id);

describe('a pack prompt, end to end', () => {
  it('show: the statement and the plan', async () => {
    const { dir, id } = examplePack();
    const t = await run(['show', id, '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    expect(t.text()).toContain('Reorder reminders');
    expect(t.text()).toContain('Design the ML system');
    expect(t.text()).toContain(`mlsd interview ${id}`);
    expect(t.errText()).toBe('');
  });

  it('score: graded on its own criteria and the shared framework', async () => {
    const { dir, id } = examplePack();
    const t = await run(['score', id, ANSWER, '--json', '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    const grade = JSON.parse(t.text()) as { promptId: string; criteria: { id: string; met: boolean }[] };
    expect(grade.promptId).toBe(id);
    expect(grade.criteria.filter((c) => c.met && c.id.startsWith('reorder-')).map((c) => c.id)).toEqual(OWN_CRITERIA);
    expect(grade.criteria.some((c) => c.id === 'offline-and-online-metrics')).toBe(true);
    const report = await run(['score', id, ANSWER, '--prompts-dir', dir]);
    expect(report.text()).toContain('Reorder reminders for a grocery delivery app');
  });

  it('interview --answers: saved, then reviewed with the same pack', async () => {
    const { dir, id } = examplePack();
    const env = { MLSD_HOME: tempDir() };
    const db = join(env.MLSD_HOME, 'coach.db');
    const sat = await run(['interview', id, '--answers', ANSWER, '--db', db, '--json', '--prompts-dir', dir], { env });
    expect(sat.exitCode()).toBeUndefined();
    const grade = JSON.parse(sat.text()) as { promptId: string; sessionId: number; criteria: { id: string; met: boolean }[] };
    expect(grade.promptId).toBe(id);
    expect(grade.criteria.filter((c) => c.met && c.id.startsWith('reorder-'))).toHaveLength(OWN_CRITERIA.length);
    const review = await run(['review', 'last', '--db', db, '--prompts-dir', dir], { env });
    expect(review.exitCode()).toBeUndefined();
    expect(review.text()).toContain('Reorder reminders for a grocery delivery app');
  });

  it('MLSD_PROMPTS_DIR adds the pack; --prompts-dir wins over it', async () => {
    const { dir, id } = examplePack();
    const other = examplePack({ 'another-pack-prompt.yaml': variant('another-pack-prompt') });
    const byEnv = await run(['prompts', '--json'], { env: { MLSD_HOME: tempDir(), MLSD_PROMPTS_DIR: dir } });
    expect(ids(byEnv.text())).toContain(id);
    expect(ids(byEnv.text())).not.toContain('another-pack-prompt');
    const byFlag = await run(['prompts', '--json', '--prompts-dir', other.dir], { env: { MLSD_HOME: tempDir(), MLSD_PROMPTS_DIR: join(dir, 'missing') } });
    expect(ids(byFlag.text())).toContain('another-pack-prompt');
    expect(byFlag.errText()).toBe('');
    const none = await run(['prompts', '--json']);
    expect(ids(none.text())).not.toContain(id);
  });
});

describe('a broken pack never stops the built-in prompts', () => {
  it('a broken file is skipped with one warning line; its neighbours and the built-ins load', async () => {
    const { dir, id } = examplePack({ 'broken.yaml': variant('broken', (p) => delete p.summary) });
    const t = await run(['prompts', '--json', '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    expect(ids(t.text())).toContain(id);
    expect(ids(t.text())).toContain('video-recommendations');
    expect(ids(t.text())).not.toContain('broken');
    expect(t.errText()).toBe(
      `warning: skipped ${dir}/broken.yaml: summary: Invalid input: expected string, received undefined; ` +
        `\`mlsd prompts validate ${dir}\` lists every problem.\n`,
    );
  });

  it('one line per broken file, however many problems it has', async () => {
    const { dir } = examplePack({
      'two.yaml': variant('two', (p) => {
        delete p.summary;
        delete p.title;
      }),
      'bad-yaml.yaml': 'id: [\n',
    });
    const t = await run(['prompts', '--prompts-dir', dir]);
    const warnings = t.errText().split('\n').filter(Boolean);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/^warning: skipped .*two\.yaml: title: .* \(and 1 more\); `mlsd prompts validate /);
  });

  it('a prompt with a built-in id is refused by name; the built-in stays as it is', async () => {
    const { dir } = examplePack({
      'video-recommendations.yaml': variant('video-recommendations', (p) => {
        p.title = 'An impostor';
      }),
    });
    const t = await run(['show', 'video-recommendations', '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    expect(t.text()).not.toContain('An impostor');
    expect(t.text()).toContain('Video recommendations');
    expect(t.errText()).toBe(
      `warning: skipped ${dir}/video-recommendations.yaml: id: "video-recommendations" is the id of a built-in prompt ` +
        `(prompts/video-recommendations.yaml); give this prompt another id and file name; \`mlsd prompts validate ${dir}\` lists every problem.\n`,
    );
  });

  it('a built-in prompt is graded whatever the pack holds, with one warning line', async () => {
    const { dir } = examplePack({ 'broken.yaml': 'id: broken\ntitle: [\n' });
    const senior = join(import.meta.dirname, '../fixtures/answers/video-recommendations/senior.md');
    const t = await run(['score', 'video-recommendations', senior, '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    expect(t.text()).toContain('video-recommendations');
    expect(t.errText().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a missing folder is one warning, and grading goes on', async () => {
    const { dir } = examplePack();
    const answer = readFileSync(join(import.meta.dirname, '../fixtures/answers/video-recommendations/senior.md'), 'utf8');
    const t = await run(['score', 'video-recommendations', '-', '--json', '--prompts-dir', join(dir, 'nope')], { stdin: answer });
    expect(t.exitCode()).toBeUndefined();
    expect((JSON.parse(t.text()) as { total: number }).total).toBeGreaterThan(0);
    expect(t.errText()).toBe(
      `warning: prompt pack skipped: cannot read the folder ${dir}/nope: no such file or directory (ENOENT).\n`,
    );
  });

  it('the built-in folder named as a pack adds nothing and warns of nothing', async () => {
    const t = await run(['prompts', '--json', '--prompts-dir', join(import.meta.dirname, '../../prompts')]);
    const plain = await run(['prompts', '--json']);
    expect(t.text()).toBe(plain.text());
    expect(t.errText()).toBe('');
  });

  it('an unknown pack id still suggests the closest one', async () => {
    const { dir } = examplePack();
    const t = await run(['show', 'grocery-reorder-reminder', '--prompts-dir', dir]);
    expect(t.exitCode()).toBe(1);
    expect(t.errText()).toContain('Did you mean "grocery-reorder-reminders"?');
  });
});

/** Each kind of sequence a terminal would act on. */
const PAYLOAD = '\u001b]0;PWNED\u0007 \u001b[2J \u009b31m \u009d0;x\u009c \u202e \u2066 \u0008\u007f';
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostilePack() {
  return examplePack({
    'hostile.yaml': variant('hostile', (p) => {
      p.title = `Hostile ${PAYLOAD}`;
      p.domain = `retail ${PAYLOAD}`;
      p.summary = `Summary ${PAYLOAD}`;
      p.statement = `# Hostile\n\nDesign it ${PAYLOAD}\n`;
      p.guidance.clarifying = `Ask ${PAYLOAD}`;
      p.guidance.requirements = `Frame ${PAYLOAD}`;
      p.facts[0].answer = `Eight million ${PAYLOAD}`;
      p.probes[0].question = `Why ${PAYLOAD}?`;
      p.seeAlso = `See ${PAYLOAD}`;
      for (const c of p.rubric.criteria) {
        c.title = `${c.title} ${PAYLOAD}`;
        c.why = `${c.why} ${PAYLOAD}`;
        c.strong = `${c.strong} ${PAYLOAD}`;
      }
    }),
  });
}

function expectInert(text: string): void {
  expect(text).not.toMatch(ACTIVE);
  expect(text).toContain('␛');
}

describe('text from a pack is shown, never obeyed', () => {
  it.each([
    ['prompts', ['prompts']],
    ['show', ['show', 'hostile']],
    ['rubric', ['rubric', 'hostile']],
    ['score (report)', ['score', 'hostile', ANSWER, '--all']],
    ['interview --answers (report)', ['interview', 'hostile', '--answers', ANSWER]],
  ])('%s', async (_name, argv) => {
    const { dir } = hostilePack();
    const t = await run([...argv, '--prompts-dir', dir]);
    expect(t.exitCode()).toBeUndefined();
    expectInert(t.text());
    expect(t.errText()).not.toMatch(ACTIVE);
  });

  it.each([
    ['prompts --json', ['prompts', '--json']],
    ['rubric --json', ['rubric', 'hostile', '--json']],
  ])('%s', async (_name, argv) => {
    const { dir } = hostilePack();
    const t = await run([...argv, '--prompts-dir', dir]);
    expect(t.text()).not.toMatch(ACTIVE);
    expect(JSON.stringify(JSON.parse(t.text()))).toContain('␛]0;PWNED␇');
  });

  it('interview at a terminal: statement, guidance, fact answers and probes', async () => {
    const { dir } = hostilePack();
    const replies: TextResult[] = [
      { kind: 'done', text: 'How many shoppers are there?' },
      { kind: 'end' },
      { kind: 'done', text: 'We send reminders.' },
    ];
    const asker: Asker = {
      choose: async () => 'hostile',
      text: async (req: TextRequest) => replies.shift() ?? (req.multiline ? { kind: 'done', text: '' } : { kind: 'end' }),
      editor: async (initial: string) => initial,
    };
    let clock = Date.UTC(2026, 10, 26, 12);
    const t = await run(['interview', 'hostile', '--no-timer', '--prompts-dir', dir], { interactive: true, asker, now: () => (clock += 1000) });
    expect(t.exitCode()).toBeUndefined();
    expectInert(t.text());
    expect(t.text()).toContain('Eight million ␛]0;PWNED␇');
    expect(t.text()).toContain('Design it ␛]0;PWNED␇');
  });
});

describe('--prompts-dir', () => {
  it.each(['prompts', 'show', 'rubric', 'ask', 'score', 'interview', 'practice', 'resume', 'history', 'review', 'export'])(
    'is offered by `mlsd %s --help`',
    async (command) => {
      const t = await run([command, '--help']);
      expect(t.exitCode()).toBe(0);
      expect(t.text()).toContain('--prompts-dir <dir>');
    },
  );
});
