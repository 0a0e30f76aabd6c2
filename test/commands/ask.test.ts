import { describe, expect, it } from 'vitest';
import { ask } from '../../src/commands/ask.js';
import { findPrompt } from '../../src/content/load.js';
import { UserError } from '../../src/errors.js';
import { UNKNOWN_FACT_REPLY } from '../../src/interview/facts.js';
import { runMain, testContext } from '../helpers/context.js';
import { shippedContent } from '../helpers/shipped.js';

const capture = () => testContext();

const video = findPrompt(shippedContent(), 'video-recommendations');
const fact = (id: string) => video.facts.find((f) => f.id === id)!;

describe('mlsd ask', () => {
  it('prints the interviewer reply and the facts it came from', async () => {
    const { ctx, text } = capture();
    await ask({ id: 'video-recommendations', question: 'How many daily active users are there?' }, ctx);
    expect(text().replace(/\s+/g, ' ')).toContain(`Interviewer: ${fact('daily-active-users').answer}`);
    expect(text()).toContain('Daily active users');
  });

  it('asks for an assumption when the sheet does not say', async () => {
    const { ctx, text } = capture();
    await ask({ id: 'video-recommendations', question: 'Do users see ads in the feed?' }, ctx);
    expect(text().replace(/\s+/g, ' ')).toContain(`Interviewer: ${UNKNOWN_FACT_REPLY}`);
  });

  it('prints exactly the contract JSON, with both facts of a two-part question', async () => {
    const { ctx, text } = capture();
    const question = "What's the DAU, and what is the latency budget?";
    await ask({ id: 'video-recommendations', question, json: true }, ctx);
    const printed = JSON.parse(text()) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['promptId', 'question', 'reply', 'facts']);
    expect(printed).toEqual({
      promptId: 'video-recommendations',
      question,
      reply: `${fact('daily-active-users').answer} ${fact('latency-budget').answer}`,
      facts: ['daily-active-users', 'latency-budget'],
    });
  });

  it('prints an empty facts list when the sheet does not cover the question', async () => {
    const { ctx, text } = capture();
    await ask({ id: 'video-recommendations', question: 'What is the revenue per user?', json: true }, ctx);
    expect(JSON.parse(text())).toMatchObject({ reply: UNKNOWN_FACT_REPLY, facts: [] });
  });

  it('names the closest prompt ids for a typo', async () => {
    const { ctx } = capture();
    const error = await ask({ id: 'video-recs', question: 'DAU?' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('unknown prompt "video-recs"');
    expect((error as UserError).hint).toContain('"video-recommendations"');
  });

  it('refuses an empty question as a usage error', async () => {
    const { ctx } = capture();
    const error = await ask({ id: 'video-recommendations', question: '  ' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(2);
  });
});

describe('mlsd ask through main()', () => {
  const run = (...args: string[]) => runMain({ args, env: { FORCE_COLOR: '' } });

  it('prints the reply, and the JSON with --json', async () => {
    const text = await run('ask', 'video-recommendations', 'How many daily active users are there?');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Interviewer: We have about 200 million/);
    const json = await run('ask', 'video-recommendations', 'How many daily active users are there?', '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ promptId: 'video-recommendations', facts: ['daily-active-users'] });
  });

  it('exits 1 with the closest ids for an unknown prompt', async () => {
    const r = await run('ask', 'video-recs', 'DAU?');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: unknown prompt "video-recs"\nDid you mean "video-recommendations"? `mlsd prompts` lists them all.\n');
    expect(r.stdout).toBe('');
  });
});
