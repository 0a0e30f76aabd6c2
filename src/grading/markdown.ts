import type { Language } from '../content/language.js';
import { PHASE_IDS, type PhaseId } from '../phases.js';
import { LANGUAGE } from '../content/language.compiled.js';
import { stem } from './stem.js';
import type { AnswerSection } from './types.js';

/** Lower-case heading text without numbering, emphasis or trailing punctuation: "3. Data & Features:" → "data and features". */
export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?\d+(?:\.\d+)*\s*[.):\-–—]?\s*/, '')
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?[ivx]+\s*[.):\-–—]\s*/, '')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The heading phrases of data/language.yaml, normalised once: each word through the grader's stemmer. */
export interface HeadingRules {
  terms: ReadonlyArray<{ phase: PhaseId; term: string }>;
  /** A line that is exactly one of these ("metrics", "Data and features") is a note-taker's heading. */
  exact: ReadonlyMap<string, PhaseId>;
}

/** A normalised heading's words stemmed, so "Metric", "Evaluating the model" and "KPIs" meet the listed phrases. */
function stemHeading(text: string): string {
  return text.split(' ').map(stem).join(' ');
}

export function headingRules(language: Pick<Language, 'headings'>): HeadingRules {
  const terms = PHASE_IDS.flatMap((phase) => language.headings[phase].map((h) => ({ phase, term: stemHeading(normaliseHeading(h)) })));
  const exact = new Map<string, PhaseId>();
  for (const { phase, term } of terms) if (!exact.has(term)) exact.set(term, phase);
  return { terms, exact };
}

/** The shipped heading phrases, for callers that hand none. */
export const DEFAULT_HEADINGS = headingRules(LANGUAGE);

/**
 * The phase a heading names: an exact heading phrase first, else the phrase that appears earliest in the heading
 * as whole words (the longer one on a tie); null when it names none.
 */
export function headingPhase(heading: string, rules: HeadingRules = DEFAULT_HEADINGS): PhaseId | null {
  const text = stemHeading(normaliseHeading(heading));
  if (!text) return null;
  const exact = rules.exact.get(text);
  if (exact) return exact;
  let best: { phase: PhaseId; at: number; length: number } | null = null;
  for (const { phase, term } of rules.terms) {
    const at = ` ${text} `.indexOf(` ${term} `);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && term.length > best.length)) best = { phase, at, length: term.length };
  }
  return best?.phase ?? null;
}

/*
 * The line shapes below are read by plain scans, not by regular expressions: the patterns they replace
 * (e.g. /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/) backtracked over runs of spaces or "#", which made one long line
 * take seconds to hours. Each scan is linear in the line's length and accepts exactly what its pattern did.
 */

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** Characters `.` does not match: a line may still hold U+2028 or U+2029 after the split on "\n". */
const hasLineBreak = (text: string) => /[\n\r\u2028\u2029]/.test(text);
const isDelimiter = (text: string, at: number) => (text[at] === '*' && text[at + 1] === '*') || (text[at] === '_' && text[at + 1] === '_');

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (isSpace(text[i])) i++;
  return i;
}

/** Where trailing whitespace ends, scanning back from `end` but never before `floor`. */
function trimSpacesBack(text: string, end: number, floor = 0): number {
  let i = end;
  while (i > floor && isSpace(text[i - 1])) i--;
  return i;
}

/** An ATX heading, "## Metrics ##": up to three spaces, one to six "#", whitespace, the text, optional closing "#"s. */
export function atxHeading(line: string): { level: number; text: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let hashes = 0;
  while (line[i + hashes] === '#') hashes++;
  if (hashes < 1 || hashes > 6 || !isSpace(line[i + hashes])) return null;
  const start = skipSpaces(line, i + hashes);
  let end = trimSpacesBack(line, line.length, start);
  while (end > start && line[end - 1] === '#') end--;
  end = trimSpacesBack(line, end, start);
  const text = line.slice(start, end);
  return hasLineBreak(text) ? null : { level: hashes, text };
}

/** A setext underline: a run of "=" or of "-", nothing else but spaces. */
const SETEXT = /^ {0,3}(=+|-+)\s*$/;

/** Whether `text` from `from` is a label's tail: spaces, an optional colon, an optional closing "**"/"__", a colon. */
function isLabelTail(text: string, from: number): boolean {
  let i = skipSpaces(text, from);
  if (text[i] === ':') i++;
  i = skipSpaces(text, i);
  if (isDelimiter(text, i)) i += 2;
  i = skipSpaces(text, i);
  if (text[i] === ':') i++;
  return skipSpaces(text, i) === text.length;
}

const LABEL_MAX = 61;

/**
 * A line that is only a label, "**Metrics**" or "Metrics:", counts as a heading when it names a phase. The label
 * starts with a letter or digit, holds no "*", "_" or ":" and is at most LABEL_MAX characters long.
 */
export function labelOf(line: string): string | null {
  let p = skipSpaces(line, 0);
  if (isDelimiter(line, p)) p = skipSpaces(line, p + 2);
  if (!/[A-Za-z0-9]/.test(line[p] ?? '')) return null;
  // The tail can hold only spaces, colons and delimiters; the label ends where that run starts (or at once).
  let tail = line.length;
  while (tail > p + 1 && /[\s:*_]/.test(line[tail - 1]!)) tail--;
  for (let i = p + 1; i < tail; i++) if (/[*_:]/.test(line[i]!)) return null;
  // Spaces between the label's end and its tail may go to either; the label takes as few as it can.
  if (tail - p > LABEL_MAX) return null;
  return isLabelTail(line, tail) ? line.slice(p, tail) : null;
}

