import { stripVTControlCharacters } from 'node:util';

export function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}

export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/**
 * Word-wraps plain text to `width` columns. The first line is prefixed with `first`, later ones with `rest`
 * (a hanging indent).
 */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && visibleLength(candidate) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = candidate;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

const MIN_FILL = 3;

/** Whether `rule(title, width, right)` fits on one line. */
export function ruleFits(title: string, width: number, right: string): boolean {
  return visibleLength(`── ${title} `) + MIN_FILL + visibleLength(` ${right} ──`) <= width;
}

/**
 * A section rule: `── Title ─────…` filled to the width, with optional text at the right end. On a terminal too
 * narrow for both, the right-hand text goes on the line below rather than wrapping the rule mid-word.
 */
export function rule(title: string, width: number, right = ''): string {
  const left = `── ${title} `;
  if (right && !ruleFits(title, width, right)) return `${rule(title, width)}\n${right}`;
  const tail = right ? ` ${right} ──` : '';
  const fill = Math.max(MIN_FILL, width - visibleLength(left) - visibleLength(tail));
  return `${left}${'─'.repeat(fill)}${tail}`;
}

/** A piece of a line as plain text (to measure) and as painted (to print). */
export interface Piece {
  plain: string;
  painted: string;
}

export const piece = (plain: string, paint: (s: string) => string = (x) => x): Piece => ({ plain, painted: paint(plain) });

/** Lays pieces out in lines no wider than `width`, never splitting a piece; colour codes do not count. */
export function flow(pieces: readonly Piece[], width: number, first: string, rest: string, sep = ' '): string[] {
  const lines: string[] = [];
  let plain = first;
  let painted = first;
  let empty = true;
  for (const item of pieces) {
    if (!empty && plain.length + sep.length + item.plain.length > width) {
      lines.push(painted);
      plain = rest;
      painted = rest;
      empty = true;
    }
    plain += (empty ? '' : sep) + item.plain;
    painted += (empty ? '' : sep) + item.painted;
    empty = false;
  }
  if (!empty) lines.push(painted);
  return lines;
}
