import { describe, expect, it } from 'vitest';
import { safeStrings, safeText } from '../../../src/ui/safe-text.js';

describe('safeText: control characters from outside the program are shown, never obeyed', () => {
  it.each([
    ['NUL', 'a\u0000b', 'a␀b'],
    ['BEL', 'a\u0007b', 'a␇b'],
    ['backspace', 'abc\u0008\u0008x', 'abc␈␈x'],
    ['ESC in a title change (OSC 0, BEL-terminated)', '\u001b]0;owned\u0007', '␛]0;owned␇'],
    ['ESC in clear screen (CSI 2J)', '\u001b[2J', '␛[2J'],
    ['ESC in cursor movement', 'x\u001b[5Ay', 'x␛[5Ay'],
    ['OSC 8 hyperlink (ST-terminated)', '\u001b]8;;http://e.example\u001b\\link\u001b]8;;\u001b\\', '␛]8;;http://e.example␛\\link␛]8;;␛\\'],
    ['OSC 52 clipboard write', '\u001b]52;c;aGk=\u0007', '␛]52;c;aGk=␇'],
    ['vertical tab and form feed', 'a\u000bb\u000cc', 'a␋b␌c'],
    ['a lone carriage return (overwrites the line)', 'safe\rEVIL', 'safe␍EVIL'],
    ['unit separator', '\u001f', '␟'],
    ['DEL', 'a\u007fb', 'a␡b'],
    ['C1 CSI U+009B', '\u009b31mred', '�31mred'],
    ['C1 OSC U+009D and ST U+009C', '\u009d0;x\u009c', '�0;x�'],
    ['C1 first and last', '\u0080\u009f', '��'],
    ['bidi embeddings and overrides U+202A–U+202E', '\u202a\u202b\u202c\u202d\u202e', '�����'],
    ['bidi isolates U+2066–U+2069', 'x\u2066\u2067\u2068\u2069y', 'x����y'],
  ])('%s', (_kind, input, shown) => {
    expect(safeText(input)).toBe(shown);
  });

  it.each([
    ['newlines and tabs', 'one\n\ttwo\n\nthree\t'],
    ['accents', 'Ça coûte très cher, señor; Ærøskøbing'],
    ['CJK', '推荐系统的召回率 · 検索ランキング · 추천'],
    ['emoji, with joiners and variation selectors', '👩‍💻 ✔️ 🇪🇺 🎬'],
    ['right-to-left letters and the ordinary marks', 'שלום עולם · مرحبا بالعالم \u200e\u200f'],
    ['typography the report itself uses', '── ✓ ✗ ◐ █░ · “quoted” — … ␛ (a literal control picture)'],
    ['an empty string', ''],
  ])('keeps %s untouched', (_kind, text) => {
    expect(safeText(text)).toBe(text);
  });

  it('ends a CRLF line with a plain newline rather than a visible ␍', () => {
    expect(safeText('one\r\ntwo\r\n')).toBe('one\ntwo\n');
  });

  it('is idempotent: what it shows contains nothing it would change again', () => {
    const once = safeText('\u001b]0;x\u0007 \u009b2J \u202e \r \u007f');
    expect(safeText(once)).toBe(once);
    expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps one placeholder per character, so lengths and wrapping stay honest', () => {
    const input = '\u001b[2J\u009b\u202e\u0007';
    expect([...safeText(input)]).toHaveLength([...input].length);
  });
});

describe('safeStrings: every string of a saved record', () => {
  it('reaches strings in nested objects and arrays and leaves other values alone', () => {
    const record = {
      id: 3,
      title: 'ok',
      nested: { text: 'a\u001b[2Jb', list: ['\u0007', null, 4, true] },
      missing: undefined,
    };
    expect(safeStrings(record)).toEqual({
      id: 3,
      title: 'ok',
      nested: { text: 'a␛[2Jb', list: ['␇', null, 4, true] },
      missing: undefined,
    });
    expect(record.nested.text).toBe('a\u001b[2Jb');
  });
});
