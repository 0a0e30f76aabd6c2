import type { Level } from '../content/schema.js';
import type { Ctx } from '../context.js';
import { readAnswer } from '../content/answer-file.js';
import { findPrompt } from '../content/load.js';
import { usageError } from '../errors.js';
import { parseAnswerMarkdown } from '../grading/index.js';
import { PHASE_IDS } from '../phases.js';
import { paint } from '../ui/paint.js';
import { renderReport } from '../ui/report.js';
import { jsonText } from '../ui/safe-text.js';
import { dueFooter, saveRoundCards } from './shared/cards.js';

export interface ScoreOptions {
  id: string;
  answer: string;
  json?: boolean;
  level?: Level;
  /** List every miss, not only the first six. */
  all?: boolean;
  /** Keep the graded answer in history (a session of mode `score`) and make cards of what it missed. */
  save?: boolean;
  db?: string;
}

/** `mlsd score <id> <file|->`: grades a written answer and prints the report, or the grade as JSON. */
export async function score(
  options: ScoreOptions,
  ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'readStdin' | 'stdinIsTTY' | 'content' | 'grader' | 'history' | 'now'>,
): Promise<void> {
  if (options.db !== undefined && !options.save) {
    throw usageError('--db only applies with --save.', 'Add --save to keep the graded answer in that history, or leave out --db.');
  }
  const content = await ctx.content();
  const prompt = findPrompt(content, options.id);
  const answer = await readAnswer(options.answer, {
    readStdin: ctx.readStdin,
    stdinIsTTY: ctx.stdinIsTTY,
  });
  const grader = await ctx.grader();
  const sections = parseAnswerMarkdown(answer.text);
  const grade = grader.grade(prompt, content.framework, { sections });
  const saved = options.save ? await save() : undefined;
  if (options.json) {
    ctx.out(`${jsonText(saved ? { ...grade, sessionId: saved.id } : grade)}
`);
    return;
  }
  ctx.out(renderReport(grade, prompt, content.framework, {
    color: ctx.color, width: ctx.width, level: options.level,
    allMisses: options.all, moreMisses: 'add --all to list them all',
  }));
  if (saved) {
    const history = await ctx.history(options.db);
    ctx.out(paint(ctx.color).dim(`Saved as session ${saved.id} · review it with \`mlsd review ${saved.id}\`\n`));
    ctx.out(dueFooter(history, ctx.now(), { color: ctx.color, width: ctx.width, made: saved.made }));
  }

  /** The answer, its grade and its cards, saved together or not at all. */
  async function save(): Promise<{ id: number; made: number }> {
    const history = await ctx.history(options.db, { write: true });
    const now = ctx.now();
    return history.db.transaction(() => {
      const session = history.sessions.create({
        promptId: prompt.id, mode: 'score', targetLevel: options.level ?? 'senior', minutes: 0, timer: false,
        plan: PHASE_IDS.map((step) => ({ step, budgetMs: 0 })), startedAt: now,
      });
      for (const section of sections.filter((s) => s.text.trim())) {
        history.sessions.addEntry(session.id, {
          step: section.phase ?? 'other', kind: 'answer', text: section.text, factId: null, response: null,
          elapsedMs: 0, budgetMs: null, at: now,
        });
      }
      history.sessions.finish(session.id, grade, now);
      return { id: session.id, made: saveRoundCards(history, session, grade, prompt, content.framework, now).created };
    }).immediate();
  }
}
