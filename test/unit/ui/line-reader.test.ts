import { describe, expect, it } from 'vitest';
import type { StopSignal, TextRequest } from '../../../src/interview/asker.js';
import {
  endedBeforeOpening,
  openReader,
  PASTE_GRACE_MS,
  step,
  type ReaderEffect,
  type ReaderEvent,
  type ReaderState,
} from '../../../src/ui/line-reader.js';

const request = (multiline: boolean, extra: Partial<TextRequest> = {}): TextRequest => ({
  multiline, prompt: () => '› ', timeLeftMs: Infinity, stepLeftMs: Infinity, ...extra,
});

const nothingAhead = { text: '', interrupted: undefined };

/** Events written short: a string is a line; `^C`/`^D` are keys with `partial` the line being edited. */
type Script = Array<string | ReaderEvent>;

const line = (text: string): ReaderEvent => ({ kind: 'line', line: text, inputEnded: false });
const key = (name: string, partial = '', ctrl = false): ReaderEvent => ({ kind: 'key', name, ctrl, partial });
const signal = (name: StopSignal, partial = ''): ReaderEvent => ({ kind: 'signal', signal: name, partial });
const timer = (name: 'time-up' | 'overrun' | 'paste', partial = ''): ReaderEvent => ({ kind: 'timer', timer: name, partial });
const close = (partial = '', inputEnded = false): ReaderEvent => ({ kind: 'close', inputEnded, partial });

