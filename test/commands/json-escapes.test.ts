import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testContext } from '../helpers/context.js';

/** The characters JSON.stringify leaves raw but a terminal obeys: DEL, C1 controls (U+009B is a CSI) and bidi controls. */
const RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const PAYLOAD = '\u009b2J \u009d0;title\u009c \u202eevil\u202c \u2066x\u2069 \u007f';

const answer = readFileSync(join(import.meta.dirname, '../fixtures/answers/video-recommendations/senior.md'), 'utf8')
  .split('\n')
  .map((line) => (line.trim() && !line.startsWith('#') ? `${line} ${PAYLOAD}` : line))
  .join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin = answer) {
  const t = testContext({ stdin, env: { MLSD_HOME: dir } });
  await main(['node', 'mlsd', ...argv], t.ctx);
  return t;
}

/** JSON whose raw text holds none of them, and which still parses back to the text as written. */
function expectEscapedJson(text: string): unknown {
  expect(text).not.toMatch(RAW);
  expect(text).toContain('\\u009b');
  expect(text).toContain('\\u202e');
  return JSON.parse(text);
}

describe('JSON output escapes what a terminal would obey, and keeps the data', () => {
  it('score --json', async () => {
    const t = await run(['score', 'video-recommendations', '-', '--json']);
    expect(t.exitCode()).toBeUndefined();
    const grade = expectEscapedJson(t.text()) as { criteria: { evidence: string | null }[] };
    expect(grade.criteria.some((c) => c.evidence?.includes(PAYLOAD))).toBe(true);
  });

  it('interview --answers --json, then review and export as JSON', async () => {
    const file = join(dir, 'answer.md');
    await import('node:fs').then((fs) => fs.writeFileSync(file, answer));
    const db = join(dir, 'coach.db');
    const sat = await run(['interview', 'video-recommendations', '--answers', file, '--db', db, '--json']);
    expect(sat.exitCode()).toBeUndefined();
    expectEscapedJson(sat.text());
    const review = await run(['review', 'last', '--db', db, '--json']);
    const saved = expectEscapedJson(review.text()) as { answers: { text: string }[] };
    expect(saved.answers.some((a) => a.text.includes(PAYLOAD))).toBe(true);
    const exported = await run(['export', 'last', '--db', db, '--format', 'json']);
    expectEscapedJson(exported.text());
  });

  it('ask --json echoes the question escaped', async () => {
    const t = await run(['ask', 'video-recommendations', `How many users? ${PAYLOAD}`, '--json']);
    const reply = expectEscapedJson(t.text()) as { question: string };
    expect(reply.question).toBe(`How many users? ${PAYLOAD}`);
  });
});
