import type { ReviewJson } from '../interview/summary.js';
import { isPhaseId, phaseInfo } from '../phases.js';
import { formatClock } from '../interview/timer.js';
import { stepTitle } from './interview-view.js';
import { safeStrings, safeText } from './safe-text.js';

const phaseTitle = (id: string) => (isPhaseId(id) ? phaseInfo(id).title : 'Other notes');
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');

/** What the rubric says about a criterion, for the misses. */
export interface CriterionNotes {
  why: string;
  strong: string;
}

/** A plain Markdown report of a session (no terminal colour), to keep or share. */
export function sessionMarkdown(saved: ReviewJson, title: string, notes: ReadonlyMap<string, CriterionNotes> = new Map()): string {
  // Answers, questions and quotes are the user's: a report opened in a terminal (`cat`, `less -R`) must not act on them.
  const review = safeStrings(saved);
  const out: string[] = [`# ${safeText(title)}`, ''];
  const when = review.startedAt.slice(0, 16).replace('T', ' ');
  out.push(`Session ${review.id} · ${review.mode} · ${review.promptId} · ${when} UTC · ${review.minutes} min · aiming for ${review.targetLevel}`, '');
  const grade = review.grade;
  if (grade) {
    out.push(`**Total ${Math.round(grade.total)}/100 · level reached: ${grade.level}**`, '');
    out.push('| phase | score | criteria met |', '|---|---:|---:|');
    for (const p of grade.phases) {
      if (p.graded === false) continue;
      out.push(`| ${phaseInfo(p.id).title} | ${Math.round(p.score)} | ${p.covered.length} of ${p.covered.length + p.missed.length} |`);
    }
    const sig = grade.signals;
    const r = Math.round;
    out.push('', `Signals: structure ${r(sig.structure)} · trade-offs ${r(sig.tradeoffs)} · numbers ${r(sig.quantitative)} · depth ${r(sig.depth)}`, '');
    const met = grade.criteria.filter((c) => c.met);
    const missed = grade.criteria.filter((c) => !c.met);
    if (met.length) {
      out.push('## What earned credit', '');
      for (const c of met) out.push(`- ✓ **${c.title}** (${c.phase} · ${c.level})${c.evidence ? ` — “${c.evidence}”` : ''}`);
      out.push('');
    }
    if (missed.length) {
      out.push('## What was missing', '');
      for (const c of missed) {
        out.push(`- ✗ **${c.title}** (${c.phase} · ${c.level})${c.note ? ` — ${c.note}` : ''}`);
        const n = notes.get(c.id);
        if (n) out.push(`  - *Why it matters:* ${n.why}`, `  - *A strong answer:* ${n.strong}`);
      }
      out.push('');
    }
  } else {
    out.push(
      review.status === 'abandoned'
        ? '_Not graded: the session was abandoned before the end; the answers it has are below._'
        : `_Not graded yet: the session is still in progress (\`mlsd resume ${review.id}\` continues it)._`,
      '',
    );
  }
  if (review.questions.length) {
    out.push('## Clarifying questions', '');
    for (const q of review.questions) out.push(`- **Q:** ${q.question}  `, `  **A:** ${q.response ?? '—'}`);
    out.push('');
  }
  if (review.answers.length) {
    out.push('## Answers', '');
    for (const a of review.answers) {
      out.push(a.kind === 'reply' ? `### ${phaseTitle(a.phase)} — follow-up` : `### ${phaseTitle(a.phase)}`, '');
      if (a.question) out.push(`*Interviewer:* ${a.question}`, '');
      out.push(a.text.trim() ? quote(a.text) : '_(no answer)_', '');
    }
  }
  // Sessions graded from a file have no timings worth a table.
  if (review.time.some((t) => (t.spentMs ?? 0) > 0)) {
    out.push('## Time per step', '', '| step | spent | budget |', '|---|---:|---:|');
    for (const t of review.time) out.push(`| ${stepTitle(t.step)} | ${t.spentMs === null ? '—' : formatClock(t.spentMs)} | ${formatClock(t.budgetMs)} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
