import { PHASES, type PhaseId } from '../phases.js';
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

/** Headings real write-ups use for a phase beyond the shared list in src/phases.ts. */
const MORE_HEADINGS: Record<PhaseId, readonly string[]> = {
  requirements: [
    'use cases', 'product requirements', 'functional requirements', 'non functional requirements', 'capacity estimation',
    'back of the envelope', 'estimates', 'scale estimation', 'problem definition', 'business goals', 'questions',
    'reqs', 'req', 'clarify', 'problem', 'the problem', 'goal', 'goals and non goals', 'need to know', 'know first',
  ],
  metrics: [
    'offline evaluation', 'online evaluation', 'a/b testing', 'ab testing', 'experimentation', 'success criteria', 'measurement', 'eval',
    'measuring', 'how to measure', 'measure', 'how we ll know', 'know it s good', 'know it works', 'what good looks like',
  ],
  data: ['feature store', 'label generation', 'data collection', 'training data generation', 'negative sampling', 'feature pipeline'],
  models: [
    'candidate generation', 'retrieval', 'ranking', 're ranking', 'reranking', 'model training', 'high level design',
    'modeling approach', 'modelling approach', 'cold start', 'funnel', 'model design', 'predictor', 'the predictor',
  ],
  serving: [
    'online serving', 'latency budget', 'caching', 'scalability', 'serving infrastructure', 'system architecture', 'infra',
    'request path', 'online path', 'request flow', 'payment flow', 'checkout flow', 'in production', 'at request time',
    'answering every', 'every request',
  ],
  monitoring: [
    'feedback loops', 'feedback loop', 'continuous training', 'model updates', 'alerting', 'post launch', 'maintenance and monitoring',
    'after launch', 'launch and iterate', 'keeping up', 'keeping it working', 'keeping it healthy', 'staying accurate',
  ],
};

const HEADING_TERMS = PHASES.flatMap((p) => [...p.headings, ...MORE_HEADINGS[p.id]].map((term) => ({ phase: p.id, term })));
/** A line that is exactly one of these ("metrics", "Data and features") is a note-taker's heading. */
const HEADING_TERM_SET = new Set(HEADING_TERMS.map((h) => h.term));

/**
 * The phase a heading names: an exact heading term first, else the term that appears earliest in the heading
 * as whole words (the longer one on a tie); null when it names none.
 */
export function headingPhase(heading: string): PhaseId | null {
  const text = normaliseHeading(heading);
  if (!text) return null;
  let best: { phase: PhaseId; at: number; length: number } | null = null;
  for (const { phase, term } of HEADING_TERMS) {
    if (text === term) return phase;
    const at = ` ${text} `.indexOf(` ${term} `);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && term.length > best.length)) best = { phase, at, length: term.length };
  }
  return best?.phase ?? null;
}

const ATX = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
/** A line that is only a label, "**Metrics**" or "Metrics:", counts as a heading when it names a phase. */
const LABEL = /^\s*(?:\*\*|__)?\s*([A-Za-z0-9][^*_:]{0,60}?)\s*:?\s*(?:\*\*|__)?\s*:?\s*$/;

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

/** A paragraph that opens with a bold label naming a phase: "**Metrics:** we use NDCG…". */
const INLINE_LABEL = /^\s*(?:\*\*|__)([^*_]{2,40}?)\s*:?\s*(?:\*\*|__)\s*:?\s+(\S.*)$/;

function findHeadings(lines: string[]): RawHeading[] {
  const found: RawHeading[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const atx = ATX.exec(line);
    if (atx) {
      found.push({ line: i, level: atx[1]!.length, text: atx[2]!, span: 1 });
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && line.trim() && !/^\s*[-*+|>]/.test(line) && SETEXT.exec(next)) {
      found.push({ line: i, level: next.trim().startsWith('=') ? 1 : 2, text: line.trim(), span: 2 });
      i++;
      continue;
    }
    const inline = INLINE_LABEL.exec(line);
    const startsParagraph = i === 0 || (lines[i - 1] ?? '').trim() === '';
    if (inline && startsParagraph && /:\s*(\*\*|__)|(\*\*|__)\s*:/.test(line) && headingPhase(inline[1]!)) {
      found.push({ line: i, level: LABEL_LEVEL, text: inline[1]!, span: 1, rest: inline[2]! });
      continue;
    }
    const label = LABEL.exec(line);
    const bold = /^\s*(\*\*|__).*(\*\*|__)\s*:?\s*$/.test(line);
    const standalone = bold || i === 0 || (lines[i - 1] ?? '').trim() === '';
    const bare = !bold && !/:\s*$/.test(line) && HEADING_TERM_SET.has(normaliseHeading(line));
    if (label && standalone && headingPhase(label[1]!) && (bold || /:\s*$/.test(line) || bare)) {
      found.push({ line: i, level: LABEL_LEVEL, text: label[1]!, span: 1 });
    }
  }
  return found;
}

/**
 * Splits a Markdown answer into sections, mapping each heading to a phase where it names one. A sub-heading
 * that names no phase ("### Candidate generation" under "## Models") belongs to its parent's phase; a lone
 * level-1 title above the real headings names no phase. Text before the first heading is a section of its own.
 */
export function parseAnswerMarkdown(markdown: string): AnswerSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const headings = findHeadings(lines);
  const sections: AnswerSection[] = [];
  const first = headings[0]?.line ?? lines.length;
  const preamble = lines.slice(0, first).join('\n').trim();
  if (preamble) sections.push({ phase: null, text: preamble });
  const stack: { level: number; phase: PhaseId | null }[] = [];
  headings.forEach((h, i) => {
    const isTitle = i === 0 && h.level === 1 && headings.slice(1).some((o) => o.level > 1);
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const own = isTitle ? null : headingPhase(h.text);
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
