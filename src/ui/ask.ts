import { search } from '@inquirer/prompts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable } from 'node:stream';
import { safeText } from './safe-text.js';
import { InterruptedError, UserError } from '../errors.js';
import type { Asker, Choice, StopSignal, TextRequest, TextResult } from '../interview/asker.js';
import { addLine, joinLines, LINE_COMMANDS } from '../interview/lines.js';
import type { StepId } from '../interview/types.js';

interface Io {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where SIGINT, SIGTERM and SIGHUP arrive while an input is open: the process in real use. */
  signals?: NodeJS.EventEmitter;
}

const processIo = (): Io => ({ input: process.stdin, output: process.stdout, signals: process });

const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Handles the first of the stop signals to reach `emitter`, then stops listening to all of them, so a second
 * one ends the process the usual way. Returns the function that stops listening sooner.
 */
function onStopSignal(emitter: NodeJS.EventEmitter | undefined, handle: (signal: StopSignal) => void): () => void {
  if (!emitter) return () => {};
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => {
    stop();
    handle(signal);
  }] as const);
  const stop = () => {
    for (const [signal, listener] of listeners) emitter.off(signal, listener);
  };
  for (const [signal, listener] of listeners) emitter.on(signal, listener);
  return stop;
}

const inputEnded = (input: NodeJS.ReadableStream) => Boolean((input as Partial<Readable>).readableEnded);

/** Ctrl-C is the usual interruption, so it goes unnamed. */
const interruptedBy = (text: string, signal: StopSignal): TextResult =>
  signal === 'SIGINT' ? { kind: 'interrupted', text } : { kind: 'interrupted', text, signal };

/**
 * After two empty lines an answer ends only if nothing else arrives this quickly: a pasted answer with a double
 * blank line inside it stays one answer instead of spilling into the next prompt.
 */
export const PASTE_GRACE_MS = 50;

/**
 * What happens between two inputs, while no line editor is open. Typed-ahead text (the rest of a pasted block
 * of questions) is kept and fed to the next input, as a shell does, instead of being dropped with the closed
 * editor; a Ctrl-C (the terminal's signal then, not a key), SIGTERM or SIGHUP makes the next input end as
 * interrupted, with the usual "saved, continue with mlsd resume" line, instead of killing the process without
 * a word.
 */
export class TypeAhead {
  private text = '';
  private interrupted: StopSignal | undefined;
  private stopCollecting: (() => void) | undefined;

  /** `signals` is the process in real use; a second signal before the next input ends the process as usual. */
  constructor(private readonly signals?: NodeJS.EventEmitter) {}

  /** Keeps printable keys, Enter and pasted newlines that reach `input`, and a signal, until the next `take`. */
  collect(input: NodeJS.ReadableStream): void {
    this.stop();
    const listener = (sequence: string | undefined) => {
      // Still in the burst that ended the input, Ctrl-C arrives as a key rather than as the signal.
      if (sequence === '\u0003') this.interrupt('SIGINT');
      else if (sequence && /^(?:\r|\n|[^\u0000-\u001f\u007f]+)$/.test(sequence)) this.text += sequence;
    };
    input.on('keypress', listener);
    const stopListening = onStopSignal(this.signals, (signal) => this.interrupt(signal));
    this.stopCollecting = () => {
      input.off('keypress', listener);
      stopListening();
    };
  }

  /** Makes the next input end at once as interrupted (the first signal counts). */
  interrupt(signal: StopSignal): void {
    this.interrupted ??= signal;
  }

  take(): { text: string; interrupted: StopSignal | undefined } {
    this.stop();
    const taken = { text: this.text, interrupted: this.interrupted };
    this.text = '';
    this.interrupted = undefined;
    return taken;
  }

  /** A signal no input has taken (see `Asker.pendingSignal`); reading it clears it. */
  async pendingSignal(): Promise<StopSignal | undefined> {
    // A signal that came during synchronous work (grading, a commit) reaches its listener on the next turn of
    // the event loop, not before.
    await new Promise((resolve) => setImmediate(resolve));
    const signal = this.interrupted;
    this.interrupted = undefined;
    return signal;
  }

  give(text: string): void {
    this.text = text + this.text;
  }

  private stop(): void {
    this.stopCollecting?.();
    this.stopCollecting = undefined;
  }
}

