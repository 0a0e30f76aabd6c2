import type { Content } from '../content/load.js';
import type { Level, Prompt } from '../content/schema.js';
import type { Vocabulary } from '../content/vocabulary.js';
import { InterruptedError, UserError, type StopSignal } from '../errors.js';
import type { Grade, Grader } from '../grading/index.js';
import type { PhaseId } from '../phases.js';
import type { Asker, TextResult } from './asker.js';
import { factIndex, factReply, joinFactIds, matchFacts } from './facts.js';
import { chooseProbe } from './probe.js';
import { gradedPhases } from './progress.js';
import { answerSections, askedFacts, nextAction, resumedTotalMs, type NextAction } from './session.js';
import { readClock, startStep, type Clock, type ClockReading } from './timer.js';
import type { Draft, Entry, Session, SessionLog, StepId } from './types.js';
import type { Kept, SaveFailure, SessionView, StepStart } from './view.js';

export interface RunnerDeps {
  store: SessionLog;
  ask: Asker;
  grader: Grader;
  framework: Content['framework'];
  prompt: Prompt;
  /** The grader's vocabulary, so "CTR" meets a fact asked for as "click-through rate". */
  vocabulary?: Vocabulary;
  view: SessionView;
  now: () => number;
  /** Write every answer in $EDITOR. */
  editor: boolean;
  /**
   * Writes text the database would not take somewhere else (a file); returns where, or undefined when that
   * failed too. The text is printed back either way.
   */
  keepElsewhere?: (text: string) => string | undefined;
}

export interface RunResult {
  session: Session;
  grade: Grade;
  /** The round ended because the total time ran out. */
  timeUp: boolean;
}

/**
 * Runs a session from wherever its log stops to the grade. Every submission is written before the next
 * question; Ctrl-C, SIGTERM or SIGHUP saves the text being typed as a draft and throws InterruptedError.
 * When the database refuses a write, what the user typed is printed back and a UserError says why.
 */
export async function runSession(start: Session, deps: RunnerDeps): Promise<RunResult> {
  try {
    return await run(start, deps);
  } catch (err) {
    const code = storeFailure(err);
    if (!code) throw err;
    throw saveFailed(deps, { sessionId: start.id, what: 'session', code });
  }
}

async function run(start: Session, deps: RunnerDeps): Promise<RunResult> {
  const { store } = deps;
  const id = start.id;
  let entries = store.entries(id);
  let action = nextAction(start.plan, entries);
  const now = deps.now();
  let clock: Clock = {
    startedAt: now,
    totalMs: start.timer ? resumedTotalMs(start.plan, entries, action) : Infinity,
    stepStartedAt: now,
    stepBudgetMs: Infinity,
  };
  let currentStep: StepId | null = null;
  let timeUp = false;
  const reading = (): ClockReading | null => (start.timer ? readClock(clock, deps.now()) : null);
  const record = (step: StepId, kind: Entry['kind'], text: string, extra: Partial<Entry> = {}) => {
    const r = readClock(clock, deps.now());
    const write = () => store.addEntry(id, {
      step, kind, text, factId: null, response: null,
      elapsedMs: r.stepElapsedMs,
      budgetMs: Number.isFinite(clock.stepBudgetMs) ? clock.stepBudgetMs : null,
      at: deps.now(),
      ...extra,
    });
    if (kind === 'question') keepTyped(deps, id, 'question', text, write);
    else if (kind === 'answer' || kind === 'reply') keepTyped(deps, id, 'answer', text, write);
    else write();
  };

  while (action.kind !== 'finish' && !timeUp) {
    if (action.step !== currentStep) {
      currentStep = action.step;
      const step = action.step;
      const budget = start.plan.find((s) => s.step === step)!.budgetMs;
      clock = startStep(clock, start.timer ? budget : Infinity, deps.now());
      deps.view.stepStarted(stepStart(action, deps.framework), reading());
    }
    timeUp = await perform(action, deps, { id, level: start.targetLevel, record, reading, entries });
    entries = store.entries(id);
    action = nextAction(start.plan, entries);
  }
  if (timeUp) deps.view.timeUp();
  const grade = finishSession(store.get(id)!, deps);
  // Everything was submitted and is graded now; a signal that came meanwhile still sets the exit code.
  const late = await deps.ask.pendingSignal?.();
  if (late) throw new InterruptedError(deps.view.interrupted(id, 'finished'), late);
  return { session: store.get(id)!, grade, timeUp };
}

