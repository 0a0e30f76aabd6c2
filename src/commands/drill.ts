import { readAnswer } from '../content/answer-file.js';
import { findPrompt, type Content } from '../content/load.js';
import type { Ctx } from '../context.js';
import { itemsNamed, splitAnswers } from '../drill/answers.js';
import { gradeDrill, type DrillGrade } from '../drill/grade.js';
import { drillItems, type DrillItem } from '../drill/questions.js';
import { drillStatus, endOfToday, nextDueAfterToday, RECALL_DAYS } from '../drill/status.js';
import { InterruptedError, UserError, type StopSignal } from '../errors.js';
import type { Asker, TextResult } from '../interview/asker.js';
import type { PhaseId } from '../phases.js';
import type { StoredCard } from '../store/cards.js';
import type { History } from '../store/history.js';
import { cardView, drillInstructions, drillResultView, drillSummary, nothingDue, statusView } from '../ui/drill-view.js';
import { paint } from '../ui/paint.js';
import { jsonText, safeText } from '../ui/safe-text.js';

export interface DrillOptions {
  limit: number;
  prompt?: string;
  phase?: PhaseId;
  status?: boolean;
  answers?: string;
  json?: boolean;
  db?: string;
}

type DrillCtx = Pick<Ctx, 'out' | 'now' | 'color' | 'width' | 'interactive' | 'readStdin' | 'stdinIsTTY' | 'history' | 'content' | 'grader' | 'asker'>;

const DAY_MS = 86_400_000;

/** `mlsd drill`: asks the due cards, grades each answer on its criterion, and schedules the next review. */
export async function drill(options: DrillOptions, ctx: DrillCtx): Promise<void> {
  if (options.status) return status(options, ctx);
  const content = await ctx.content();
  if (options.prompt) findPrompt(content, options.prompt);
  const history = await ctx.history(options.db, { write: true });
  const now = ctx.now();
  const items = drillItems(history.cards.all(), content, flagEvidence(history)).filter(
    (i) => (!options.prompt || i.card.promptId === options.prompt) && (!options.phase || i.phase === options.phase),
  );
  if (options.answers) return fromFile(options, items, content, history, ctx);

  const due = items.filter((i) => i.card.memory.due < endOfToday(now));
  if (!due.length) {
    const scope = [options.prompt && ` for ${options.prompt}`, options.phase && ` in ${options.phase}`].filter(Boolean).join('');
    ctx.out(nothingDue({ anyCards: history.cards.all().length > 0, scope, nextDue: nextDueAfterToday(items.map((i) => i.card), now), now }));
    return;
  }
  if (!ctx.interactive) {
    throw new UserError('`mlsd drill` asks questions and needs a terminal; none is attached.', {
      hint: 'Write one answer per due card under `## <criterion id>` and pass --answers <file> (add --json for JSON); `mlsd drill --status` lists the due cards.',
    });
  }
  await live(due.slice(0, options.limit), content, history, ctx);
}

async function status(options: DrillOptions, ctx: DrillCtx): Promise<void> {
  const history = await ctx.history(options.db, { mustExist: true });
  const now = ctx.now();
  const cards = history.cards.all();
  const result = drillStatus(cards, history.cards.reviewsSince(now - RECALL_DAYS * DAY_MS), now);
  if (options.json) {
    ctx.out(`${jsonText(result)}\n`);
    return;
  }
  const content = await ctx.content();
  const dueToday = drillItems(cards.filter((c) => c.memory.due < endOfToday(now)), content, flagEvidence(history));
  ctx.out(statusView(result, dueToday, now, { color: ctx.color, width: ctx.width }));
}

/**
 * A pitfall card's quoted sentence: the evidence of its red flag in the newest graded session of the prompt that
 * raised it (read only for a pitfall without a probe, which asks about that sentence).
 */
function flagEvidence(history: History): (card: StoredCard) => string | undefined {
  return (card) => {
    if (card.kind !== 'pitfall') return undefined;
    for (const session of history.sessions.list({ promptId: card.promptId })) {
      const flag = session.grade?.redFlags?.find((f) => f.id === card.itemId);
      if (flag) return flag.evidence;
    }
    return undefined;
  };
}

/** Records one answer and returns the card as rescheduled. */
function rate(history: History, item: DrillItem<StoredCard>, grade: DrillGrade, answer: string, at: number): StoredCard {
  return history.cards.review(item.card, { rating: grade.rating, met: grade.met, at, source: 'drill', answer });
}

async function live(due: readonly DrillItem<StoredCard>[], content: Content, history: History, ctx: DrillCtx): Promise<void> {
  const view = { color: ctx.color, width: ctx.width };
  const ask = await ctx.asker();
  const grader = await ctx.grader();
  const rated: DrillGrade[] = [];
  const stop = (signal: StopSignal | undefined) => {
    const saved = rated.length ? `your ${rated.length === 1 ? 'answer is' : `${rated.length} answers are`} saved` : 'nothing was answered';
    return new InterruptedError(`Interrupted; ${saved}. The cards not answered stay due: \`mlsd drill\` asks them again.`, signal);
  };
  ctx.out(drillInstructions(view));
  for (const [i, item] of due.entries()) {
    ctx.out(cardView(i + 1, due.length, item, view));
    const asked = ctx.now();
    const answer = await readAnswerText(ask, item, ctx);
    if (answer.kind === 'interrupted') throw stop(answer.signal);
    const elapsed = ctx.now() - asked;
    const grade = gradeDrill(grader, content.framework, item, answer.text, elapsed);
    const at = ctx.now();
    const card = rate(history, item, grade, answer.text, at);
    rated.push(grade);
    // The line reader leaves the cursor after a fresh line prompt.
    ctx.out(`\n${drillResultView(item, grade, { now: at, due: card.memory.due }, view)}`);
    // A Ctrl-C that came while the answer was graded and saved stops before the next card.
    const late = await ask.pendingSignal?.();
    if (late) throw stop(late);
  }
  ctx.out(drillSummary(rated, whatIsLeft(history, ctx.now()), ctx.now(), view));
}

