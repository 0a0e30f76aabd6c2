import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { contentDataDir } from '../paths.js';
import { COMPILED_VOCABULARY_FILE, readStored, sourcesKey } from './compiled.js';
import { LANGUAGE_FILE, readLanguage, type Language } from './language.js';
import { commitmentSchema, questionWordsSchema, vocabularySchema, type CommitmentWords, type QuestionWords, type Vocabulary } from './schema.js';

export { vocabularySchema, type Vocabulary } from './schema.js';

/** Validates parsed vocabulary data; every problem is listed with its field path. */
export function validateVocabulary(data: unknown, file = 'data/vocabulary.yaml'): Vocabulary {
  const parsed = vocabularySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}

/**
 * Reads and validates data/vocabulary.yaml, with the commitment lists of data/commitment.yaml and the word lists
 * of data/language.yaml; the caller hands the result to the grader and the fact lookup.
 */
export function loadVocabulary(dir = contentDataDir()): Vocabulary {
  return readStored<Vocabulary>(COMPILED_VOCABULARY_FILE, dataKey(dir)) ?? parseVocabulary(dir);
}

/** The same as loadVocabulary, always from the YAML: what `npm run build` stores. */
export function parseVocabulary(dir = contentDataDir()): Vocabulary {
  const vocabulary = validateVocabulary(readYaml(join(dir, 'vocabulary.yaml')), join(dir, 'vocabulary.yaml'));
  // data/ ships every file; a folder with the vocabulary alone (a test's copy) grades with every sentence committed,
  // with the grader's own copy of the language lists, and its fact lookup weighs no word the sheet lacks.
  return {
    ...vocabulary,
    ...(existsSync(join(dir, 'commitment.yaml')) ? { commitment: loadCommitmentWords(dir) } : {}),
    ...(existsSync(join(dir, LANGUAGE_FILE)) ? { language: loadLanguage(dir) } : {}),
    ...(existsSync(join(dir, 'question-words.yaml')) ? { questionWords: loadQuestionWords(dir) } : {}),
  };
}

/** The data files the vocabulary is read from; `npm run build` stores the result under their key (compiled.ts). */
const DATA_FILES = ['vocabulary.yaml', 'commitment.yaml', LANGUAGE_FILE, 'question-words.yaml'];

/** Identifies the data files' text (a missing file counts as empty). */
export function dataKey(dir = contentDataDir()): string {
  return sourcesKey(DATA_FILES.map((name) => {
    const file = join(dir, name);
    return { file, text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
  }));
}

/** Reads and validates data/language.yaml. */
export function loadLanguage(dir = contentDataDir()): Language {
  return readLanguage(dir, readYaml);
}

/** Reads and validates data/question-words.yaml. */
export function loadQuestionWords(dir = contentDataDir()): QuestionWords {
  return readValidated(join(dir, 'question-words.yaml'), questionWordsSchema);
}

/** Reads and validates data/commitment.yaml. */
export function loadCommitmentWords(dir = contentDataDir()): CommitmentWords {
  return readValidated(join(dir, 'commitment.yaml'), commitmentSchema);
}

/** A YAML file checked against its schema; a broken one names the file and each field. */
function readValidated<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(readYaml(file));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}

function readYaml(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${(err as Error).message}`, { hint: 'Reinstall mlsd-coach: data/ ships with it.' });
  }
  try {
    return parseYaml(source);
  } catch (err) {
    throw new UserError(`invalid YAML in ${file}: ${(err as Error).message.split('\n')[0]}`, { hint: 'Fix the syntax at the line shown.' });
  }
}
