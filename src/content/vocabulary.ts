import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { contentDataDir } from '../paths.js';

const term = z.string().trim().min(1, 'expected a non-empty term');

/** data/vocabulary.yaml: wordings the grader treats as the same idea, in answers and rubric phrases alike. */
export const vocabularySchema = z.strictObject({
  synonyms: z.array(z.array(term).min(2, 'a synonym group needs at least two terms')).default([]),
  words: z.record(z.string().regex(/^[a-z]+$/, 'expected one lower-case word'), term).default({}),
  notTypos: z.array(z.tuple([term, term])).default([]),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

export const EMPTY_VOCABULARY: Vocabulary = { synonyms: [], words: {}, notTypos: [] };

/** Validates parsed vocabulary data; every problem is listed with its field path. */
export function validateVocabulary(data: unknown, file = 'data/vocabulary.yaml'): Vocabulary {
  const parsed = vocabularySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}

export function loadVocabulary(dir = contentDataDir()): Vocabulary {
  const file = join(dir, 'vocabulary.yaml');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${(err as Error).message}`, { hint: 'Reinstall mlsd-coach: data/ ships with it.' });
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (err) {
    throw new UserError(`invalid YAML in ${file}: ${(err as Error).message.split('\n')[0]}`, { hint: 'Fix the syntax at the line shown.' });
  }
  return validateVocabulary(data, file);
}
