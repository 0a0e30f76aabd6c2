import { withRedFlagFields } from '../grading/costs.js';
import type { Grade } from '../grading/types.js';
import { isPhaseId } from '../phases.js';
import { timeSpent, type StepTime } from './session.js';
import type { Entry, Session } from './types.js';

/** The history contract shape (see shared/contracts.md); fields may be added, never changed. */
export interface SessionJson {
  id: number;
  promptId: string;
  mode: Session['mode'];
  status: Session['status'];
  startedAt: string;
  finishedAt: string | null;
  total: number | null;
  level: Grade['level'] | null;
  minutes: number;
  targetLevel: Session['targetLevel'];
  /** Red flags in the grade; null until graded. */
  redFlags: number | null;
}

export function sessionJson(s: Session): SessionJson {
  return {
    id: s.id,
    promptId: s.promptId,
    mode: s.mode,
    status: s.status,
    startedAt: new Date(s.startedAt).toISOString(),
    finishedAt: s.finishedAt === null ? null : new Date(s.finishedAt).toISOString(),
    total: s.total,
    level: s.level,
    minutes: s.minutes,
    targetLevel: s.targetLevel,
    redFlags: s.grade ? (s.grade.redFlags?.length ?? 0) : null,
  };
}

export interface AnswerJson {
  phase: string;
  kind: 'answer' | 'reply';
  /** For a reply: the follow-up question it answers. */
  question?: string;
  text: string;
  elapsedMs: number;
}

export interface ReviewJson extends SessionJson {
  answers: AnswerJson[];
  questions: { question: string; factId: string | null; response: string | null; elapsedMs: number }[];
  time: StepTime[];
  grade: Grade | null;
}

/** The phase answers and follow-up replies, in the order written. */
export function answersOf(entries: readonly Entry[]): AnswerJson[] {
  let question: string | undefined;
  const out: AnswerJson[] = [];
  for (const e of entries) {
    if (e.kind === 'probe') question = e.text;
    if (e.kind !== 'answer' && e.kind !== 'reply') continue;
    out.push({
      phase: isPhaseId(e.step) ? e.step : 'other',
      kind: e.kind,
      ...(e.kind === 'reply' && question ? { question } : {}),
      text: e.text,
      elapsedMs: e.elapsedMs,
    });
  }
  return out;
}

export function reviewJson(s: Session, entries: readonly Entry[]): ReviewJson {
  return {
    ...sessionJson(s),
    answers: answersOf(entries),
    questions: entries
      .filter((e) => e.kind === 'question')
      .map((e) => ({ question: e.text, factId: e.factId, response: e.response, elapsedMs: e.elapsedMs })),
    time: timeSpent(s.plan, entries),
    grade: s.grade && withRedFlagFields(s.grade),
  };
}
