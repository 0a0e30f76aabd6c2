import type { StopSignal, TextRequest, TextResult } from '../interview/asker.js';
import { addLine, joinLines, LINE_COMMANDS } from '../interview/lines.js';
import { safeText } from './safe-text.js';

/**
 * The line reader behind `readText`, as a pure step: an event (a line, a key, a signal, a timer firing) and
 * the state give the next state and what to do (effects). src/ui/ask.ts wires it to readline and real timers.
 */

/**
 * After two empty lines an answer ends only if nothing else arrives this quickly: a pasted answer with a double
 * blank line inside it stays one answer instead of spilling into the next prompt.
 */
export const PASTE_GRACE_MS = 50;

/** The round running out, the step's budget running out, and the paste pause after an answer's ending lines. */
export type TimerId = 'time-up' | 'overrun' | 'paste';

export interface ReaderState {
  multiline: boolean;
  hint: string | undefined;
  overrunWarning: string | undefined;
  /** The lines entered; the line being edited belongs to the line editor and comes with the events that need it. */
  lines: string[];
  /**
   * Set from the two empty lines that end an answer until the paste pause is over: the answer is submitted
   * already, and only more pasted text (not an interruption) takes it back.
   */
  ending: string | undefined;
  /** The terminal went away: nothing more is written to it. */
  hungUp: boolean;
  settled: boolean;
}

export type ReaderEvent =
  /** `inputEnded`: the input had ended when the line came. */
  | { kind: 'line'; line: string; inputEnded: boolean }
  /** A key after the line editor took it; `partial` is the line being edited. */
  | { kind: 'key'; name?: string; ctrl?: boolean; partial: string }
  | { kind: 'signal'; signal: StopSignal; partial: string }
  /** The line editor failed under a terminal that has gone away (EIO). */
  | { kind: 'error' }
  /** The line editor closed: Ctrl-D on an empty line, or the input ended. */
  | { kind: 'close'; inputEnded: boolean; partial: string }
  | { kind: 'timer'; timer: TimerId; partial: string };

export type ReaderEffect =
  | { kind: 'write'; text: string }
  /** Restored lines, each shown after the line prompt. */
  | { kind: 'show'; lines: string[] }
  /** The line prompt, fresh (it shows the clock). */
  | { kind: 'prompt' }
  /** The prompt drawn for text after an answer's ending lines, taken away when none came. */
  | { kind: 'erase-prompt' }
  /** A line printed above the one being edited, which is then drawn again. */
  | { kind: 'above'; text: string }
  /** Text put into the line being edited, as if typed. */
  | { kind: 'type'; text: string }
  | { kind: 'set-timer'; timer: TimerId; ms: number }
  | { kind: 'clear-timer'; timer: TimerId }
  /** The input is over: stop listening, clear every timer, close the line editor. */
  | { kind: 'finish'; result: TextResult }
  /** Makes the next input end as interrupted. */
  | { kind: 'interrupt-next'; signal: StopSignal }
  /** Typed-ahead text this input did not take, for the next one. */
  | { kind: 'give'; text: string };

export interface ReaderStep {
  state: ReaderState;
  effects: ReaderEffect[];
}

/** What arrived between the previous input and this one (see TypeAhead in src/ui/ask.ts). */
export interface TakenAhead {
  text: string;
  interrupted: StopSignal | undefined;
}

/** Ctrl-C is the usual interruption, so it goes unnamed. */
const interruptedBy = (text: string, signal: StopSignal): TextResult =>
  signal === 'SIGINT' ? { kind: 'interrupted', text } : { kind: 'interrupted', text, signal };

const finished = (state: ReaderState, result: TextResult, before: ReaderEffect[] = []): ReaderStep => ({
  state: { ...state, settled: true, ending: undefined },
  effects: [...before, { kind: 'finish', result }],
});

const initialState = (request: TextRequest): ReaderState => ({
  multiline: request.multiline,
  hint: request.hint,
  overrunWarning: request.overrunWarning,
  lines: [],
  ending: undefined,
  hungUp: false,
  settled: false,
});