function stepStart(action: Exclude<NextAction, { kind: 'finish' }>, framework: Content['framework']): StepStart {
  switch (action.kind) {
    case 'clarify':
      return { kind: 'clarify', step: action.step, focus: framework.guide.clarifying.focus };
    case 'answer':
      return { kind: 'answer', step: action.step, focus: framework.guide[action.step].focus };
    // Resumed while a follow-up was waiting for its reply: it is asked again.
    case 'reply':
      return { kind: 'reply', step: action.step, question: action.question };
    case 'probe':
      return { kind: 'probe', step: action.step };
  }
}

interface StepCtx {
  id: number;
  level: Level;
  record: (step: StepId, kind: Entry['kind'], text: string, extra?: Partial<Entry>) => void;
  reading: () => ClockReading | null;
  entries: Entry[];
}

/** Does one action; returns true when the round's time ran out during it. */
async function perform(action: Exclude<NextAction, { kind: 'finish' }>, deps: RunnerDeps, s: StepCtx): Promise<boolean> {
  switch (action.kind) {
    case 'clarify': {
      const draft = deps.store.draft(s.id);
      const initial = draft?.kind === 'question' ? draft.text : undefined;
      const result = await deps.ask.text(textRequest(deps, s, action.step, false, initial));
      if (result.kind === 'interrupted') {
        const draft = result.text ? { step: 'clarifying' as const, kind: 'question' as const, text: result.text, savedAt: deps.now() } : undefined;
        throw interrupted(deps, s.id, result.signal, draft, 'questions');
      }
      if (initial) deps.store.clearDraft(s.id);
      if (result.kind === 'done' && result.text.trim()) {
        const matches = matchFacts(result.text, factIndex(deps.prompt.facts, deps.vocabulary));
        const response = factReply(matches);
        deps.view.interviewerSaid(response);
        s.record('clarifying', 'question', result.text, { factId: joinFactIds(matches.map((m) => m.fact.id)), response });
        return false;
      }
      s.record('clarifying', 'step-end', '');
      return result.kind === 'time-up';
    }
    case 'answer':
    case 'reply': {
      const text = await typeAnswer(deps, s, action.step, action.kind);
      s.record(action.step, action.kind, text.text);
      if (action.kind === 'reply' || text.timeUp) s.record(action.step, 'step-end', '');
      return text.timeUp;
    }
    case 'probe': {
      const probe = pickProbe(deps, s.entries, action.step, s.level);
      if (!probe) {
        s.record(action.step, 'step-end', '');
        return false;
      }
      deps.view.probeAsked(probe);
      s.record(action.step, 'probe', probe);
      return false;
    }
  }
}

function textRequest(deps: RunnerDeps, s: StepCtx, step: StepId, multiline: boolean, initial?: string) {
  const r = s.reading();
  return {
    multiline,
    prompt: () => deps.view.linePrompt(s.reading()),
    initial,
    hint: hintFor(deps, step),
    timeLeftMs: r ? r.totalLeftMs : Infinity,
    stepLeftMs: r ? r.stepLeftMs : Infinity,
    overrunWarning: r ? deps.view.overrunWarning(step) : undefined,
  };
}

function hintFor(deps: RunnerDeps, step: StepId): string {
  return deps.view.hint(deps.prompt.guidance[step], deps.framework.guide[step].checklist);
}

