import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../e2e-pty.js';
import { writeExamplePack } from '../helpers/example-pack.js';

const ANSWER = join(import.meta.dirname, '../fixtures/packs/grocery-reorder-reminders.md');
const SENIOR = join(import.meta.dirname, '../fixtures/answers/video-recommendations/senior.md');

let home: string;
let pack: ReturnType<typeof writeExamplePack>;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  pack = writeExamplePack({ 'broken.yaml': 'id: broken\ntitle: [\n' });
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  pack.remove();
});

describe('prompt packs, as a real process', () => {
  it('validate: every problem on stdout and exit 1; the built-in content passes with exit 0', () => {
    const broken = run(['prompts', 'validate', pack.dir], { MLSD_HOME: home });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe(`${pack.dir}/broken.yaml → line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]\n`);
    expect(broken.stderr.split('\n')[0]).toBe('error: 1 problem in 1 file.');
    const builtIn = run(['prompts', 'validate'], { MLSD_HOME: home });
    expect(builtIn.status).toBe(0);
    expect(builtIn.stdout).toMatch(/^\d+ prompts, \d+ criteria, \d+ pitfalls?: all valid\n$/);
  });

  it('score and interview --answers on a pack prompt named by MLSD_PROMPTS_DIR; the broken file is one warning', () => {
    const env = { MLSD_HOME: home, MLSD_PROMPTS_DIR: pack.dir };
    const warning = `warning: skipped ${pack.dir}/broken.yaml: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]; \`mlsd prompts validate ${pack.dir}\` lists every problem.\n`;
    const scored = run(['score', pack.id, ANSWER, '--json'], env);
    expect(scored.status).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ promptId: pack.id });
    expect(scored.stderr).toBe(warning);
    const sat = run(['interview', pack.id, '--answers', ANSWER, '--json'], env);
    expect(sat.status).toBe(0);
    expect(JSON.parse(sat.stdout)).toMatchObject({ promptId: pack.id, sessionId: 1 });
    const history = run(['history', '--json'], env);
    expect(JSON.parse(history.stdout)).toMatchObject([{ promptId: pack.id, status: 'completed' }]);
  });

  it('the built-in prompts work whatever the pack holds', () => {
    const r = run(['score', 'video-recommendations', SENIOR, '--prompts-dir', pack.dir], { MLSD_HOME: home });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('video-recommendations');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
