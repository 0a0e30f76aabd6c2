import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { contentDataDir } from '../paths.js';

const word = z.string().trim().min(1, 'expected a non-empty word');
const list = z.array(word).min(1);
const example = z.strictObject({
  text: word,
  commits: z.array(word).default([]),
  holdsBack: z.array(word).default([]),
  credit: z.boolean().default(true),
});
export type CommitmentExample = z.infer<typeof example>;

/** data/commitment.yaml: the words that decide whether a sentence commits to what it names. */
export const commitmentSchema = z.strictObject({
  questions: z.strictObject({ fillers: list, inverted: list, invertedBeforePronoun: list, examples: z.array(example).min(1) }),
  hypothetical: z.strictObject({ conditionals: list, modals: list, consequenceModals: list, firstPerson: list, subjects: list, markers: list, examples: z.array(example).min(1) }),
  rejection: z.strictObject({ markers: list, pronouns: list, examples: z.array(example).min(1) }),
});
export type CommitmentWords = z.infer<typeof commitmentSchema>;

export function loadCommitmentWords(dir = contentDataDir()): CommitmentWords {
  const file = join(dir, 'commitment.yaml');
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${(err as Error).message.split('\n')[0]}`, { hint: 'Reinstall mlsd-coach: data/ ships with it.' });
  }
  const parsed = commitmentSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new UserError(`invalid content: ${lines.join('\n')}`, { hint: `Fix the fields above in ${file}.` });
}
