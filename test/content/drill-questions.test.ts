import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import type { Criterion, Probe } from '../../src/content/schema.js';
import { STOPWORDS } from '../../src/grading/lexicon.js';
import { writeExamplePack } from '../helpers/example-pack.js';

const MIN_LENGTH = 40;
const MAX_LENGTH = 220;
/** Above this share of the title's own words, a drill question is the title reworded. */
const MAX_TITLE_SHARE = 0.6;

/** Words any question is made of; they say nothing about which criterion it asks about. */
const QUESTION_WORDS = new Set([
  ...STOPWORDS, 'how', 'what', 'why', 'when', 'where', 'whether', 'did', 'does', 'do', 'would', 'if', 'not',
  'no', 'yes', 'about', 'there', 'them', 'me', 'us', 'all', 'one', 'tell', 'walk', 'through', 'explain',
  'describe', 'say', 'give', 'handle', 'deal',
]);

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Words that carry meaning, cut to a crude stem so "splits" and "splitting" meet "split". */
function contentWords(s: string): string[] {
  return normalise(s)
    .split(' ')
    .filter((w) => w && !QUESTION_WORDS.has(w))
    .map((w) => (w.length > 5 ? w.slice(0, 5) : w.replace(/s$/, '')));
}

function titleShare(drill: string, title: string): number {
  const own = new Set(contentWords(title));
  const words = contentWords(drill);
  return words.length ? words.filter((w) => own.has(w)).length / words.length : 1;
}

/** Everything wrong with the drill questions of one file's criteria, one line each. */
function lint(where: string, criteria: readonly Criterion[], probes: readonly Probe[] = []): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const c of criteria) {
    const at = `${where} ${c.id}`;
    const drill = c.drill?.trim();
    if (!drill) {
      problems.push(`${at}: no drill question`);
      continue;
    }
    if (!drill.endsWith('?')) problems.push(`${at}: does not end with "?"`);
    if (drill.length < MIN_LENGTH || drill.length > MAX_LENGTH) {
      problems.push(`${at}: ${drill.length} characters, expected ${MIN_LENGTH}-${MAX_LENGTH}`);
    }
    const key = normalise(drill);
    if (key === normalise(c.title)) problems.push(`${at}: is the title`);
    else if (titleShare(drill, c.title) > MAX_TITLE_SHARE) problems.push(`${at}: mostly the title's own words`);
    if (probes.some((p) => p.criterion === c.id && normalise(p.question) === key)) {
      problems.push(`${at}: same as its probe`);
    }
    const twin = seen.get(key);
    if (twin) problems.push(`${at}: same drill question as ${twin}`);
    seen.set(key, c.id);
  }
  return problems;
}

// The built-in prompts and the complete example of docs/authoring.md, which stands for a user's pack.
const example = writeExamplePack();
afterAll(() => example.remove());
const content = loadContent({ packDir: example.dir });

describe('drill questions', () => {
  it('the framework has one for every criterion, a real question that is not its title', () => {
    expect(lint('framework', content.framework.criteria)).toEqual([]);
  });

  it.each(content.prompts.map((p) => [p.id, p] as const))('so does %s', (id, prompt) => {
    expect(lint(id, prompt.rubric.criteria, prompt.probes)).toEqual([]);
  });

  it('catches the problems it is meant to catch', () => {
    const base: Omit<Criterion, 'id' | 'title'> = {
      phase: 'data', weight: 1, level: 'mid', why: 'w', strong: 's', concepts: [['label leakage']],
    };
    const criteria: Criterion[] = [
      { ...base, id: 'missing', title: 'Splits by time and guards against leakage' },
      { ...base, id: 'title', title: 'Splits by time and guards against leakage', drill: 'Splits by time and guards against leakage?' },
      { ...base, id: 'reworded', title: 'Splits by time and guards against leakage', drill: 'How do you split by time and guard against the leakage?' },
      { ...base, id: 'statement', title: 'Defines labels', drill: 'Your fraud labels arrive sixty days late, so describe what you train on today.' },
      { ...base, id: 'short', title: 'Defines labels', drill: 'Tricky case' },
      { ...base, id: 'long', title: 'Defines labels', drill: `${'Your labels arrive late and noisy. '.repeat(7)}What now?` },
      { ...base, id: 'probed', title: 'Defines labels', drill: 'What exactly counts as a positive example for your model here?' },
      { ...base, id: 'twin', title: 'Handles position bias', drill: 'What exactly counts as a positive example for your model here?' },
    ];
    const probes: Probe[] = [{ criterion: 'probed', question: 'What exactly counts as a positive example for your model here?' }];
    expect(lint('t', criteria, probes)).toEqual([
      't missing: no drill question',
      't title: is the title',
      't reworded: mostly the title\'s own words',
      't statement: does not end with "?"',
      't short: does not end with "?"',
      't short: 11 characters, expected 40-220',
      't long: 254 characters, expected 40-220',
      't probed: same as its probe',
      't twin: same drill question as probed',
    ]);
  });
});
