import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/context.js';
import { writeExamplePack } from '../helpers/example-pack.js';

const ANSWER = join(import.meta.dirname, '../fixtures/packs/grocery-reorder-reminders.md');

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
  it('validate: every problem on stdout and exit 1', async () => {
    const broken = (await runCli({ args: ['prompts', 'validate', pack.dir], env: { MLSD_HOME: home } }));
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe(`${pack.dir}/broken.yaml → line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]\n`);
    expect(broken.stderr.split('\n')[0]).toBe('error: 1 problem in 1 file.');
    // The built-in content passing is checked in-process (test/commands/prompts-validate.test.ts).
  });

  it('score and interview --answers on a pack prompt named by MLSD_PROMPTS_DIR; the broken file is one warning', async () => {
    const env = { MLSD_HOME: home, MLSD_PROMPTS_DIR: pack.dir };
    const warning = `warning: skipped ${pack.dir}/broken.yaml: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]; \`mlsd prompts validate ${pack.dir}\` lists every problem.\n`;
    const scored = (await runCli({ args: ['score', pack.id, ANSWER, '--json'], env: env }));
    expect(scored.status).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ promptId: pack.id });
    expect(scored.stderr).toBe(warning);
    const sat = (await runCli({ args: ['interview', pack.id, '--answers', ANSWER, '--json'], env: env }));
    expect(sat.status).toBe(0);
    expect(JSON.parse(sat.stdout)).toMatchObject({ promptId: pack.id, sessionId: 1 });
    const history = await runMain({ args: ['history', '--json'], env });
    expect(JSON.parse(history.stdout)).toMatchObject([{ promptId: pack.id, status: 'completed' }]);
  });
});
