import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnswer } from '../../content/answer-file.js';
import type { Content } from '../../content/load.js';
import type { Level, Prompt } from '../../content/schema.js';
import type { Ctx } from '../../context.js';
import { InterruptedError, UserError } from '../../errors.js';
import { parseAnswerMarkdown, type Grade } from '../../grading/index.js';
import { gradedPhases } from '../../interview/progress.js';
import { runSession } from '../../interview/runner.js';
import { nextAction, timeSpent } from '../../interview/session.js';
import type { Mode, PlanStep, Session } from '../../interview/types.js';
import type { History } from '../../store/history.js';
import { keyFactsView, planView, stepTitle, timeTable } from '../../ui/interview-view.js';
import { renderMarkdown } from '../../ui/markdown.js';
import { paint } from '../../ui/paint.js';
import { renderReport } from '../../ui/report.js';
import { jsonText } from '../../ui/safe-text.js';
import { terminalSessionView } from '../../ui/session-view.js';
import { dueFooter, saveRoundCards } from './cards.js';

/** The flags `interview` and `practice` share (defined once in src/commands/table.ts). */
export interface SittingFlags {
  minutes: number;
  level: Level;
  timer: boolean;
  editor?: boolean;
  answers?: string;
  json?: boolean;
  db?: string;
}

type Edges = 'vocabulary' | 'content' | 'asker' | 'grader';

/**
 * Loads what a live sitting needs before anything is shown or recorded, so broken content or vocabulary fails
 * at once, not after the session was created.
 */
export async function loadSittingEdges(ctx: Pick<Ctx, Edges>): Promise<void> {
  await ctx.vocabulary();
  await ctx.content();
  await ctx.asker();
  await ctx.grader();
}

const ANSWERS_HINT = 'To grade a written answer without a terminal, pass --answers <answer.md> (add --json for a machine-readable grade).';

/** Refuses at once when nobody can answer; `hint` says what works without a terminal (default: --answers). */
export function requireTerminal(ctx: Pick<Ctx, 'interactive'>, command: string, hint = ANSWERS_HINT): void {
  if (!ctx.interactive) {
    throw new UserError(`\`mlsd ${command}\` asks questions and needs a terminal; none is attached.`, { hint });
  }
}

export interface NewSitting {
  prompt: Prompt;
  mode: Mode;
  plan: PlanStep[];
  minutes: number;
  level: Level;
  timer: boolean;
  editor: boolean;
  db: string | undefined;
}

type SittingCtx = Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'history' | Edges>;

/** Shows the statement and plan, records the session, runs it, prints the report. */
export async function sitNew(spec: NewSitting, ctx: SittingCtx): Promise<void> {
  const history = await ctx.history(spec.db, { write: true });
  const width = ctx.width;
  const statement = /^\s*#/.test(spec.prompt.statement) ? spec.prompt.statement : `# ${spec.prompt.title}\n\n${spec.prompt.statement}`;
  ctx.out(await renderMarkdown(statement, { color: ctx.color, width }));
  const open = history.sessions.latestInProgress();
  if (open) ctx.out(paint(ctx.color).dim(`(Session ${open.id} is still in progress: \`mlsd resume ${open.id}\` continues it later, \`mlsd abandon ${open.id}\` closes it.)\n`));
  if (spec.mode === 'practice') ctx.out(`\n${keyFactsView(spec.prompt.facts, { color: ctx.color, width })}`);
  ctx.out(`\n${planView(spec.plan, spec.minutes, { color: ctx.color, timer: spec.timer })}`);
  const session = history.sessions.create({
    promptId: spec.prompt.id,
    mode: spec.mode,
    targetLevel: spec.level,
    minutes: spec.minutes,
    timer: spec.timer,
    plan: spec.plan,
    startedAt: ctx.now(),
  });
  await sit(session, spec.prompt, spec.editor, history, ctx);
}

/** Continues a recorded session where its log stops. */
export async function sitAgain(session: Session, prompt: Prompt, editor: boolean, history: History, ctx: SittingCtx): Promise<void> {
  const c = paint(ctx.color);
  const action = nextAction(session.plan, history.sessions.entries(session.id));
  const where = action.kind === 'finish' ? 'the report' : stepTitle(action.step).toLowerCase();
  ctx.out(`${c.bold(`Resuming session ${session.id}`)}: ${prompt.title} ${c.dim(`· ${prompt.id}`)}\n`);
  const clock = session.timer ? "; this step's clock starts again, the round keeps the time left when you stopped" : '';
  ctx.out(`${c.dim(`Picking up at ${where}${clock}.`)}\n`);
  await sit(session, prompt, editor, history, ctx);
}

