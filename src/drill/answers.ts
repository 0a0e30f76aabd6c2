import type { CardKey } from './cards.js';
import type { DrillItem } from './questions.js';

/** One answer of a `--answers` file: the text under a `## ` heading. */
export interface FileAnswer {
  heading: string;
  text: string;
}

/** Splits a Markdown file at its level-two headings (not those inside fenced code); text before the first is ignored. */
export function splitAnswers(markdown: string): FileAnswer[] {
  const answers: FileAnswer[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let fence: string | undefined;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    const heading = fence ? null : /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (current) answers.push({ heading: current.heading, text: current.lines.join('\n').trim() });
      current = { heading: heading[1]!, lines: [] };
    } else {
      current?.lines.push(line);
    }
  }
  if (current) answers.push({ heading: current.heading, text: current.lines.join('\n').trim() });
  return answers;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The items a heading names: by criterion id, by `<prompt id> <criterion id>`, or by the drill question itself
 * (case, punctuation and spacing ignored).
 */
export function itemsNamed<C extends CardKey>(heading: string, items: readonly DrillItem<C>[]): DrillItem<C>[] {
  const h = normalise(heading);
  return items.filter((i) => h === normalise(i.card.itemId) || h === normalise(`${i.card.promptId} ${i.card.itemId}`) || h === normalise(i.question));
}
