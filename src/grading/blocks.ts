/** A unit of a section's Markdown: a paragraph, one list item, one table row, or a code block. */
export interface Block {
  kind: 'paragraph' | 'item' | 'table' | 'code';
  text: string;
}

/*
 * Inline Markdown is removed by scans rather than by patterns such as /\[([^\]]+)\]\([^)]*\)/g, which rescan to
 * the end of the text from every opener that has no closer: 300 KB of " *a" took 21 s. Each scan below replaces
 * exactly what its pattern did, in the same order, in time linear in the text.
 */

/** The index of `char` at or after `from`, for calls whose `from` only grows: each part of the text is searched once. */
function forwardIndex(text: string, char: string): (from: number) => number {
  let searchedFrom = 0;
  let found = text.indexOf(char);
  return (from) => {
    if (from < searchedFrom) return text.indexOf(char, from);
    if (found === -1 || found >= from) {
      searchedFrom = from;
      return found;
    }
    searchedFrom = from;
    found = text.indexOf(char, from);
    return found;
  };
}

/**
 * Links and images: `[text](url)` → text, and with `image`, `![alt](url)` → alt. The text runs to the first "]",
 * which must be followed by "(" and, somewhere after, a ")". A link needs some text; an image may have none.
 */
function replaceLinks(text: string, image: boolean): string {
  const opener = image ? '![' : '[';
  if (!text.includes(opener)) return text;
  const close = forwardIndex(text, ']');
  const paren = forwardIndex(text, ')');
  let out = '';
  let last = 0;
  for (let i = text.indexOf(opener); i !== -1; i = text.indexOf(opener, i + 1)) {
    const from = i + opener.length;
    const end = close(from);
    if (end === -1) break;
    if ((!image && end === from) || text[end + 1] !== '(') continue;
    const after = paren(end + 2);
    if (after === -1) break;
    out += text.slice(last, i) + text.slice(from, end);
    last = after + 1;
    i = after;
  }
  return out + text.slice(last);
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const EMPHASIS_MARK = /[*_]/;
const EMPHASIS_BEFORE = /[\s(]/;
const EMPHASIS_AFTER = /[\s).,;:!?]/;

/**
 * Single-mark emphasis, `*word*` or `_a few words_`, kept as its words. As the pattern
 * /(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g did: the opening mark follows the start, a space or "(",
 * the text starts and ends with a non-space and holds no line break, and the closing mark comes before a space,
 * closing punctuation or the end; the nearest closing mark at least two characters in wins, else one character in.
 */
function replaceEmphasis(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  const n = text.length;
  const closes = (c: number) => c < n && EMPHASIS_MARK.test(text[c]!) && c > 0 && !isSpace(text[c - 1]) && (c + 1 === n || EMPHASIS_AFTER.test(text[c + 1]!));
  // nextClose[p]: the first closing mark at or after p; nextBreak[p]: the first line break at or after p (n when none).
  const nextClose = new Int32Array(n + 2).fill(n);
  const nextBreak = new Int32Array(n + 2).fill(n);
  for (let p = n - 1; p >= 0; p--) {
    nextClose[p] = closes(p) ? p : nextClose[p + 1]!;
    nextBreak[p] = isLineBreak(text[p]) ? p : nextBreak[p + 1]!;
  }
  const closerFor = (open: number): number => {
    if (!EMPHASIS_MARK.test(text[open] ?? '') || open + 1 >= n || isSpace(text[open + 1])) return -1;
    const far = open + 3 <= n ? nextClose[open + 3]! : n;
    if (far < n && nextBreak[open + 1]! > far) return far;
    return closes(open + 2) ? open + 2 : -1;
  };
  let out = '';
  let last = 0;
  for (let i = 0; i < n; i++) {
    let open = -1;
    let close = -1;
    if (i === 0) {
      close = closerFor(0);
      open = 0;
    }
    if (close === -1 && EMPHASIS_BEFORE.test(text[i]!)) {
      open = i + 1;
      close = closerFor(open);
    }
    if (close === -1) continue;
    out += text.slice(last, i) + text.slice(i, open) + text.slice(open + 1, close);
    last = close + 1;
    i = close;
  }
  return out + text.slice(last);
}

/** How an HTML tag opens (as CommonMark reads one): "<" then a letter, "/" + a letter, or "!" — never a digit or a space. */
const TAG_OPENS = /<(?:\/?[A-Za-z]|!)/y;

/**
 * HTML tags, `<br>` or `<span class="x">`, become a space: from "<" to the first ">". A "<" that opens no tag is a
 * comparison ("target <10 … (>95%)", "score < 0.5") and stays, with what follows it.
 */
function replaceTags(text: string): string {
  if (!text.includes('<')) return text;
  const gt = forwardIndex(text, '>');
  let out = '';
  let last = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    TAG_OPENS.lastIndex = i;
    if (!TAG_OPENS.test(text)) continue;
    const end = gt(i + 1);
    if (end === -1) break;
    out += `${text.slice(last, i)} `;
    last = end + 1;
    i = end;
  }
  return out + text.slice(last);
}