async function sit(session: Session, prompt: Prompt, editor: boolean, history: History, ctx: SittingCtx): Promise<void> {
  const width = ctx.width;
  const content = await ctx.content();
  let result;
  try {
    result = await runSession(session, {
      store: history.sessions,
      ask: await ctx.asker(),
      grader: await ctx.grader(),
      framework: content.framework,
      prompt,
      vocabulary: await ctx.vocabulary(),
      view: terminalSessionView({ out: ctx.out, color: ctx.color, width }),
      now: ctx.now,
      editor,
      keepElsewhere: keepInTempFile,
    });
  } catch (err) {
    // A signal that came while the round was being graded ends it after the grade was saved: its cards too.
    try {
      const done = err instanceof InterruptedError ? history.sessions.get(session.id) : undefined;
      if (done?.grade) saveRoundCards(history, done, done.grade, prompt, content.framework, ctx.now());
    } catch {
      // The round itself is saved; a failure here must not hide why the sitting stopped.
    }
    throw err;
  }
  const made = saveRoundCards(history, result.session, result.grade, prompt, content.framework, ctx.now()).created;
  ctx.out('\n');
  ctx.out(outcomeReport(result.session, result.grade, prompt, content, history, { color: ctx.color, width, justSaved: true }));
  ctx.out(dueFooter(history, ctx.now(), { color: ctx.color, width, made }));
}

/** Writes text the history database would not take to a private file in the temp folder; undefined if that fails too. */
function keepInTempFile(text: string): string | undefined {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-unsaved-'));
    const file = join(dir, 'answer.md');
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    return file;
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * The grade report (it ends with the next drill) and time per step; right after a sitting (`justSaved`), also
 * where the session is kept.
 */
export function outcomeReport(
  session: Session,
  grade: Grade,
  prompt: Prompt,
  content: Content,
  history: History,
  options: { color: boolean; width: number; justSaved: boolean; allMisses?: boolean },
): string {
  const c = paint(options.color);
  const moreMisses = options.justSaved ? `\`mlsd review ${session.id} --all\` lists them all` : 'add --all to list them all';
  const parts = [renderReport(grade, prompt, content.framework, { ...options, level: session.targetLevel, moreMisses })];
  if (session.timer) parts.push(timeTable(timeSpent(session.plan, history.sessions.entries(session.id)), options));
  if (options.justSaved) parts.push(c.dim(`Saved as session ${session.id} · review it with \`mlsd review ${session.id}\`\n`));
  return parts.join('\n');
}

/** The --answers flow: the same session, graded from a Markdown file, no questions asked. */
export async function sitFromFile(
  spec: Omit<NewSitting, 'editor'> & { file: string; json: boolean },
  ctx: Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'history' | 'content' | 'grader' | 'readStdin' | 'stdinIsTTY'>,
): Promise<void> {
  // The same checks as `mlsd score`: missing, empty, binary or oversized answers are refused with one line.
  const answer = await readAnswer(spec.file, { readStdin: ctx.readStdin, stdinIsTTY: ctx.stdinIsTTY });
  const sections = parseAnswerMarkdown(answer.text);
  if (!sections.some((s) => s.text.trim())) {
    throw new UserError(`${spec.file} has no answer text.`, { hint: 'Write your answer under headings such as "## Metrics" and try again.' });
  }
  const history = await ctx.history(spec.db, { write: true });
  const content = await ctx.content();
  const grader = await ctx.grader();
  const now = ctx.now();
  const phases = spec.mode === 'practice' ? gradedPhases(spec.plan) : undefined;
  const grade = grader.grade(spec.prompt, content.framework, { sections, ...(phases ? { phases } : {}) });
  // Nothing here was typed live: the session, its answers and its grade are saved together or not at all,
  // so a crash never leaves a half-saved session that `history` would offer to resume.
  const session = history.db.transaction(() => {
    const created = history.sessions.create({
      promptId: spec.prompt.id, mode: spec.mode, targetLevel: spec.level, minutes: spec.minutes,
      timer: false, plan: spec.plan, startedAt: now,
    });
    for (const section of sections) {
      history.sessions.addEntry(created.id, {
        step: section.phase ?? 'other', kind: 'answer', text: section.text, factId: null, response: null,
        elapsedMs: 0, budgetMs: null, at: now,
      });
    }
    history.sessions.finish(created.id, grade, ctx.now());
    return { ...created, made: saveRoundCards(history, created, grade, spec.prompt, content.framework, now).created };
  }).immediate();
  if (spec.json) {
    ctx.out(`${jsonText({ ...grade, sessionId: session.id })}\n`);
    return;
  }
  const done = history.sessions.get(session.id)!;
  ctx.out(outcomeReport(done, grade, spec.prompt, content, history, { color: ctx.color, width: ctx.width, justSaved: true }));
  ctx.out(dueFooter(history, ctx.now(), { color: ctx.color, width: ctx.width, made: session.made }));
}