/** Gets a phase answer or probe reply, saving a draft on Ctrl-C. */
async function typeAnswer(deps: RunnerDeps, s: StepCtx, step: PhaseId, kind: 'answer' | 'reply'): Promise<{ text: string; timeUp: boolean }> {
  const draft = deps.store.draft(s.id);
  const initial = draft && draft.step === step && draft.kind === kind ? draft.text : undefined;
  if (initial) deps.view.draftRestored();
  let result: TextResult = deps.editor
    ? { kind: 'editor', text: initial ?? '' }
    : await deps.ask.text(textRequest(deps, s, step, true, initial));
  if (result.kind === 'editor') {
    const draft = { step, kind, text: result.text, savedAt: deps.now() };
    keepTyped(deps, s.id, 'typing', draft.text, () => deps.store.saveDraft(s.id, draft));
    // The editor would hold the terminal past a signal that came since the last input.
    const signal = await deps.ask.pendingSignal?.();
    if (signal) throw interrupted(deps, s.id, signal, undefined, draft.text ? 'typing' : 'answers');
    const edited = await deps.ask.editor(result.text, step);
    const r = s.reading();
    result = r?.timeUp ? { kind: 'time-up', text: edited } : { kind: 'done', text: edited };
    if (edited) deps.view.edited(edited);
  }
  if (result.kind === 'interrupted') {
    const draft = { step, kind, text: result.text, savedAt: deps.now() };
    throw interrupted(deps, s.id, result.signal, draft, result.text ? 'typing' : 'answers');
  }
  if (result.kind === 'end') return { text: '', timeUp: false };
  return { text: result.text, timeUp: result.kind === 'time-up' };
}

/**
 * Saves what was being typed when the sitting was interrupted and says how to go on; a session that holds
 * nothing at all is removed instead of being left in progress.
 */
function interrupted(deps: RunnerDeps, id: number, signal: StopSignal | undefined, draft: Draft | undefined, kept: Kept): InterruptedError {
  if (draft) keepTyped(deps, id, 'typing', draft.text, () => deps.store.saveDraft(id, draft));
  return new InterruptedError(deps.view.interrupted(id, deps.store.removeIfEmpty(id) ? 'nothing' : kept), signal);
}

/**
 * Runs a write of what the user typed. If it fails, the text is not lost with it: it is printed back (and
 * kept in a file when one can still be written), then the session stops with one line saying why.
 */
function keepTyped(deps: RunnerDeps, id: number, what: SaveFailure['what'], text: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    if (!text.trim()) throw err;
    let file: string | undefined;
    try {
      file = deps.keepElsewhere?.(text);
    } catch {
      // Shown below; nowhere else to put it.
    }
    deps.view.unsaved(text);
    const code = storeFailure(err);
    if (!code) throw err;
    throw saveFailed(deps, { sessionId: id, what, code, ...(file ? { file } : {}) });
  }
}

function saveFailed(deps: Pick<RunnerDeps, 'view'>, failure: SaveFailure): UserError {
  const { message, hint } = deps.view.saveFailed(failure);
  return new UserError(message, { hint });
}

/** SQLite's code when a write to the history database failed; undefined for any other error. */
function storeFailure(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Grades one phase's answer on its own and picks the follow-up, if any. */
function pickProbe(deps: RunnerDeps, entries: readonly Entry[], phase: PhaseId, level: Level): string | null {
  const sections = answerSections(entries).filter((sec) => sec.phase === phase);
  if (!sections.length) return null;
  const phaseGrade = deps.grader.grade(deps.prompt, deps.framework, { sections, phases: [phase] });
  return chooseProbe(deps.prompt.probes, phaseGrade, phase, level)?.question ?? null;
}

/** Grades everything submitted and marks the session completed. */
export function finishSession(session: Session, deps: Pick<RunnerDeps, 'store' | 'grader' | 'framework' | 'prompt' | 'now'>): Grade {
  const entries = deps.store.entries(session.id);
  const phases = session.mode === 'practice' ? gradedPhases(session.plan) : undefined;
  const grade = deps.grader.grade(deps.prompt, deps.framework, {
    sections: answerSections(entries),
    askedFacts: askedFacts(entries),
    ...(phases ? { phases } : {}),
  });
  deps.store.finish(session.id, grade, deps.now());
  return grade;
}
