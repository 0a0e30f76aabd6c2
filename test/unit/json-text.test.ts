import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlCharacter, jsonText } from '../../src/util/safe-text.js';

const RAW = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('jsonText', () => {
  it('writes C1 and bidi controls as \\u escapes, as JSON.stringify already does for C0', () => {
    expect(jsonText({ a: '\u009b2J\u202e\u2069\u007f\u001b' }, 0)).toBe('{"a":"\\u009b2J\\u202e\\u2069\\u007f\\u001b"}');
  });

  it('parses back to the same value and never holds a raw control character', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const v of [value, text, { text, list: [text, value] }]) {
          const out = jsonText(v, 0);
          expect(out).not.toMatch(RAW);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });
});

describe('controlCharacter', () => {
  it.each([
    ['plain text, newlines and tabs', 'a\n\tb', undefined],
    ['a CRLF line ending', 'a\r\nb', undefined],
    ['ESC', 'x\u001b[2J', 'U+001B'],
    ['a lone CR', 'a\rb', 'U+000D'],
    ['C1 CSI', '\u009b', 'U+009B'],
    ['a bidi override', 'ab\u202e', 'U+202E'],
    ['a bidi isolate', '\u2066', 'U+2066'],
  ])('%s', (_what, text, code) => {
    expect(controlCharacter(text)).toBe(code);
  });
});
