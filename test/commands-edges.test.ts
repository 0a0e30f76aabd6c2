import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { guide } from '../src/commands/guide.js';
import { rubric } from '../src/commands/rubric.js';
import { show } from '../src/commands/show.js';
import { testContext } from './helpers/context.js';

const root = join(import.meta.dirname, '..', 'src', 'commands');
// The pipeline command is reworked on its own; its width and stderr reads move to the context there.
const exempt = new Set(['pipeline.ts']);
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !exempt.has(f))
  .map((f) => join(root, f));

describe('commands take their edges from the context', () => {
  it.each([
    ['the process', /\bprocess\./],
    ['the terminal width', /\bterminalWidth\(/],
    ['content, vocabulary or grader loaders', /\b(loadContent|loadFramework|loadVocabulary|loadGrader)\(/],
    ['the history database', /\b(openHistory|openStore)\(/],
  ])('no command reads %s itself', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe('commands wrap to the context width', () => {
  const widest = (text: string) => Math.max(...stripVTControlCharacters(text).split('\n').map((l) => l.length));
  it.each([
    ['rubric', (ctx: ReturnType<typeof testContext>['ctx']) => rubric({ id: 'video-recommendations' }, ctx)],
    ['show', (ctx: ReturnType<typeof testContext>['ctx']) => show({ id: 'video-recommendations' }, ctx)],
    ['guide', (ctx: ReturnType<typeof testContext>['ctx']) => guide({ phase: 'metrics' }, ctx)],
  ])('%s at 60 and at 100 columns', async (_name, run) => {
    const narrow = testContext({ width: 60 });
    const wide = testContext({ width: 100 });
    await run(narrow.ctx);
    await run(wide.ctx);
    expect(widest(narrow.text())).toBeLessThanOrEqual(60);
    expect(widest(wide.text())).toBeGreaterThan(80);
  });
});
