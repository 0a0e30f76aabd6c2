import type { Ctx } from '../context.js';
import { findPrompt } from '../content/load.js';
import { usageError } from '../errors.js';
import { factIndex, factReply, matchFacts } from '../interview/facts.js';
import { interviewerSays } from '../ui/interview-view.js';
import { paint } from '../ui/paint.js';
import { jsonText, safeText } from '../ui/safe-text.js';
import { wrap } from '../ui/text.js';

export interface AskOptions {
  id: string;
  question: string;
  json?: boolean;
}

/** What `mlsd ask --json` prints. */
export interface AskJson {
  promptId: string;
  question: string;
  reply: string;
  /** The facts the reply comes from; empty when the fact sheet does not cover the question. */
  facts: string[];
}

/** Asks the interviewer one clarifying question outside a round, as it would be answered in one. */
export async function ask(options: AskOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'content' | 'vocabulary'>): Promise<void> {
  const prompt = findPrompt(await ctx.content(), options.id);
  if (!options.question.trim()) {
    throw usageError('the question is empty.', `Ask it in quotes: mlsd ask ${prompt.id} "How many daily active users?"`);
  }
  const matches = matchFacts(options.question, factIndex(prompt.facts, await ctx.vocabulary()));
  const result: AskJson = {
    promptId: prompt.id,
    question: options.question,
    reply: factReply(matches),
    facts: matches.map((m) => m.fact.id),
  };
  if (options.json) {
    ctx.out(`${jsonText(result)}\n`);
    return;
  }
  const width = ctx.width;
  const c = paint(ctx.color);
  const source = matches.length
    ? `From the fact sheet: ${matches.map((m) => m.fact.topic).join(' · ')}.`
    : 'The fact sheet does not cover this; an answer states its own assumption.';
  ctx.out(`${interviewerSays(result.reply, { color: ctx.color, width })}${c.dim(wrap(safeText(source), width))}\n`);
}
