import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors.js';
import { contentDataDir } from '../paths.js';
import { vocabularySchema, type Vocabulary } from './schema.js';

export { vocabularySchema, type Vocabulary } from './schema.js';

/** Validates parsed vocabulary data; every problem is listed with its field path. */
export function validateVocabulary(data: unknown, file = 'data/vocabulary.yaml'): Vocabulary {
  const parsed = vocabularySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}

/** Reads and validates data/vocabulary.yaml; the caller hands the result to the grader and the fact lookup. */
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