/** Opens a reader, feeds the events in order and collects every effect after the opening. */
function run(req: TextRequest, script: Script) {
  const opened = openReader(req, nothingAhead);
  let state: ReaderState = opened.state;
  const effects: ReaderEffect[] = [];
  for (const event of script) {
    const next = step(state, typeof event === 'string' ? line(event) : event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects, opening: opened.effects };
}

const results = (effects: readonly ReaderEffect[]) => effects.flatMap((e) => (e.kind === 'finish' ? [e.result] : []));
const writes = (effects: readonly ReaderEffect[]) => effects.flatMap((e) => (e.kind === 'write' ? [e.text] : []));

describe('an answer ends with two empty lines', () => {
  it.each<[string, Script, unknown]>([
    ['two empty lines, then the paste pause', ['Offline recall@k.', 'Online an A/B test.', '', '', timer('paste')], { kind: 'done', text: 'Offline recall@k.\nOnline an A/B test.' }],
    ['one empty line is a paragraph break', ['First.', '', 'Second.', '', '', timer('paste')], { kind: 'done', text: 'First.\n\nSecond.' }],
    ['a double blank line pasted inside stays in the answer', ['First.', '', '', key('S'), 'Second.', '', '', timer('paste')], { kind: 'done', text: 'First.\n\n\nSecond.' }],
    ['Ctrl-D on a line with text submits it', ['First line.', key('d', 'and more', true)], { kind: 'done', text: 'First line.\nand more' }],
    ['Ctrl-D on an empty line (the editor closes) submits', ['Only line.', close()], { kind: 'done', text: 'Only line.' }],
    [':editor hands over what was typed', ['Draft line.', ':editor'], { kind: 'editor', text: 'Draft line.' }],
    ['a mistyped command is not added', ['We rank.', ':hnt', '', '', timer('paste')], { kind: 'done', text: 'We rank.' }],
    ['the round running out keeps what was typed', ['Half', timer('time-up', 'an answer')], { kind: 'time-up', text: 'Half\nan answer' }],
  ])('%s', (_, script, result) => {
    expect(results(run(request(true), script).effects)).toEqual([result]);
  });

  it('the paste pause starts at the ending lines, and more text stops it', () => {
    const { effects, state } = run(request(true), ['Answer.', '', '']);
    expect(effects).toContainEqual({ kind: 'set-timer', timer: 'paste', ms: PASTE_GRACE_MS });
    expect(state.ending).toBe('Answer.');
    const more = step(state, key('a'));
    expect(more.effects).toEqual([{ kind: 'clear-timer', timer: 'paste' }]);
    expect(more.state.ending).toBeUndefined();
    // Enter is the key that brought the ending lines: it does not take the answer back.
    expect(step(state, key('return')).effects).toEqual([]);
  });

  it('a paste pause that ends takes away the prompt it drew for more text, so what follows starts a clean line', () => {
    const { state } = run(request(true), ['Answer.', '', '']);
    const effects = step(state, timer('paste')).effects;
    expect(effects[0]).toEqual({ kind: 'erase-prompt' });
    expect(effects).toContainEqual({ kind: 'finish', result: { kind: 'done', text: 'Answer.' } });
  });

  it('a paste pause that was stopped ends nothing when its timer fires late', () => {
    const { state } = run(request(true), ['Answer.', '', '', key('x')]);
    expect(step(state, timer('paste')).effects).toEqual([]);
  });
});

describe('interruptions', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s while typing ends the input as interrupted, with the text', (name) => {
    const { effects } = run(request(true), ['We rank with a two-tower model.', signal(name, 'and then a GBD')]);
    const text = 'We rank with a two-tower model.\nand then a GBD';
    expect(results(effects)).toEqual([name === 'SIGINT' ? { kind: 'interrupted', text } : { kind: 'interrupted', text, signal: name }]);
    // After a hangup nobody reads the terminal.
    expect(writes(effects)).toEqual(name === 'SIGHUP' ? [] : ['\n']);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s in the paste pause after the ending lines submits the answer and interrupts the next input', (name) => {
    const { effects } = run(request(true), ['Offline recall@k.', '', '', signal(name)]);
    expect(effects.slice(-2)).toEqual([
      { kind: 'finish', result: { kind: 'done', text: 'Offline recall@k.' } },
      { kind: 'interrupt-next', signal: name },
    ]);
    expect(writes(effects)).toEqual([]);
  });

  it.each<[string, boolean, Script, unknown]>([
    ['the input ending is a hangup, not a submission', true, ['Typed.', close('half', true)], { kind: 'interrupted', text: 'Typed.\nhalf', signal: 'SIGHUP' }],
    ['a line editor that failed (EIO), then closed, is a hangup', false, [{ kind: 'error' }, close('How many us')], { kind: 'interrupted', text: 'How many us', signal: 'SIGHUP' }],
  ])('%s', (_, multiline, script, result) => {
    const { effects } = run(request(multiline), script);
    expect(results(effects)).toEqual([result]);
    expect(writes(effects)).toEqual([]);
  });

  it('the unfinished line handed over when the input ends stays unfinished', () => {
    const { effects } = run(request(false), [{ kind: 'line', line: 'How many us', inputEnded: true }]);
    expect(effects).toEqual([]);
  });

  it('nothing happens once the input is over', () => {
    const { state } = run(request(false), ['How many users?']);
    expect(state.settled).toBe(true);
    for (const event of [line('More?'), signal('SIGINT'), close(), timer('time-up'), key('d', 'x', true)]) {
      expect(step(state, event)).toEqual({ state, effects: [] });
    }
  });

  it.each<[string, { text: string; interrupted: StopSignal | undefined }, boolean, unknown, string[]]>([
    ['a signal between two inputs ends the next at once, with what was typed ahead', { text: 'What is the\r', interrupted: 'SIGTERM' }, false, { kind: 'interrupted', text: 'What is the', signal: 'SIGTERM' }, ['\n']],
    ['Ctrl-C between two inputs goes unnamed', { text: '', interrupted: 'SIGINT' }, false, { kind: 'interrupted', text: '' }, ['\n']],
    ['a terminal closed between two prompts is a hangup, written to no more', { text: '', interrupted: undefined }, true, { kind: 'interrupted', text: '', signal: 'SIGHUP' }, []],
  ])('%s', (_, ahead, inputEnded, result, written) => {
    const ended = endedBeforeOpening(request(true), ahead, inputEnded)!;
    expect(results(ended.effects)).toEqual([result]);
    expect(writes(ended.effects)).toEqual(written);
  });

  it('opens normally when nothing ended it', () => {
    expect(endedBeforeOpening(request(true), nothingAhead, false)).toBeUndefined();
  });
});

