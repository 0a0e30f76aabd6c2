import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';
import { tempHome, type TempHome } from '../helpers/temp.js';
import { THIN_ANSWERS } from '../helpers/thin-answers.js';

/** A run against the test's home and history. */
const run = (args: string[], home: TempHome) => runMain({ args, db: home.db, env: home.env });

describe('mlsd interview and practice with --answers', () => {
  it('--answers --json saves the session and prints the score object plus sessionId', async () => {
    const home = tempHome();
    const file = join(home.dir, 'answer.md');
    writeFileSync(file, Object.entries(THIN_ANSWERS).map(([phase, lines]) => `## ${phase}\n\n${lines.join('\n')}\n`).join('\n'));
    const r = await run(['interview', 'video-recommendations', '--answers', file, '--json'], home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sessionId).toBe(1);
    const score = await runMain({ args: ['score', 'video-recommendations', file, '--json'], env: home.env });
    expect({ ...JSON.parse(score.stdout), sessionId: 1 }).toEqual(out);
    const review = JSON.parse((await run(['review', '1', '--json'], home)).stdout);
    expect(review.grade).toEqual(JSON.parse(score.stdout));
    // Reviewing a session shows its report, without the "Saved as session 1 · review it with…" of the sitting.
    const shown = (await run(['review', '1'], home)).stdout;
    expect(shown).toMatch(/Total [\d.]+\/100/);
    expect(shown).not.toContain('Saved as session');
    expect(review.answers.map((a: { phase: string }) => a.phase)).toEqual(['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring']);
    // Graded from a file: no clock, so no minutes in the table.
    expect((await run(['history'], home)).stdout).toMatch(/video-recommendations +interview +— +\d+ +\w+/);
    const md = await run(['export', '1'], home);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Video recommendations for the home feed\n/);
    expect(md.stdout).toMatch(/- ✗ \*\*.+\*\* \(\w+ · \w+\)\n {2}- \*Why it matters:\* \S/);
  });

  it('practice --answers grades one phase and is saved with mode practice', async () => {
    const home = tempHome();
    const file = join(home.dir, 'serving.md');
    writeFileSync(file, `## Serving\n\n${THIN_ANSWERS.Serving.join('\n')}\n`);
    const r = await run(['practice', 'video-recommendations', '--phase', 'serving', '--answers', file, '--json'], home);
    expect(r.status).toBe(0);
    const h = JSON.parse((await run(['history', '--json'], home)).stdout);
    expect(h[0]).toMatchObject({ mode: 'practice', status: 'completed' });
  });
});
