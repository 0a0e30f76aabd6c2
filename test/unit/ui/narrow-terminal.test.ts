import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderGuide } from '../../../src/commands/guide.js';
import { promptChoices } from '../../../src/commands/interview.js';
import { renderPromptTable } from '../../../src/commands/prompts.js';
import { renderRubric, rubricListing } from '../../../src/commands/rubric.js';
import { rubricFor } from '../../../src/content/rubric.js';
import { renderPlan } from '../../../src/commands/show.js';
import { INTERVIEW_STEPS } from '../../../src/interview/plan.js';
import type { ClockReading } from '../../../src/interview/timer.js';
import { stepHeader } from '../../../src/ui/interview-view.js';
import { renderMarkdown } from '../../../src/ui/markdown.js';
import { rule } from '../../../src/ui/text.js';
import { shippedContent } from '../../helpers/shipped.js';

const widest = (text: string) => Math.max(...stripVTControlCharacters(text).split('\n').map((l) => l.length));
const content = shippedContent();

describe('at 60 columns nothing is broken mid-word by the terminal', () => {
  const reading: ClockReading = { stepLeftMs: 12 * 60_000 + 9_000, totalLeftMs: 45 * 60_000, stepElapsedMs: 0, overrunMs: 0, timeUp: false };

  it.each(INTERVIEW_STEPS.flatMap((step) => [60, 80, 100].map((width) => [step, width] as const)))(
    'the %s step header fits in %i columns with its clock on the rule',
    (step, width) => {
      const header = stepHeader(step, reading, { color: true, width }).trim();
      expect(header.split('\n')).toHaveLength(1);
      expect(widest(header)).toBeLessThanOrEqual(width);
      expect(stripVTControlCharacters(header)).toMatch(/step 12:09( left)? · total 45:00( left)? ──$/);
    },
  );

  it('keeps the long clock wording when there is room', () => {
    expect(stepHeader('models', reading, { color: false, width: 100 })).toContain('step 12:09 left · total 45:00 left ──');
  });

  it('a rule whose right-hand text cannot fit puts that text on the next line', () => {
    const text = rule('A title long enough to crowd the rule', 40, 'and a long right-hand note');
    expect(text.split('\n')).toEqual([expect.stringMatching(/^── A title long enough to crowd the rule ───$/), 'and a long right-hand note']);
  });

  it('wraps Markdown list items with a hanging indent (marked-terminal reflows only paragraphs)', async () => {
    const md = '* what must happen before a post goes live, and what can wait until a reviewer has looked at it;\n* short\n\n1. a numbered item that also runs well past the sixty column limit of a narrow terminal';
    const text = await renderMarkdown(md, { color: false, width: 60 });
    expect(widest(text)).toBeLessThanOrEqual(60);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}\* what must happen/);
    expect(lines[1]).toMatch(/^ {4}\S/);
    expect(text).toMatch(/^ {2}1\. a numbered item.*\n {5}\S/m);
  });

  it.each(content.prompts.map((p) => [p.id]))('mlsd show %s fits 60 columns, each command whole on its line', async (id) => {
    const prompt = content.prompts.find((p) => p.id === id)!;
    const statement = await renderMarkdown(prompt.statement, { color: false, width: 60 });
    const plan = renderPlan(prompt, false, 60);
    expect(widest(statement)).toBeLessThanOrEqual(60);
    expect(widest(plan)).toBeLessThanOrEqual(60);
    expect(plan).toContain(`mlsd practice ${id} --phase models`);
    expect(plan).toContain(`mlsd rubric ${id}`);
  });
});

describe('the prompt list of `mlsd interview`', () => {
  it.each([60, 100])('never wraps a word at %i columns and keeps every prompt findable by id', (width) => {
    const choices = promptChoices(content.prompts, width);
    for (const choice of choices) {
      expect(choice.name.length + 2).toBeLessThanOrEqual(width);
      expect(widest(choice.description!)).toBeLessThanOrEqual(width);
      expect(`${choice.name} ${choice.description}`).toContain(choice.value);
    }
  });

  it('shows the id next to the title when there is room', () => {
    expect(promptChoices(content.prompts, 100).map((c) => c.name)).toContain('Video recommendations for the home feed (video-recommendations)');
  });
});

describe('the study commands at 60 columns', () => {
  it('mlsd prompts puts the id and its facts on two lines rather than overflowing', () => {
    const rows = content.prompts.map((p) => ({ id: p.id, title: p.title, domain: p.domain, difficulty: p.difficulty, criteria: 56, summary: p.summary }));
    const text = renderPromptTable(rows, false, 60);
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^ads-click-prediction\n {2}expert · 56 criteria · online advertising$/m);
  });

  it.each(content.prompts.map((p) => [p.id]))('mlsd rubric %s fits, long criterion titles wrapped', (id) => {
    const prompt = content.prompts.find((p) => p.id === id)!;
    const text = renderRubric(rubricListing(prompt, rubricFor(prompt, content.framework), {}), true, 60);
    expect(widest(text)).toBeLessThanOrEqual(60);
  });

  it('mlsd guide fits, and its step times add up to the 45-minute round', () => {
    const text = stripVTControlCharacters(renderGuide(content.framework, INTERVIEW_STEPS, false, 60));
    expect(widest(text)).toBeLessThanOrEqual(60);
    const seconds = [...text.matchAll(/about (\d+):(\d\d) of 45:00 ──$/gm)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    expect(seconds).toHaveLength(INTERVIEW_STEPS.length);
    expect(seconds.reduce((a, b) => a + b, 0)).toBe(45 * 60);
  });
});

describe('terminal width without a terminal', () => {
  it('follows $COLUMNS when output is piped, within 20–100, else 80', async () => {
    const { terminalWidth } = await import('../../../src/ui/markdown.js');
    expect(process.stdout.columns).toBeUndefined();
    expect(terminalWidth({ COLUMNS: '60' })).toBe(60);
    expect(terminalWidth({ COLUMNS: '500' })).toBe(100);
    expect(terminalWidth({ COLUMNS: 'wide' })).toBe(80);
    expect(terminalWidth({})).toBe(80);
  });
});
