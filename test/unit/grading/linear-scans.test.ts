import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTableRule, itemText, stripInline } from '../../../src/grading/blocks.js';
import { stripEdges } from '../../../src/grading/lexicon.js';
import { atxHeading, inlineLabelOf, isBoldLine, labelOf } from '../../../src/grading/markdown.js';

/*
 * The scans replaced regular expressions that backtracked on long lines. On short lines the old patterns are
 * fast, so they serve as the oracle: the scans must accept exactly the same lines and capture the same text.
 */
const OLD_ATX = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const OLD_LABEL = /^\s*(?:\*\*|__)?\s*([A-Za-z0-9][^*_:]{0,60}?)\s*:?\s*(?:\*\*|__)?\s*:?\s*$/;
const OLD_INLINE_LABEL = /^\s*(?:\*\*|__)([^*_]{2,40}?)\s*:?\s*(?:\*\*|__)\s*:?\s+(\S.*)$/;
const OLD_BOLD = /^\s*(\*\*|__).*(\*\*|__)\s*:?\s*$/;

const OLD_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const OLD_TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
function oldStripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    // A tag opens with a letter, '/' + letter or '!' (a '<' before a digit or a space is a comparison, not a tag).
    .replace(/<(?:\/?[A-Za-z]|!)[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lines built from the characters these patterns care about, long enough to cross the 40- and 61-character limits. */
const line = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 90 }).map((c) => c.join(''));
const markdownish = line([' ', ' ', ' ', '\t', '\u00a0', '\u2028', '#', '#', '*', '*', '_', ':', 'a', 'M', '1', '!', '-', '.', 'é']);
/** Mostly letters and spaces between delimiters, so that labels of every length come up. */
const labelish = fc
  .tuple(line([' ', '*', '_', '#']), line(['a', 'b', ' ', ' ', '1', '!', '\u2028']), line([' ', ':', '*', '_', '!', 'x']))
  .map(([a, b, c]) => a.slice(0, 6) + b + c.slice(0, 8));
/** Delimited labels, "**Metrics:** text", with every piece optional or slightly off. */
const delimited = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.constantFrom('**', '__', '*', '_', ''),
    line(['a', 'b', 'M', ' ', ' ', ':', '1', '!', '\u2028']),
    line([' ', ':']),
    fc.constantFrom('**', '__', '*', '', '**:'),
    line([' ', ' ', ':', '\t', '\u2028']),
    line(['x', ' ', '\u2028', '*', ':', '_']),
  )
  .map(([lead, open, body, mid, close, after, rest]) => lead + open + body.slice(0, 50) + mid.slice(0, 4) + close + after.slice(0, 4) + rest.slice(0, 6));
const lines = fc.oneof(markdownish, labelish, delimited);
const runs = { seed: 1337, numRuns: 20_000 };

describe('linear scans accept what the old patterns accepted', () => {
  it('ATX headings', () => {
    fc.assert(fc.property(lines, (l) => {
      const old = OLD_ATX.exec(l);
      expect(atxHeading(l)).toEqual(old ? { level: old[1]!.length, text: old[2] } : null);
    }), runs);
  });

  it('label lines', () => {
    fc.assert(fc.property(lines, (l) => {
      expect(labelOf(l)).toEqual(OLD_LABEL.exec(l)?.[1] ?? null);
    }), runs);
  });

  it('inline labels', () => {
    fc.assert(fc.property(lines, (l) => {
      const old = OLD_INLINE_LABEL.exec(l);
      expect(inlineLabelOf(l)).toEqual(old ? { label: old[1], rest: old[2] } : null);
    }), runs);
  });

  it('bold lines', () => {
    fc.assert(fc.property(lines, (l) => {
      expect(isBoldLine(l)).toBe(OLD_BOLD.test(l));
    }), runs);
  });

  it('inline Markdown removal', () => {
    const inline = fc.oneof(
      line([' ', 'a', 'b', '*', '*', '_', '(', ')', '[', ']', '!', '<', '>', '`', '.', ',', '?', '\u2028', '\n', '\t']),
      fc.array(fc.constantFrom('*a*', ' *', '_b_', '**x**', '__', '![a](u)', '[l](u)', '[]', '(', ')', '<i>', '<', '>', '`c`', ' ', 'w', '.', '\u2028'), { maxLength: 25 })
        .map((p) => p.join('')),
    );
    fc.assert(fc.property(inline, (t) => {
      expect(stripInline(t)).toBe(oldStripInline(t));
    }), { seed: 4242, numRuns: 30_000 });
  });

  it('list items and table rules', () => {
    const blocky = fc.oneof(
      line([' ', '\t', '-', '*', '+', '1', '2', '.', ')', '[', ']', 'x', ' ', 'a', '\u2028', '|', ':', '-', '-']),
      fc.tuple(fc.constantFrom('', ' ', '|', ' |'), fc.array(fc.constantFrom('--', '---', ':--', '--:', ' ', '|', '-', 'a', ':'), { maxLength: 12 }))
        .map(([a, b]) => a + b.join('')),
      fc.tuple(fc.constantFrom('-', '* ', '1.', '12)', ' +', '-\t'), fc.constantFrom(' ', '  ', '', '\u2028'), fc.constantFrom('[ ] ', '[x]', '[X]  ', '[y] ', ''), line(['a', ' ', '\u2028']))
        .map((p) => p.join('')),
    );
    fc.assert(fc.property(blocky, (l) => {
      expect(itemText(l)).toBe(OLD_ITEM.exec(l)?.[1] ?? null);
      expect(isTableRule(l)).toBe(OLD_TABLE_RULE.test(l));
    }), { seed: 99, numRuns: 30_000 });
  });

  it('word edges', () => {
    const old = (w: string) => w.replace(/^[^\p{L}\p{N}@~]+|[^\p{L}\p{N}%]+$/gu, '');
    const word = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.array(fc.constantFrom('a', 'Z', '1', '@', '~', '%', '!', '-', '.', '𝐀', '😀', '\uD800', '\uDC00', ' ', 'é', '٣'), { maxLength: 12 }).map((c) => c.join('')),
    );
    fc.assert(fc.property(word, (w) => {
      expect(stripEdges(w)).toBe(old(w));
    }), { seed: 31, numRuns: 30_000 });
  });

  it.each([
    `${'a'.repeat(61)}:`,
    `${'a'.repeat(62)}:`,
    `**${'Metrics '.repeat(7).slice(0, 60)}  **:`,
    `**${'b'.repeat(40)}:** rest`,
    `**${'b'.repeat(41)}:** rest`,
    `__${'b'.repeat(38)}  :  __ : rest`,
    '**a:** rest',
    '**Metrics** :rest',
    '**Metrics**:\u2028rest',
  ])('agrees with the old patterns at the length limits: %j', (l) => {
    expect(labelOf(l)).toEqual(OLD_LABEL.exec(l)?.[1] ?? null);
    const old = OLD_INLINE_LABEL.exec(l);
    expect(inlineLabelOf(l)).toEqual(old ? { label: old[1], rest: old[2] } : null);
    expect(isBoldLine(l)).toBe(OLD_BOLD.test(l));
  });

  it.each([
    ['## Metrics ##', { level: 2, text: 'Metrics' }],
    ['# C# and F#', { level: 1, text: 'C# and F' }],
    ['####### seven', null],
    ['    # indented code', null],
    ['#hashtag', null],
  ])('ATX example %j', (l, expected) => {
    expect(atxHeading(l)).toEqual(expected);
  });
});
