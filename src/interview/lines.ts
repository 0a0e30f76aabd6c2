/** Multi-line input ends with two empty lines in a row; one empty line is a paragraph break. */
export function addLine(lines: readonly string[], line: string): { lines: string[]; finished: boolean } {
  const last = lines[lines.length - 1];
  if (line.trim() === '' && last !== undefined && last.trim() === '') {
    return { lines: trimTrailingBlank(lines), finished: true };
  }
  if (line.trim() === '' && lines.length === 0) return { lines: [''], finished: false };
  return { lines: [...lines, line], finished: false };
}

function trimTrailingBlank(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** The text typed so far, including an unfinished line. */
export function joinLines(lines: readonly string[], partial = ''): string {
  return [...lines, partial].join('\n').trim();
}

/** Words typed on an answer line that are commands rather than text. */
export const LINE_COMMANDS = { editor: ':editor', hint: ':hint' } as const;
