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

/** The first character of `text` a terminal would act on, as `U+001B`; undefined when there is none. */
export function controlCharacter(text: string): string | undefined {
  const found = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** What JSON.stringify leaves raw (C1 controls, DEL and the bidirectional controls), outside the C0 range it escapes itself. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify` whose output a terminal cannot act on: the characters it would leave raw are written as
 * `\uXXXX` escapes, so the text parses back to exactly the same data.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