/** Bold labels rank below every Markdown heading level. */
const LABEL_LEVEL = 7;

interface RawHeading {
  line: number;
  level: number;
  text: string;
  /** Lines the heading occupies (2 for setext). */
  span: number;
  /** Text after an inline label on the same line ("**Metrics:** we use NDCG…"). */
  rest?: string;
}

/** A paragraph that opens with a bold label naming a phase: "**Metrics:** we use NDCG…"; the label is 2–40 characters. */
export function inlineLabelOf(line: string): { label: string; rest: string } | null {
  const open = skipSpaces(line, 0);
  if (!isDelimiter(line, open)) return null;
  const from = open + 2;
  let close = from;
  while (close < line.length && line[close] !== '*' && line[close] !== '_') close++;
  if (!isDelimiter(line, close)) return null;
  // Between the delimiters: the label, then spaces, an optional colon and spaces, kept out of the label.
  let end = trimSpacesBack(line, close, from);
  if (line[end - 1] === ':' && end > from) end = trimSpacesBack(line, end - 1, from);
  end = Math.max(end, from + 2);
  if (end > close || end - from > 40) return null;
  const after = close + 2;
  const spaces = skipSpaces(line, after);
  // After the closing delimiter: spaces, an optional colon, at least one space, then the text.
  if (line[spaces] === ':') {
    const rest = skipSpaces(line, spaces + 1);
    if (rest > spaces + 1 && rest < line.length && !hasLineBreak(line.slice(rest))) return { label: line.slice(from, end), rest: line.slice(rest) };
  }
  if (spaces > after && spaces < line.length && !hasLineBreak(line.slice(spaces))) return { label: line.slice(from, end), rest: line.slice(spaces) };
  return null;
}

/** A line wrapped in "**…**" or "__…__", an optional colon after: "**Metrics**", "__Data__:". */
export function isBoldLine(line: string): boolean {
  const open = skipSpaces(line, 0);
  if (!isDelimiter(line, open)) return false;
  let end = trimSpacesBack(line, line.length);
  if (line[end - 1] === ':') end = trimSpacesBack(line, end - 1);
  return end - 2 >= open + 2 && isDelimiter(line, end - 2) && !hasLineBreak(line.slice(open + 2, end - 2));
}

function findHeadings(lines: string[], rules: HeadingRules): RawHeading[] {
  const found: RawHeading[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const atx = atxHeading(line);
    if (atx) {
      found.push({ line: i, level: atx.level, text: atx.text, span: 1 });
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && line.trim() && !/^\s*[-*+|>]/.test(line) && SETEXT.exec(next)) {
      found.push({ line: i, level: next.trim().startsWith('=') ? 1 : 2, text: line.trim(), span: 2 });
      i++;
      continue;
    }
    const inline = inlineLabelOf(line);
    const startsParagraph = i === 0 || (lines[i - 1] ?? '').trim() === '';
    if (inline && startsParagraph && /:\s*(\*\*|__)|(\*\*|__)\s*:/.test(line) && headingPhase(inline.label, rules)) {
      found.push({ line: i, level: LABEL_LEVEL, text: inline.label, span: 1, rest: inline.rest });
      continue;
    }
    const label = labelOf(line);
    const bold = isBoldLine(line);
    const standalone = bold || i === 0 || (lines[i - 1] ?? '').trim() === '';
    // Only a line that is a label can be a bare heading: the stemming runs on those few lines alone.
    const bare = () => !bold && !/:\s*$/.test(line) && rules.exact.has(stemHeading(normaliseHeading(line)));
    if (label && standalone && headingPhase(label, rules) && (bold || /:\s*$/.test(line) || bare())) {
      found.push({ line: i, level: LABEL_LEVEL, text: label, span: 1 });
    }
  }
  return found;
}

/**
 * Splits a Markdown answer into sections, mapping each heading to a phase where it names one. A sub-heading
 * that names no phase ("### Candidate generation" under "## Models") belongs to its parent's phase; a lone
 * level-1 title above the real headings names no phase. Text before the first heading is a section of its own.
 */
export function parseAnswerMarkdown(markdown: string, rules: HeadingRules = DEFAULT_HEADINGS): AnswerSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const headings = findHeadings(lines, rules);
  const sections: AnswerSection[] = [];
  const first = headings[0]?.line ?? lines.length;
  const preamble = lines.slice(0, first).join('\n').trim();
  if (preamble) sections.push({ phase: null, text: preamble });
  const stack: { level: number; phase: PhaseId | null }[] = [];
  headings.forEach((h, i) => {
    const isTitle = i === 0 && h.level === 1 && headings.slice(1).some((o) => o.level > 1);
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const own = isTitle ? null : headingPhase(h.text, rules);
    const inherited = [...stack].reverse().find((s) => s.phase !== null)?.phase ?? null;
    // An inline label inside a phase's section ("**Latency:** 100 ms" under Requirements) is a point of that phase.
    const phase = h.rest !== undefined ? (inherited ?? own) : (own ?? inherited);
    stack.push({ level: h.level, phase });
    const end = headings[i + 1]?.line ?? lines.length;
    const body = [...(h.rest ? [h.rest] : []), ...lines.slice(h.line + h.span, end)];
    sections.push({ phase, heading: h.text.replace(/[*_`]/g, '').trim(), text: body.join('\n').trim() });
  });
  return sections;
}
