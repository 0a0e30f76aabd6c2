import type { Level } from '../content/schema.js';
import type { Ctx } from '../context.js';
import { readAnswer } from '../content/answer-file.js';
import { findPrompt } from '../content/load.js';
import { parseAnswerMarkdown } from '../grading/index.js';
import { renderReport } from '../ui/report.js';

export interface ScoreOptions {
  id: string;
  answer: string;
  json?: boolean;
  level?: Level;
  /** List every miss, not only the first six. */
  all?: boolean;
}

/** `mlsd score <id> <file|->`: grades a written answer and prints the report, or the grade as JSON. */
export async function score(options: ScoreOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'readStdin' | 'stdinIsTTY' | 'content' | 'grader'>): Promise<void> {
  const content = await ctx.content();
  const prompt = findPrompt(content, options.id);
  const answer = await readAnswer(options.answer, {
    readStdin: ctx.readStdin,
    stdinIsTTY: ctx.stdinIsTTY,
  });
  const grader = await ctx.grader();
  const grade = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(answer.text) });
  if (options.json) {
    ctx.out(`${JSON.stringify(grade, null, 2)}\n`);
    return;
  }
  ctx.out(renderReport(grade, prompt, content.framework, {
    color: ctx.color, width: ctx.width, level: options.level,
    allMisses: options.all, moreMisses: 'add --all to list them all',
  }));
}