/** Reads one line or many from the terminal, with the clock, :hint, :editor, Ctrl-C and Ctrl-D handled. */
export function readText(request: TextRequest, io: Io = processIo(), typeAhead = new TypeAhead()): Promise<TextResult> {
  return new Promise((resolve) => {
    const taken = typeAhead.take();
    const ahead = taken.text;
    // An input that has ended already belongs to a terminal that was closed between two prompts.
    const interrupted = taken.interrupted ?? (inputEnded(io.input) ? 'SIGHUP' : undefined);
    if (interrupted) {
      if (interrupted !== 'SIGHUP') io.output.write('\n');
      return resolve(interruptedBy(ahead.split(/\r\n|\r|\n/).join('\n').trim(), interrupted));
    }
    const rl = createInterface({ input: io.input, output: io.output, terminal: true, historySize: 0 });
    // A restored draft comes back with its last line open for editing, so an unfinished sentence can go on
    // where it stopped; the lines before it come back as already entered.
    // A draft goes back through the line editor, which would act on a control character in it as a key.
    const initial = request.initial === undefined ? undefined : safeText(request.initial);
    let lines = initial && request.multiline ? initial.split('\n') : [];
    const editing = request.multiline ? (lines.pop() ?? '') : (initial ?? '');
    let settled = false;
    let hungUp = false;
    const timers: NodeJS.Timeout[] = [];
    // Set from the two empty lines that end an answer until the paste grace period is over: the answer is
    // submitted already, and only more pasted text (not an interruption) takes it back.
    let ending: { timer: NodeJS.Timeout; text: string } | undefined;
    const keepGoing = () => {
      clearTimeout(ending?.timer);
      ending = undefined;
    };
    // Readline closes on Ctrl-D only when the line is empty; a finished thought should not need an extra key.
    const onKey = (_: string, key: { ctrl?: boolean; name?: string } | undefined) => {
      const interrupting = key?.ctrl && key.name === 'c';
      if (ending && !interrupting && key?.name !== 'return' && key?.name !== 'enter') keepGoing();
      if (request.multiline && key?.ctrl && key.name === 'd' && rl.line) {
        io.output.write('\n');
        finish({ kind: 'done', text: typed() });
      }
    };
    io.input.on('keypress', onKey);
    const stopListening = onStopSignal(io.signals, (signal) => interrupt(signal));
    const finish = (result: TextResult) => {
      if (settled) return;
      settled = true;
      io.input.off('keypress', onKey);
      stopListening();
      for (const t of timers) clearTimeout(t);
      keepGoing();
      rl.close();
      // Whatever is still arriving in this burst of input belongs to the next prompt; after an interruption
      // there is none, and a second signal should end the process as usual.
      if (result.kind !== 'interrupted') typeAhead.collect(io.input);
      resolve(result);
    };
    const interrupt = (signal: StopSignal) => {
      // After a hangup nobody reads the terminal, and writing to it can fail.
      hungUp ||= signal === 'SIGHUP';
      if (ending) {
        finish({ kind: 'done', text: ending.text });
        typeAhead.interrupt(signal);
        return;
      }
      if (!hungUp) io.output.write('\n');
      finish(interruptedBy(typed(), signal));
    };
    const typed = () => joinLines(lines, rl.line);
    const above = (text: string) => {
      clearLine(io.output, 0);
      cursorTo(io.output, 0);
      io.output.write(`${text}\n`);
      rl.setPrompt(request.prompt());
      rl.prompt(true);
    };

    rl.on('SIGINT', () => interrupt('SIGINT'));
    // A terminal that has gone away fails under the line editor (EIO); that is a hangup, not a crash.
    rl.on('error', () => {
      hungUp = true;
    });
    rl.on('close', () => {
      // The input ended or failed: the terminal was closed, so nothing typed was submitted.
      if (!settled && (hungUp || inputEnded(io.input))) return interrupt('SIGHUP');
      if (hungUp) return;
      // Ctrl-D on an empty line (we close with `settled` already set).
      if (!request.multiline) finish({ kind: 'end' });
      else {
        io.output.write('\n');
        finish({ kind: 'done', text: typed() });
      }
    });
    const onLine = (line: string) => {
      // Readline hands over the unfinished line as a whole one when the input ends; it stays unfinished.
      if (inputEnded(io.input)) return;
      keepGoing();
      const command = line.trim();
      const note = commandNote(command, request.multiline);
      if (command === LINE_COMMANDS.hint) {
        io.output.write(`${request.hint ?? 'No hint for this step.'}\n`);
      } else if (command === LINE_COMMANDS.editor && request.multiline) {
        return finish({ kind: 'editor', text: joinLines(lines) });
      } else if (note) {
        io.output.write(`${note}\n`);
      } else if (!request.multiline) {
        return finish(command ? { kind: 'done', text: command } : { kind: 'end' });
      } else {
        const next = addLine(lines, line);
        if (next.finished) {
          lines = [...lines, line];
          const text = joinLines(next.lines);
          ending = { text, timer: setTimeout(() => finish({ kind: 'done', text }), PASTE_GRACE_MS) };
        } else {
          lines = next.lines;
        }
      }
      rl.setPrompt(request.prompt());
      rl.prompt();
    };
    rl.on('line', onLine);

    if (Number.isFinite(request.timeLeftMs)) {
      timers.push(
        setTimeout(() => {
          io.output.write('\n');
          finish({ kind: 'time-up', text: typed() });
        }, Math.max(0, request.timeLeftMs)),
      );
    }
    if (request.overrunWarning && Number.isFinite(request.stepLeftMs) && request.stepLeftMs > 0) {
      const warning = request.overrunWarning;
      timers.push(setTimeout(() => above(warning), request.stepLeftMs));
    }
    if (lines.length) io.output.write(`${lines.map((l) => `${request.prompt()}${l}`).join('\n')}\n`);
    rl.setPrompt(request.prompt());
    rl.prompt();
    if (editing) rl.write(editing);
    replay(ahead);

    /** Feeds typed-ahead text as if typed now; what this input does not take goes on to the next one. */
    function replay(text: string): void {
      if (!text) return;
      const parts = text.split(/\r\n|\r|\n/);
      const partial = parts.pop()!;
      for (const [i, line] of parts.entries()) {
        if (settled) return typeAhead.give(`${[...parts.slice(i), partial].join('\n')}`);
        io.output.write(`${line}\n`);
        onLine(line);
      }
      if (settled) typeAhead.give(partial);
      else if (partial) rl.write(partial);
    }
  });
}

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

