import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/context.js';
import { tempHome, type TempHome } from '../helpers/temp.js';

/** A run against the test's home and history. */
const run = (args: string[], home: TempHome) => runMain({ args, db: home.db, env: home.env });

const PHASES = ['Requirements', 'Metrics', 'Data and features', 'Models', 'Serving', 'Monitoring'] as const;

const ANSWERS: Record<(typeof PHASES)[number], string[]> = {
  // Deliberately thin, so the interviewer has a follow-up to ask.
  Requirements: ['We recommend videos on the home feed.'],
  Metrics: ['Offline: recall@k for retrieval and NDCG@10 for ranking.', 'Online: an A/B test on watch time and retention, with latency and dislike rate as guardrails.'],
  'Data and features': ['Positives are watches over 30 seconds; negatives are impressions that were skipped.', 'We log the position to correct position bias.'],
  Models: ['A funnel: a two-tower model retrieves 500 candidates with ANN, a multi-task ranker scores them, then re-ranking adds diversity.'],
  Serving: ['Item embeddings live in an ANN index; retrieval 20 ms, ranking 40 ms, within the 100 ms p99 budget.'],
  Monitoring: ['We watch feature drift and engagement by segment and retrain daily.'],
};

describe('mlsd interview and practice with --answers', () => {
  it('--answers --json saves the session and prints the score object plus sessionId', async () => {
    const home = tempHome();
    const file = join(home.dir, 'answer.md');
    writeFileSync(file, Object.entries(ANSWERS).map(([phase, lines]) => `## ${phase}\n\n${lines.join('\n')}\n`).join('\n'));
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
    writeFileSync(file, `## Serving\n\n${ANSWERS.Serving.join('\n')}\n`);
    const r = await run(['practice', 'video-recommendations', '--phase', 'serving', '--answers', file, '--json'], home);
    expect(r.status).toBe(0);
    const h = JSON.parse((await run(['history', '--json'], home)).stdout);
    expect(h[0]).toMatchObject({ mode: 'practice', status: 'completed' });
  });
});
