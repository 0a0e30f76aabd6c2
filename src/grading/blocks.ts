/** A unit of a section's Markdown: a paragraph, one list item, one table row, or a code block. */
export interface Block {
  kind: 'paragraph' | 'item' | 'table' | 'code';
  text: string;
}

/** Removes inline Markdown so the candidate's sentence reads as written: emphasis, code ticks, links. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

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
      if (!TABLE_RULE.test(line)) {
        const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
        blocks.push({ kind: 'table', text: stripInline(cells.join(' ; ')) });
      }
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flush();
      current = { kind: 'item', text: item[1]! };
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