/** Removes inline Markdown so the candidate's sentence reads as written: emphasis, code ticks, links. */
export function stripInline(text: string): string {
  const unlinked = replaceLinks(replaceLinks(text, true), false);
  const unbold = unlinked.replace(/(\*\*|__)(.+?)\1/g, '$2');
  return replaceTags(replaceEmphasis(unbold).replace(/`([^`]*)`/g, '$1'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A list item's text: after "-", "*", "+" or "1." / "1)" and whitespace, and a task box "[ ]" / "[x]" if any. */
export function itemText(line: string): string | null {
  let i = 0;
  while (isSpace(line[i])) i++;
  if (line[i] === '-' || line[i] === '*' || line[i] === '+') {
    i++;
  } else {
    const digits = i;
    while (line[i] !== undefined && line[i]! >= '0' && line[i]! <= '9') i++;
    if (i === digits || (line[i] !== '.' && line[i] !== ')')) return null;
    i++;
  }
  const marker = i;
  while (isSpace(line[i])) i++;
  if (i === marker) return null;
  if (line[i] === '[' && ' xX'.includes(line[i + 1] ?? '-') && line[i + 2] === ']' && isSpace(line[i + 3])) {
    i += 3;
    while (isSpace(line[i])) i++;
  }
  const text = line.slice(i);
  return /[\n\r\u2028\u2029]/.test(text) ? null : text;
}

const RULE_CELL = /^\s*:?-{2,}:?\s*$/;

/** A table's header rule, "| --- | :---: |": cells of two or more dashes (colons for alignment) between pipes. */
export function isTableRule(line: string): boolean {
  let body = line.trimStart();
  if (body.startsWith('|')) body = body.slice(1);
  const end = body.trimEnd();
  if (end.endsWith('|')) body = end.slice(0, -1);
  return body.split('|').every((cell) => RULE_CELL.test(cell));
}

/**
 * Short lines with no closing punctuation followed by a capitalised line are separate notes ("Two-tower
 * retrieval" / "Then a DNN ranker"), not a sentence hard-wrapped by an editor (whose lines run long).
 */
const NOTE_LINE_MAX = 50;
function startsNewLine(previous: string, next: string): boolean {
  return previous.length > 0 && previous.length < NOTE_LINE_MAX && !/[.!?:;,)]$/.test(previous) && /^[A-Z0-9]/.test(next);
}

/** Splits a section's text into blocks; list items and table rows are blocks of their own. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let fence: string[] | null = null;
  const flush = () => {
    if (current && current.text.trim()) blocks.push({ kind: current.kind, text: stripInline(current.text) });
    current = null;
  };
  let previous = '';
  for (const line of text.split('\n')) {
    const last = previous;
    previous = line.trim();
    if (fence) {
      if (/^\s*(```|~~~)/.test(line)) {
        blocks.push({ kind: 'code', text: fence.join('\n') });
        fence = null;
      } else {
        fence.push(line);
      }
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fence = [];
      continue;
    }
    if (!line.trim() || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      if (!isTableRule(line)) {
        const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
        blocks.push({ kind: 'table', text: stripInline(cells.join(' ; ')) });
      }
      continue;
    }
    const item = itemText(line);
    if (item !== null) {
      flush();
      current = { kind: 'item', text: item };
      continue;
    }
    const body = line.replace(/^\s*>\s?/, '').trim();
    if (current && startsNewLine(last, body)) flush();
    if (current) current.text += ` ${body}`;
    else current = { kind: 'paragraph', text: body };
  }
  if (fence) blocks.push({ kind: 'code', text: fence.join('\n') });
  flush();
  return blocks;
}