describe('one line at a time (clarifying questions)', () => {
  it.each<[string, Script, unknown]>([
    ['a line is a question', ['How many users?'], { kind: 'done', text: 'How many users?' }],
    ['an empty line moves on', [''], { kind: 'end' }],
    ['Ctrl-D on an empty line moves on', [close()], { kind: 'end' }],
    [':editor is refused, the next question asked', [':editor', 'How many users?'], { kind: 'done', text: 'How many users?' }],
  ])('%s', (_, script, result) => {
    expect(results(run(request(false), script).effects)).toEqual([result]);
  });

  it(':hint shows the hint and prompts again', () => {
    const { effects } = run(request(false, { hint: 'Ask about scale.' }), [':hint']);
    expect(effects).toEqual([{ kind: 'write', text: 'Ask about scale.\n' }, { kind: 'prompt' }]);
    expect(run(request(false), [':hint']).effects[0]).toEqual({ kind: 'write', text: 'No hint for this step.\n' });
  });

  it('a mistyped :editor is explained', () => {
    expect(writes(run(request(false), [':editor']).effects)).toEqual([':editor is for the design steps; here, type one question per line.\n']);
  });
});

describe('opening an input', () => {
  it('sets the round and step timers, shows a restored draft and opens its last line for editing', () => {
    const req = request(true, { initial: 'First line.\nand half a secon', timeLeftMs: 90_000, stepLeftMs: 30_000, overrunWarning: 'Wrap up.' });
    expect(openReader(req, nothingAhead).effects).toEqual([
      { kind: 'set-timer', timer: 'time-up', ms: 90_000 },
      { kind: 'set-timer', timer: 'overrun', ms: 30_000 },
      { kind: 'show', lines: ['First line.'] },
      { kind: 'prompt' },
      { kind: 'type', text: 'and half a secon' },
    ]);
  });

  it.each<[string, Partial<TextRequest>, ReaderEffect[]]>([
    ['no timer without a clock', {}, []],
    ['a round already over ends at once', { timeLeftMs: -5 }, [{ kind: 'set-timer', timer: 'time-up', ms: 0 }]],
    ['no overrun warning for a step already over', { timeLeftMs: 10, stepLeftMs: -1, overrunWarning: 'Wrap up.' }, [{ kind: 'set-timer', timer: 'time-up', ms: 10 }]],
  ])('%s', (_, extra, timers) => {
    expect(openReader(request(true, extra), nothingAhead).effects.filter((e) => e.kind === 'set-timer')).toEqual(timers);
  });

  it('a draft with control characters goes back to the line editor inert', () => {
    const effects = openReader(request(false, { initial: 'Title \u001b]0;x\u0007' }), nothingAhead).effects;
    expect(effects).toContainEqual({ kind: 'type', text: 'Title \u241b]0;x\u2407' });
  });

  it('the overrun timer prints its warning above the line being edited', () => {
    const { state } = openReader(request(true, { stepLeftMs: 5, overrunWarning: 'Wrap up.' }), nothingAhead);
    expect(step(state, timer('overrun')).effects).toEqual([{ kind: 'above', text: 'Wrap up.' }]);
  });
});

describe('text typed ahead of an input', () => {
  it('is fed in line by line; what this input does not take goes on to the next one', () => {
    const opened = openReader(request(false), { text: 'What is the latency budget?\rAnd the goal?\r\r', interrupted: undefined });
    expect(opened.effects).toEqual([
      { kind: 'prompt' },
      { kind: 'write', text: 'What is the latency budget?\n' },
      { kind: 'finish', result: { kind: 'done', text: 'What is the latency budget?' } },
      { kind: 'give', text: 'And the goal?\n\n' },
    ]);
  });

  it('an unfinished last line is typed into the line being edited', () => {
    const opened = openReader(request(true), { text: 'We aim at watch time.\rand retention', interrupted: undefined });
    expect(opened.effects.slice(-3)).toEqual([
      { kind: 'write', text: 'We aim at watch time.\n' },
      { kind: 'prompt' },
      { kind: 'type', text: 'and retention' },
    ]);
    expect(opened.state.lines).toEqual(['We aim at watch time.']);
  });
});
