/**
 * C0 controls but newline and tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
 * that make text read in another order than it is stored; a CRLF pair is matched whole, as a line ending.
 */
const ACTIVE = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const CONTROL_PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';
const REPLACEMENT = '\ufffd';

function placeholder(match: string): string {
  if (match === '\r\n') return '\n';
  const code = match.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  return code === 0x7f ? DEL_PICTURE : REPLACEMENT;
}

/**
 * Text that did not come from the program (answers, saved sessions, arguments, paths) made safe to print:
 * a character a terminal would act on (move the cursor, retitle the window, write the clipboard, reorder the
 * line) is shown instead. C0 controls and DEL become their Unicode control pictures (ESC → ␛, BEL → ␇),
 * C1 and bidirectional controls, which have none, become �. One character stays one character; newlines,
 * tabs and every other character are kept as they are.
 */
export function safeText(text: string): string {
  return text.replace(ACTIVE, placeholder);
}

/** `safeText` over every string in a plain record (a saved session, a grade), for renderers that take one whole. */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeStrings(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, safeStrings(item)])) as T;
  }
  return value;
}
