import type { Ctx } from '../context.js';
import { gradedPhases, nextDrill, phaseAverages, weakestPhase } from '../interview/progress.js';
import { sessionJson } from '../interview/summary.js';
import type { Session } from '../interview/types.js';
import type { PhaseId } from '../phases.js';
import { averagesView, sessionTable, totalChart } from '../ui/history-view.js';
import { paint } from '../ui/paint.js';
import { jsonText, safeStrings } from '../ui/safe-text.js';
import { flow, piece } from '../ui/text.js';
import { dueFooter } from './shared/cards.js';

export interface HistoryOptions {
  json?: boolean;
  prompt?: string;
  db?: string;
}

export async function history(options: HistoryOptions, ctx: Pick<Ctx, 'out' | 'color' | 'width' | 'history' | 'content' | 'now'>): Promise<void> {
  const store = await ctx.history(options.db, { mustExist: true });
  let sessions: Session[] = store.sessions.list({ promptId: options.prompt });
  // A typo in --prompt should not read as "no sessions yet": name the closest prompt instead.
  if (!sessions.length && options.prompt) {
    const { findPrompt } = await import('../content/load.js');
    findPrompt(await ctx.content(), options.prompt);
  }
  if (options.json) {
    ctx.out(`${jsonText(sessions.map(sessionJson))}\n`);
    return;
  }
  const c = paint(ctx.color);
  if (!sessions.length) {
    const scope = options.prompt ? ` for ${options.prompt}` : '';
    const target = options.prompt ?? '<prompt>';
    ctx.out(`No sessions yet${scope}. Start with \`mlsd interview${options.prompt ? ` ${options.prompt}` : ''}\` (a timed mock round) or \`mlsd practice ${target} --phase metrics\`.\n`);
    return;
  }
  const width = ctx.width;
  // A --db file may come from anywhere: what it stores is shown inert.
  sessions = safeStrings(sessions);
  const parts = [sessionTable(sessions, { color: ctx.color, width })];
  const chart = await totalChart(sessions, ctx);
  if (chart) parts.push(chart);
  const graded = sessions.filter((s) => s.grade);
  const averages = phaseAverages(graded);
  const weakest = weakestPhase(averages);
  if (averages.length) parts.push(averagesView(averages, weakest, { color: ctx.color, width }));
  if (weakest) {
    const promptId = worstPromptFor(graded, weakest.phase);
    const line = [piece('Weakest phase:', c.bold), piece(`${weakest.phase} (avg ${Math.round(weakest.average)}) →`), piece(nextDrill(promptId, weakest.phase))];
    parts.push(`${flow(line, width, '', '  ').join('\n')}\n`);
  }
  const due = dueFooter(store, ctx.now(), { color: ctx.color, width });
  if (due) parts.push(due);
  ctx.out(parts.join('\n'));
}

/** The prompt on which the phase scored lowest: the drill closest to where it went wrong. */
function worstPromptFor(sessions: readonly Session[], phase: PhaseId): string {
  let worst = { promptId: sessions[0]!.promptId, score: Infinity };
  for (const s of sessions) {
    if (!gradedPhases(s.plan).includes(phase)) continue;
    const score = s.grade?.phases.find((p) => p.id === phase)?.score;
    if (score !== undefined && score < worst.score) worst = { promptId: s.promptId, score };
  }
  return worst.promptId;
}
