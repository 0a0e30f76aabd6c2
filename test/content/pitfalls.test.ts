import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pitfall } from '../../src/content/schema.js';
import { STOPWORDS } from '../../src/grading/lexicon.js';
import { PHASE_IDS } from '../../src/phases.js';
import { shippedContent } from '../helpers/shipped.js';

const content = shippedContent();
const framework = content.framework;

/** The words a detection engine drops or treats as negation make a claim phrasing match nothing or everything. */
const NEGATING = /\b(no|not|never|without|none|don't|doesn't|isn't|can't|cannot)\b/;
/** A contrast or requirement that opens with "not" ("must not get worse") is matched as written. */
const CONTRAST = /^((must|should) )?not (just |only |merely )?\w+/;
const GENERIC = new Set([
  'model', 'models', 'data', 'system', 'user', 'users', 'feature', 'features', 'train', 'training', 'metric',
  'metrics', 'video', 'videos', 'ad', 'ads', 'post', 'posts', 'content', 'item', 'items', 'time', 'score',
]);

function phrasingProblems(p: Pitfall): string[] {
  const problems: string[] = [];
  const groups = [...p.claim.map((g) => ['claim', g] as const), ...(p.unless ?? []).map((g) => ['unless', g] as const)];
  for (const [where, group] of groups) {
    for (const raw of group) {
      const phrase = raw.trim().toLowerCase();
      const kept = phrase.split(/\s+/).filter((w) => !STOPWORDS.has(w));
      if (kept.length === 1 && GENERIC.has(kept[0]!)) problems.push(`${p.id} ${where} "${raw}": a lone generic word`);
      if (NEGATING.test(phrase) && !CONTRAST.test(phrase)) problems.push(`${p.id} ${where} "${raw}": contains a negation word`);
      if (phrase.split(/\s+/).length > 6) problems.push(`${p.id} ${where} "${raw}": longer than 6 words`);
    }
  }
  return problems;
}

function corpusProblems(p: Pitfall): string[] {
  const problems: string[] = [];
  if (p.triggers.length < 3) problems.push(`${p.id}: ${p.triggers.length} triggers, want at least 3`);
  if (p.clears.length < 4) problems.push(`${p.id}: ${p.clears.length} clears, want at least 4`);
  const shared = p.triggers.filter((t) => p.clears.includes(t));
  if (shared.length) problems.push(`${p.id}: the same sentence both triggers and clears: ${shared.join(' | ')}`);
  for (const sentence of [...p.triggers, ...p.clears]) {
    if (!/[.?!]["”]?$/.test(sentence)) problems.push(`${p.id}: not a whole sentence (YAML cut it?): ${sentence}`);
  }
  if (p.need !== undefined && p.need > p.claim.length) problems.push(`${p.id}: need ${p.need} > ${p.claim.length} claim groups`);
  return problems;
}

describe('framework pitfalls', () => {
  it('has at least 12, each with a valid phase and its test corpus', () => {
    expect(framework.pitfalls.length).toBeGreaterThanOrEqual(12);
    for (const p of framework.pitfalls) expect(PHASE_IDS, p.id).toContain(p.phase);
    expect(framework.pitfalls.flatMap(corpusProblems)).toEqual([]);
  });

  it('has ids unique among themselves and against the framework criteria', () => {
    const ids = [...framework.criteria.map((c) => c.id), ...framework.pitfalls.map((p) => p.id)];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('writes claim and unless phrasings the matcher can use', () => {
    expect(framework.pitfalls.flatMap(phrasingProblems)).toEqual([]);
  });
});

describe.each(content.prompts.map((p) => [p.id, p] as const))('%s pitfalls', (_id, prompt) => {
  it('has at least 8, with every severity used and a valid phase each', () => {
    expect(prompt.pitfalls.length).toBeGreaterThanOrEqual(8);
    for (const severity of ['minor', 'major', 'disqualifying'] as const) {
      expect(prompt.pitfalls.some((p) => p.severity === severity), severity).toBe(true);
    }
    for (const p of prompt.pitfalls) expect(PHASE_IDS, p.id).toContain(p.phase);
  });

  it('gives each at least 3 triggers and 4 clears', () => {
    expect(prompt.pitfalls.flatMap(corpusProblems)).toEqual([]);
  });

  it('has ids unique across its criteria, its pitfalls and the framework, with the prompt prefix', () => {
    const ids = [
      ...framework.criteria.map((c) => c.id),
      ...framework.pitfalls.map((p) => p.id),
      ...prompt.rubric.criteria.map((c) => c.id),
      ...prompt.pitfalls.map((p) => p.id),
    ];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const prefix = prompt.rubric.criteria[0]!.id.split('-')[0]!;
    for (const p of prompt.pitfalls) expect(p.id.startsWith(`${prefix}-`), p.id).toBe(true);
  });

  it('writes claim and unless phrasings the matcher can use', () => {
    expect(prompt.pitfalls.flatMap(phrasingProblems)).toEqual([]);
  });
});

/** The planted-mistake answers (test/fixtures/redflags) and their labels must stay in step with the content. */
describe('red-flag answers and their labels', () => {
  const dir = new URL('../fixtures/redflags/', import.meta.url);
  const labels = readFileSync(new URL('LABELS.md', dir), 'utf8');
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const sections = new Map(
    labels.split(/^## /m).slice(1).map((part) => {
      const [file, ...rest] = part.split('\n');
      const rows = rest
        .filter((line) => /^\| [a-z0-9-]+ \| (minor|major|disqualifying) \|/.test(line))
        .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')) as [string, string, string]);
      return [file!.trim(), rows] as const;
    }),
  );

  it.each(content.prompts.map((p) => [p.id, p] as const))('%s: a senior-length answer with at least five labelled mistakes it really contains', (id, prompt) => {
    const answer = readFileSync(new URL(`${id}.md`, dir), 'utf8');
    const words = answer.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(900);
    expect(words).toBeLessThanOrEqual(1400);
    const rows = sections.get(`${id}.md`) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const known = new Map([...framework.pitfalls, ...prompt.pitfalls].map((p) => [p.id, p.severity]));
    for (const [pitfall, severity, sentence] of rows) {
      expect(known.get(pitfall), pitfall).toBe(severity);
      expect(flat(answer).includes(flat(sentence)), `${pitfall} quotes a sentence the answer lacks: ${sentence}`).toBe(true);
    }
  });
});
