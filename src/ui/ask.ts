import { search } from '@inquirer/prompts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable } from 'node:stream';
import { InterruptedError, UserError } from '../errors.js';
import type { Asker, Choice, StopSignal, TextRequest, TextResult } from '../interview/asker.js';
import type { StepId } from '../interview/types.js';
import { endedBeforeOpening, openReader, step, type ReaderEffect, type ReaderEvent, type ReaderStep, type TimerId } from './line-reader.js';

export { commandNote, PASTE_GRACE_MS } from './line-reader.js';

interface Io {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where SIGINT, SIGTERM and SIGHUP arrive while an input is open: the process in real use. */
  signals?: NodeJS.EventEmitter;
  timers?: Timers;
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

/** Real timers; tests pass their own. */
export interface Timers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fire, ms) => setTimeout(fire, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Reads one line or many from the terminal, with the clock, :hint, :editor, Ctrl-C and Ctrl-D handled: the
 * pure step in ./line-reader.ts decides, this wires it to readline, the signals and the timers.
 */
export function readText(request: TextRequest, io: Io = processIo(), typeAhead = new TypeAhead()): Promise<TextResult> {
  return new Promise((resolve) => {
    // Node drops a caught signal not yet handed over if its last listener goes, even when another replaces it
    // at once: this input listens before the listening between inputs stops, and stops after it starts again.
    const stopListening = onStopSignal(io.signals, (signal) => dispatch({ kind: 'signal', signal, partial: rl.line }));
    const ahead = typeAhead.take();
    // An input that has ended already belongs to a terminal that was closed between two prompts.
    const ended = endedBeforeOpening(request, ahead, inputEnded(io.input));
    if (ended) {
      stopListening();
      for (const effect of ended.effects) {
        if (effect.kind === 'write') io.output.write(effect.text);
        else if (effect.kind === 'finish') resolve(effect.result);
      }
      return;
    }
    const opening = openReader(request, ahead);
    const timers = io.timers ?? realTimers;
    const pending = new Map<TimerId, unknown>();
    const rl = createInterface({ input: io.input, output: io.output, terminal: true, historySize: 0 });
    let state = opening.state;
    const apply = (next: ReaderStep) => {
      // The state moves first: an effect (closing the line editor) may bring the next event at once.
      state = next.state;
      for (const effect of next.effects) run(effect);
    };
    const dispatch = (event: ReaderEvent) => apply(step(state, event));
    const onKey = (_: string, key: { ctrl?: boolean; name?: string } | undefined) =>
      dispatch({ kind: 'key', name: key?.name, ctrl: key?.ctrl, partial: rl.line });
    io.input.on('keypress', onKey);

    const run = (effect: ReaderEffect): void => {
      switch (effect.kind) {
        case 'write':
          io.output.write(effect.text);
          return;
        case 'show':
          io.output.write(`${effect.lines.map((l) => `${request.prompt()}${l}`).join('\n')}\n`);
          return;
        case 'prompt':
          rl.setPrompt(request.prompt());
          rl.prompt();
          return;
        case 'erase-prompt':
          clearLine(io.output, 0);
          cursorTo(io.output, 0);
          return;
        case 'above':
          clearLine(io.output, 0);
          cursorTo(io.output, 0);
          io.output.write(`${effect.text}\n`);
          rl.setPrompt(request.prompt());
          rl.prompt(true);
          return;
        case 'type':
          rl.write(effect.text);
          return;
        case 'set-timer': {
          const timer = effect.timer;
          pending.set(timer, timers.set(() => dispatch({ kind: 'timer', timer, partial: rl.line }), effect.ms));
          return;
        }
        case 'clear-timer':
          if (pending.has(effect.timer)) timers.clear(pending.get(effect.timer));
          pending.delete(effect.timer);
          return;
        case 'finish':
          io.input.off('keypress', onKey);
          for (const handle of pending.values()) timers.clear(handle);
          pending.clear();
          rl.close();
          // Whatever is still arriving in this burst of input belongs to the next prompt; after an interruption
          // there is none, and a second signal should end the process as usual.
          if (effect.result.kind !== 'interrupted') typeAhead.collect(io.input);
          stopListening();
          resolve(effect.result);
          return;
        case 'interrupt-next':
          typeAhead.interrupt(effect.signal);
          return;
        case 'give':
          typeAhead.give(effect.text);
          return;
      }
    };

    rl.on('SIGINT', () => dispatch({ kind: 'signal', signal: 'SIGINT', partial: rl.line }));
    // A terminal that has gone away fails under the line editor (EIO); that is a hangup, not a crash.
    rl.on('error', () => dispatch({ kind: 'error' }));
    rl.on('close', () => dispatch({ kind: 'close', inputEnded: inputEnded(io.input), partial: rl.line }));
    rl.on('line', (line: string) => dispatch({ kind: 'line', line, inputEnded: inputEnded(io.input) }));
    apply(opening);
  });
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
