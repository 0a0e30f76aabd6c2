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

/** A section rule: `── Title ─────…` filled to the width, with optional text at the right end. */
export function rule(title: string, width: number, right = ''): string {
  const left = `── ${title} `;
  const tail = right ? ` ${right} ──` : '';
  const fill = Math.max(3, width - visibleLength(left) - visibleLength(tail));
  return `${left}${'─'.repeat(fill)}${tail}`;
}