/**
 * An input that ends before it opens: a signal came since the previous one, or the terminal was closed
 * between two prompts (`inputEnded`). Undefined when the input should open.
 */
export function endedBeforeOpening(request: TextRequest, ahead: TakenAhead, inputEnded: boolean): ReaderStep | undefined {
  const interrupted = ahead.interrupted ?? (inputEnded ? 'SIGHUP' : undefined);
  if (!interrupted) return undefined;
  const text = ahead.text.split(/\r\n|\r|\n/).join('\n').trim();
  return finished(initialState(request), interruptedBy(text, interrupted), interrupted === 'SIGHUP' ? [] : [{ kind: 'write', text: '\n' }]);
}

/**
 * Opens an input: a restored draft comes back with its last line open for editing, so an unfinished sentence
 * can go on where it stopped, and typed-ahead text is fed in as if typed now (it may end the input at once).
 */
export function openReader(request: TextRequest, ahead: TakenAhead): ReaderStep {
  // A draft goes back through the line editor, which would act on a control character in it as a key.
  const initial = request.initial === undefined ? undefined : safeText(request.initial);
  const lines = initial && request.multiline ? initial.split('\n') : [];
  const editing = request.multiline ? (lines.pop() ?? '') : (initial ?? '');
  const effects: ReaderEffect[] = [];
  if (Number.isFinite(request.timeLeftMs)) effects.push({ kind: 'set-timer', timer: 'time-up', ms: Math.max(0, request.timeLeftMs) });
  if (request.overrunWarning && Number.isFinite(request.stepLeftMs) && request.stepLeftMs > 0) {
    effects.push({ kind: 'set-timer', timer: 'overrun', ms: request.stepLeftMs });
  }
  if (lines.length) effects.push({ kind: 'show', lines });
  effects.push({ kind: 'prompt' });
  if (editing) effects.push({ kind: 'type', text: editing });
  return replay({ state: { ...initialState(request), lines }, effects }, ahead.text);
}

/** Feeds typed-ahead text line by line; what this input does not take goes on to the next one. */
function replay(opened: ReaderStep, text: string): ReaderStep {
  if (!text) return opened;
  let { state } = opened;
  const effects = [...opened.effects];
  const parts = text.split(/\r\n|\r|\n/);
  const partial = parts.pop()!;
  for (const [i, line] of parts.entries()) {
    if (state.settled) {
      effects.push({ kind: 'give', text: [...parts.slice(i), partial].join('\n') });
      return { state, effects };
    }
    effects.push({ kind: 'write', text: `${line}\n` });
    const next = step(state, { kind: 'line', line, inputEnded: false });
    state = next.state;
    effects.push(...next.effects);
  }
  if (state.settled) {
    if (partial) effects.push({ kind: 'give', text: partial });
  } else if (partial) {
    effects.push({ kind: 'type', text: partial });
  }
  return { state, effects };
}

/** The reader's reaction to one event; nothing happens once the input is over. */
export function step(state: ReaderState, event: ReaderEvent): ReaderStep {
  if (state.settled) return { state, effects: [] };
  switch (event.kind) {
    case 'line':
      return onLine(state, event.line, event.inputEnded);
    case 'key': {
      const interrupting = event.ctrl && event.name === 'c';
      const more = state.ending !== undefined && !interrupting && event.name !== 'return' && event.name !== 'enter';
      const current = more ? keepGoing(state) : { state, effects: [] };
      // The line editor closes on Ctrl-D only when the line is empty; a finished thought should not need an extra key.
      if (state.multiline && event.ctrl && event.name === 'd' && event.partial) {
        return finished(current.state, { kind: 'done', text: typed(current.state, event.partial) }, [...current.effects, { kind: 'write', text: '\n' }]);
      }
      return current;
    }
    case 'signal':
      return interrupt(state, event.signal, event.partial);
    case 'error':
      return { state: { ...state, hungUp: true }, effects: [] };
    case 'close':
      // The input ended or failed: the terminal was closed, so nothing typed was submitted.
      if (state.hungUp || event.inputEnded) return interrupt(state, 'SIGHUP', event.partial);
      // Ctrl-D on an empty line.
      if (!state.multiline) return finished(state, { kind: 'end' });
      return finished(state, { kind: 'done', text: typed(state, event.partial) }, [{ kind: 'write', text: '\n' }]);
    case 'timer':
      return onTimer(state, event.timer, event.partial);
  }
}