/** The editor to use: $VISUAL, $EDITOR, then vi or nano. */
function editorCandidates(env: Record<string, string | undefined>): string[] {
  return [env.VISUAL, env.EDITOR, 'vi', 'nano'].filter((e): e is string => Boolean(e && e.trim()));
}

/** Opens an editor on `initial` in a private temp file and returns what was saved. */
export function editText(initial: string, step: StepId, env: Record<string, string | undefined> = process.env): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-'));
  const file = join(dir, `${step}.md`);
  writeFileSync(file, initial ? `${initial}\n` : '');
  try {
    for (const editor of editorCandidates(env)) {
      const [cmd, ...args] = editor.split(/\s+/);
      const run = spawnSync(cmd!, [...args, file], { stdio: 'inherit' });
      if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return readFileSync(file, 'utf8').trim();
    }
    throw new UserError('no editor found (tried $VISUAL, $EDITOR, vi, nano).', {
      hint: 'Set $EDITOR, or type your answer without --editor.',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The terminal implementation of the session's questions. */
export function terminalAsker(env: Record<string, string | undefined>): Asker {
  const typeAhead = new TypeAhead(process);
  return {
    text: (request) => readText(request, processIo(), typeAhead),
    choose: chooseOne,
    editor: async (initial, step) => editText(initial, step, env),
    pendingSignal: () => typeAhead.pendingSignal(),
  };
}

/** A searchable list; Ctrl-C exits with 130 like everywhere else. */
export async function chooseOne(message: string, choices: readonly Choice[]): Promise<string> {
  try {
    return await search({
      message,
      source: (term) => {
        const t = (term ?? '').toLowerCase().trim();
        if (!t) return choices;
        // Matches in the title or id first, then those only in the description.
        const inName = choices.filter((c) => `${c.name} ${c.value}`.toLowerCase().includes(t));
        const inText = choices.filter((c) => !inName.includes(c) && (c.description ?? '').toLowerCase().includes(t));
        return [...inName, ...inText];
      },
    });
  } catch (err) {
    if ((err as Error).name === 'ExitPromptError') throw new InterruptedError('Cancelled; nothing was started.');
    throw err;
  }
}
