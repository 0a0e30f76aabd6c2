import type { Ctx } from '../context.js';
import { answersOf, reviewJson } from '../interview/summary.js';
import type { Entry, Session } from '../interview/types.js';
import { resolveSession } from '../store/history.js';
import { stepTitle } from '../ui/interview-view.js';
import { paint } from '../ui/paint.js';
import { jsonText, safeStrings, safeText } from '../ui/safe-text.js';
import { flow, piece, wrap } from '../ui/text.js';

export interface ReviewOptions {
  id: string;
  json?: boolean;
  db?: string;
  /** List every miss, not only the first six. */
  all?: boolean;
}

/** The full feedback for a session, with the answers as written. */
export async function review(options: ReviewOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'history' | 'content'>): Promise<void> {
  const history = await ctx.history(options.db, { mustExist: true });
  const session = resolveSession(history.sessions, options.id);
  const entries = history.sessions.entries(session.id);
  if (options.json) {
    ctx.out(`${jsonText(reviewJson(session, entries))}\n`);
    return;
  }
  const c = paint(ctx.color);
  // What was typed and saved is shown with its control characters inert (--json escapes them itself).
  ctx.out(answersView(safeStrings(session), safeStrings(entries), ctx.color, ctx.width));
  const draft = session.grade ? undefined : history.sessions.draft(session.id);
  if (draft?.text.trim()) {
    const title = draft.step === 'clarifying' ? 'Clarifying questions' : stepTitle(draft.step);
    ctx.out(`\n${c.bold(`${title} — not submitted`)}\n${quote(safeText(draft.text), ctx.width, ctx.color)}\n`);
  }
  if (!session.grade) {
    const note = session.status === 'in-progress'
      ? `Session ${session.id} is in-progress and not graded yet. Continue it with \`mlsd resume ${session.id}\`.`
      : `Session ${session.id} was abandoned, so it has no grade.`;
    ctx.out(`\n${c.dim(note)}\n`);
    return;
  }
  // Content and the report cost ~250 ms to load; --json and ungraded sessions don't need them.
  const [{ findPrompt }, { outcomeReport }] = await Promise.all([import('../content/load.js'), import('./shared/sitting.js')]);
  const content = await ctx.content();
  const prompt = findPrompt(content, session.promptId);
  ctx.out(`\n${outcomeReport(session, session.grade, prompt, content, history, { color: ctx.color, width: ctx.width, justSaved: false, allMisses: options.all })}`);
}

/** The candidate's text as a quoted block, wrapped to the width. */
function quote(text: string, width: number, color: boolean): string {
  const bar = paint(color).dim('│');
  return text.split('\n').map((l) => (l.trim() ? wrap(l, width, `${bar} `, `${bar} `) : bar)).join('\n');
}

function answersView(session: Session, entries: readonly Entry[], color: boolean, width: number): string {
  const c = paint(color);
  const quoted = (text: string) => quote(text, width, color);
  const when = new Date(session.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  const out = flow([`Session ${session.id}`, session.promptId, session.mode, `${when} UTC`].map((t, i) => piece(i ? `· ${t}` : t, c.bold)), width, '', '');
  const questions = entries.filter((e) => e.kind === 'question');
  if (questions.length) {
    out.push('', c.bold('Clarifying questions'));
    for (const q of questions) out.push(wrap(q.text, width, `  ${c.dim('Q')} `, '    '), wrap(q.response ?? '', width, `  ${c.dim('A')} `, '    '));
  }
  for (const a of answersOf(entries)) {
    const title = a.phase === 'other' ? 'Other notes' : stepTitle(a.phase as Parameters<typeof stepTitle>[0]);
    out.push('', c.bold(a.kind === 'reply' ? `${title} — follow-up` : title));
    if (a.question) out.push(wrap(a.question, width, `${c.cyan('Interviewer:')} `, '             '));
    out.push(a.text.trim() ? quoted(a.text) : c.dim('(no answer)'));
  }
  return `${out.join('\n')}\n`;
}