function onLine(state: ReaderState, line: string, inputEnded: boolean): ReaderStep {
  // The line editor hands over the unfinished line as a whole one when the input ends; it stays unfinished.
  if (inputEnded) return { state, effects: [] };
  const { state: s, effects } = keepGoing(state);
  const command = line.trim();
  const note = commandNote(command, s.multiline);
  const prompted = (next: ReaderState, before: ReaderEffect[] = []): ReaderStep => ({
    state: next,
    effects: [...effects, ...before, { kind: 'prompt' }],
  });
  if (command === LINE_COMMANDS.hint) return prompted(s, [{ kind: 'write', text: `${s.hint ?? 'No hint for this step.'}\n` }]);
  if (command === LINE_COMMANDS.editor && s.multiline) return finished(s, { kind: 'editor', text: joinLines(s.lines) }, effects);
  if (note) return prompted(s, [{ kind: 'write', text: `${note}\n` }]);
  if (!s.multiline) return finished(s, command ? { kind: 'done', text: command } : { kind: 'end' }, effects);
  const next = addLine(s.lines, line);
  if (!next.finished) return prompted({ ...s, lines: next.lines });
  // The raw lines stay, so that text pasted after the two empty lines keeps them inside the answer.
  return prompted(
    { ...s, lines: [...s.lines, line], ending: joinLines(next.lines) },
    [{ kind: 'set-timer', timer: 'paste', ms: PASTE_GRACE_MS }],
  );
}

function onTimer(state: ReaderState, timer: TimerId, partial: string): ReaderStep {
  switch (timer) {
    case 'time-up':
      return finished(state, { kind: 'time-up', text: typed(state, partial) }, [{ kind: 'write', text: '\n' }]);
    case 'overrun':
      return { state, effects: state.overrunWarning ? [{ kind: 'above', text: state.overrunWarning }] : [] };
    case 'paste':
      return state.ending === undefined ? { state, effects: [] } : finished(state, { kind: 'done', text: state.ending }, [{ kind: 'erase-prompt' }]);
  }
}

/** A signal ends the input as interrupted, except in the paste pause, where the answer is in already. */
function interrupt(state: ReaderState, signal: StopSignal, partial: string): ReaderStep {
  // After a hangup nobody reads the terminal, and writing to it can fail.
  const s = { ...state, hungUp: state.hungUp || signal === 'SIGHUP' };
  if (s.ending !== undefined) {
    const done = finished(s, { kind: 'done', text: s.ending });
    return { state: done.state, effects: [...done.effects, { kind: 'interrupt-next', signal }] };
  }
  return finished(s, interruptedBy(typed(s, partial), signal), s.hungUp ? [] : [{ kind: 'write', text: '\n' }]);
}

/** More text after the ending lines: the answer goes on. */
function keepGoing(state: ReaderState): ReaderStep {
  if (state.ending === undefined) return { state, effects: [] };
  return { state: { ...state, ending: undefined }, effects: [{ kind: 'clear-timer', timer: 'paste' }] };
}

const typed = (state: ReaderState, partial: string) => joinLines(state.lines, partial);

/**
 * What to say about a line that looks like a command but is not one here (a typo such as `:hnt`, or `:editor`
 * while asking questions), so it is not sent to the interviewer or saved as part of the answer.
 */
export function commandNote(line: string, multiline: boolean): string | undefined {
  if (!/^:[a-z]+$/i.test(line)) return undefined;
  if (line === LINE_COMMANDS.hint) return undefined;
  if (line === LINE_COMMANDS.editor) {
    return multiline ? undefined : `${LINE_COMMANDS.editor} is for the design steps; here, type one question per line.`;
  }
  return multiline
    ? `${line} is not a command here (try ${LINE_COMMANDS.hint} or ${LINE_COMMANDS.editor}); nothing was added to your answer.`
    : `${line} is not a command here (try ${LINE_COMMANDS.hint}); nothing was asked.`;
}
