import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framework, Prompt } from './schema.js';

/**
 * Parsing the built-in YAML (about 1 MB) is most of what a command spends before it can show anything: ≈ 0.5 s.
 * `npm run build` stores the validated content as JSON beside the code (scripts/compile-content.mjs), keyed by
 * the files it came from; a run uses it only when the files hash to the same key, so an edited prompt is never
 * served stale — it is parsed and validated as before, which is also how every problem is still reported.
 */
export const COMPILED_CONTENT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'builtin.compiled.json');
/** Bumped when the stored shape or what validation adds changes, so an old file is never read as new. */
const FORMAT = 1;

interface Stored {
  format: number;
  key: string;
  framework: Framework;
  prompts: Prompt[];
}

/** Sources read once: the key and, on a miss, the parser use the same text. */
export interface SourceFiles {
  framework: { file: string; text: string };
  prompts: Array<{ file: string; text: string }>;
}

export function contentKey(sources: SourceFiles): string {
  const hash = createHash('sha1');
  for (const { file, text } of [sources.framework, ...sources.prompts]) hash.update(`${basename(file)}\0${text}\0`);
  return hash.digest('hex');
}

/** The stored content for exactly these sources, or undefined (missing, unreadable, older format, other files). */
export function readCompiledContent(key: string, file = COMPILED_CONTENT_FILE): { framework: Framework; prompts: Prompt[] } | undefined {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored?.format !== FORMAT || stored.key !== key || !Array.isArray(stored.prompts)) return undefined;
  return { framework: stored.framework, prompts: stored.prompts };
}

export function writeCompiledContent(key: string, content: { framework: Framework; prompts: Prompt[] }, file = COMPILED_CONTENT_FILE): void {
  const stored: Stored = { format: FORMAT, key, framework: content.framework, prompts: content.prompts };
  writeFileSync(file, JSON.stringify(stored));
}
