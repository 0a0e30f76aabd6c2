import type { Tokens } from 'marked';
import { safeText } from './safe-text.js';
import { visibleLength, wrap } from './text.js';

export interface MarkdownOptions {
  color: boolean;
  /** Wrap width; defaults to the terminal's, at most 100. */
  width?: number;
}

export function terminalWidth(env: Record<string, string | undefined> = process.env): number {
  // Piped output has no columns; $COLUMNS (as `less` and `fmt` honour it) sets the width then.
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const columns = process.stdout.columns || (fromEnv >= 20 ? fromEnv : 80);
  return Math.min(columns, 100);
}

/**
 * Renders Markdown for the terminal. marked-terminal costs ~200 ms to import, so it is loaded here, on first
 * use, never at start-up.
 */
export async function renderMarkdown(markdown: string, options: MarkdownOptions): Promise<string> {
  const [{ Marked }, { markedTerminal }, { default: chalk }] = await Promise.all([
    import('marked'),
    import('marked-terminal'),
    import('chalk'),
  ]);
  // marked-terminal colours through the shared chalk instance: turn it off for NO_COLOR and pipes.
  if (!options.color) chalk.level = 0;
  const width = options.width ?? terminalWidth();
  const marked = new Marked(
    markedTerminal({
      width,
      reflowText: true,
      tab: 2,
      emoji: false,
      showSectionPrefix: false,
      tableOptions: options.color ? {} : { style: { head: [], border: [] } },
    }),
    {
      // Inline markup inside list items (bold, code) otherwise prints literally: render the inline tokens.
      renderer: {
        text(this: { parser: { parseInline: (tokens: Tokens.Generic[]) => string } }, token: Tokens.Text | Tokens.Escape) {
          return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : token.text;
        },
      },
    },
  );
  // Only the input is made inert: marked-terminal's own colour codes are added after.
  const rendered = await marked.parse(safeText(markdown));
  return wrapLongLines(rendered.replace(/\n{3,}/g, '\n\n').trimEnd(), width) + '\n';
}

/**
 * marked-terminal reflows paragraphs but not list items, which the terminal then breaks mid-word: wrap any
 * line still too long, hanging later lines under the item's text.
 */
export function wrapLongLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (visibleLength(line) <= width) return line;
      const lead = /^\s*(?:(?:[*•-]|\d+\.)\s+)?/.exec(line)![0];
      return wrap(line.slice(lead.length), width, lead, ' '.repeat(visibleLength(lead)));
    })
    .join('\n');
}
