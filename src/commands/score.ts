import type { Level } from '../content/schema.js';
import type { Ctx } from '../context.js';
import { readAnswer } from '../content/answer-file.js';
import { findPrompt, loadContent } from '../content/load.js';
import { loadVocabulary } from '../content/vocabulary.js';
import { loadGrader, parseAnswerMarkdown } from '../grading/index.js';
import { terminalWidth } from '../ui/markdown.js';
import { renderReport } from '../ui/report.js';

export interface ScoreOptions {
  id: string;
  answer: string;
  json?: boolean;
  level?: Level;
  /** Whether stdin is a terminal (nothing piped); defaults to the process's. */
  stdinIsTTY?: boolean;
  width?: number;
  /** List every miss, not only the first six. */
  all?: boolean;
}

/** `mlsd score <id> <file|->`: grades a written answer and prints the report, or the grade as JSON. */
export async function score(options: ScoreOptions, ctx: Pick<Ctx, 'out' | 'color' | 'readStdin'>): Promise<void> {
  const content = loadContent();
  const prompt = findPrompt(content, options.id);
  const answer = await readAnswer(options.answer, {
    readStdin: ctx.readStdin,
    stdinIsTTY: options.stdinIsTTY ?? Boolean(process.stdin.isTTY),
  });
  const grader = await loadGrader({ vocabulary: loadVocabulary() });
  const grade = grader.grade(prompt, content.framework, { sections: parseAnswerMarkdown(answer.text) });
  if (options.json) {
    ctx.out(`${JSON.stringify(grade, null, 2)}\n`);
    return;
  }
  ctx.out(renderReport(grade, prompt, content.framework, {
    color: ctx.color, width: options.width ?? terminalWidth(), level: options.level,
    allMisses: options.all, moreMisses: 'add --all to list them all',
  }));
}
