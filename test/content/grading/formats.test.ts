import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAgainst } from '../../helpers/grading.js';

// An answer spoken rather than written: no headings, fillers, figures said in words, ideas described rather than
// named. Written from the prompt's statement alone and labelled senior before it was graded.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'feed-ranking', name), 'utf8');

describe('a transcript of a spoken senior answer (feed ranking)', () => {
  const grade = gradeAgainst('feed-ranking');

  it('reads its figures said in words and scores above the written mid answer', async () => {
    const spoken = await grade(fixture('senior-transcript.md'));
    const mid = await grade(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'content', 'feed-ranking', 'mid.md'), 'utf8'));
    expect(spoken.signals.quantitative).toBeGreaterThan(0);
    expect(spoken.total).toBeGreaterThan(mid.total + 5);
  });

  // Known gap: after feed ranking's first paraphrase pass (test/fixtures/paraphrases/feed-ranking.yaml) this
  // transcript still grades mid (46.8, was 44.0): several ideas said here in plain words ("a cheap model trims that
  // to around five hundred, then the main ranker", "fifty for fetching candidates and features, a hundred for the
  // ranker") are still missed, and others are found only apart in its unheaded speech. The rubric was not tuned to
  // its sentences. Runs as an expected failure so that a fix shows up.
  it.fails('earns the senior verdict it was labelled with', async () => {
    expect((await grade(fixture('senior-transcript.md'))).level).toBe('senior');
  });
});
