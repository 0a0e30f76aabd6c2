import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { PHASE_IDS } from '../phases.js';
import { LANGUAGE, LANGUAGE_KEY } from './language.compiled.js';

const word = z.string().trim().min(1, 'expected a non-empty word').refine((w) => w === w.toLowerCase(), 'expected lower case');
const list = z.array(word).min(1, 'expected at least one word');
/** The negation rules read these phrases as a word and the one right after it. */
const pairs = z.array(word.refine((w) => w.split(/\s+/).length === 2, 'expected two words')).min(1, 'expected at least one phrase');

/** data/language.yaml: the word lists that steer how the grader reads an answer (see the file's header). */
export const languageSchema = z.strictObject({
  negation: z.strictObject({
    clauseNegators: list,
    phraseNegators: list,
    protectedFaults: list,
    notContrast: list,
    protectiveVerbs: list,
    protectivePhrases: list,
    guards: list,
    conditionalOpeners: list,
    clauseBreaks: list,
    arrows: list,
    relativePronouns: list,
    subjectPronouns: list,
  }),
  dismissals: z.strictObject({
    afterNot: list,
    afterNo: list,
    words: list,
    rejectingVerbs: list,
    rejectingPhrases: pairs,
    settingAside: pairs,
    alternativeTo: list,
  }),
  headings: z.strictObject(Object.fromEntries(PHASE_IDS.map((id) => [id, list])) as Record<(typeof PHASE_IDS)[number], typeof list>),
  signals: z.strictObject({
    tradeoffs: z.strictObject({ strong: list, alternative: list, reason: list, notedChoice: list, notedChoiceOpeners: list }),
    quantities: z.strictObject({ scale: list, throughput: list, throughputWords: list, latency: list, size: list }),
  }),
  stopwords: list,
  notes: z.strictObject({ qualifiers: list }),
});
export type Language = z.infer<typeof languageSchema>;

export const LANGUAGE_FILE = 'language.yaml';

/** Validates parsed language lists; every problem is listed with the file and its field path. */
export function validateLanguage(data: unknown, file = `data/${LANGUAGE_FILE}`): Language {
  const parsed = languageSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}

/**
 * Reads and validates data/language.yaml with the given YAML reader (the vocabulary loader's, which names the file
 * on errors). The shipped text is not parsed again: when it hashes to the generated copy's key, that copy is the
 * validated result (scripts/compile-language.mjs).
 */
export function readLanguage(dir: string, readYaml: (file: string) => unknown): Language {
  const file = join(dir, LANGUAGE_FILE);
  try {
    if (createHash('sha1').update(readFileSync(file, 'utf8')).digest('hex') === LANGUAGE_KEY) return LANGUAGE;
  } catch {
    // readYaml reports an unreadable file.
  }
  return validateLanguage(readYaml(file), file);
}