/** The answer to one card, through the same line reader as a round (multi-line, :editor, :hint, Ctrl-C). */
async function readAnswerText(ask: Asker, item: DrillItem, ctx: DrillCtx): Promise<{ kind: 'done'; text: string } | { kind: 'interrupted'; signal?: StopSignal }> {
  const dim = paint(ctx.color).dim;
  let result: TextResult = await ask.text({
    multiline: true,
    prompt: () => dim('› '),
    hint: item.prompt.guidance[item.phase],
    timeLeftMs: Infinity,
    stepLeftMs: Infinity,
  });
  if (result.kind === 'editor') {
    const signal = await ask.pendingSignal?.();
    if (signal) return { kind: 'interrupted', signal };
    const edited = await ask.editor(result.text, item.phase);
    if (edited) ctx.out(`${safeText(edited).split('\n').map((l) => `${dim('│')} ${l}`).join('\n')}\n`);
    result = { kind: 'done', text: edited };
  }
  if (result.kind === 'interrupted') return { kind: 'interrupted', ...(result.signal ? { signal: result.signal } : {}) };
  return { kind: 'done', text: result.kind === 'end' ? '' : result.text };
}

/** `--answers <file>`: one answer per card, by heading; rates each card the file answers, no questions asked. */
async function fromFile(options: DrillOptions, items: readonly DrillItem<StoredCard>[], content: Content, history: History, ctx: DrillCtx): Promise<void> {
  const file = options.answers!;
  const read = await readAnswer(file, { readStdin: ctx.readStdin, stdinIsTTY: ctx.stdinIsTTY });
  const answers = splitAnswers(read.text);
  if (!answers.length) {
    throw new UserError(`${file} has no answers: each goes under a \`## <criterion id>\` heading.`, {
      hint: '`mlsd drill --status` lists the due cards with their ids and questions.',
    });
  }
  const now = ctx.now();
  const matched = answers.map((a) => ({ answer: a, item: resolve(a.heading, items, now, file) }));
  const seen = new Map<number, string>();
  for (const { answer, item } of matched) {
    const twin = seen.get(item.card.id);
    if (twin !== undefined) {
      throw new UserError(`${file} answers the card ${item.card.itemId} (${item.card.promptId}) twice: under "${twin}" and "${answer.heading}".`, {
        hint: 'Keep one answer per card.',
      });
    }
    seen.set(item.card.id, answer.heading);
  }
  const grader = await ctx.grader();
  const graded = matched.map(({ answer, item }) => ({ answer, item, grade: gradeDrill(grader, content.framework, item, answer.text) }));
  // Nothing was typed live: the whole file is rated, or none of it.
  const cards = history.db.transaction(() => graded.map(({ answer, item, grade }) => rate(history, item, grade, answer.text, now))).immediate();
  if (options.json) {
    const out = graded.map(({ item, grade }, i) => ({
      promptId: item.card.promptId,
      criterion: item.card.itemId,
      question: item.question,
      met: grade.met,
      evidence: grade.evidence,
      rating: grade.rating,
      nextDue: new Date(cards[i]!.memory.due).toISOString(),
      kind: item.card.kind,
    }));
    ctx.out(`${jsonText({ cards: out })}\n`);
    return;
  }
  const view = { color: ctx.color, width: ctx.width };
  graded.forEach(({ item, grade }, i) => {
    ctx.out(cardView(i + 1, graded.length, item, view));
    ctx.out(drillResultView(item, grade, { now, due: cards[i]!.memory.due }, view));
  });
  ctx.out(drillSummary(graded.map((g) => g.grade), whatIsLeft(history, now), now, view));
}

function whatIsLeft(history: History, now: number): { dueToday: number; nextDue: number | undefined } {
  const cards = history.cards.all();
  return { dueToday: cards.filter((c) => c.memory.due < endOfToday(now)).length, nextDue: nextDueAfterToday(cards, now) };
}

/** The one card a heading names: a due card wins over one that is not due; a heading that names none, or two, is refused. */
function resolve(heading: string, items: readonly DrillItem<StoredCard>[], now: number, file: string): DrillItem<StoredCard> {
  const named = itemsNamed(heading, items);
  const due = named.filter((i) => i.card.memory.due < endOfToday(now));
  const pick = named.length === 1 ? named : due;
  if (pick.length === 1) return pick[0]!;
  if (!named.length) {
    throw new UserError(`${file}: the heading "${heading}" names no card.`, {
      hint: 'Use a card\'s criterion id (or its question) as the heading; `mlsd drill --status` lists the due cards.',
    });
  }
  const prompts = named.map((i) => i.card.promptId).join(', ');
  throw new UserError(`${file}: the heading "${heading}" names a card of several prompts (${prompts}).`, {
    hint: `Write the prompt id before the criterion id (\`## ${named[0]!.card.promptId} ${named[0]!.card.itemId}\`), or pass --prompt.`,
  });
}
