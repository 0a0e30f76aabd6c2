import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framework, Prompt } from './schema.js';

/**
 * Parsing and validating YAML is most of what a command spends before it can show anything: ≈ 0.5 s for the
 * built-in prompts (about 1 MB), 60–100 ms for the data files. `npm run build` stores the validated result as JSON
 * beside the code (scripts/compile-content.mjs), keyed by the source files it came from; a run uses it only when the
 * files hash to the same key, so an edited file is never served stale — it is parsed and validated as before, which
 * is also how every problem is still reported.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const COMPILED_CONTENT_FILE = join(here, 'builtin.compiled.json');
export const COMPILED_VOCABULARY_FILE = join(here, 'vocabulary.compiled.json');
/** Bumped when the stored shape or what validation adds changes, so an old file is never read as new. */
const FORMAT = 2;

interface Stored<T> {
  format: number;
  key: string;
  value: T;
}

/** A source file as read once: the key and, on a miss, the parser use the same text. */
export interface SourceText {
  file: string;
  text: string;
}

/** Identifies source files by name and text: one changed character, or another file name, is another key. */
export function sourcesKey(sources: readonly SourceText[]): string {
  const hash = createHash('sha1');
  for (const { file, text } of sources) hash.update(`${basename(file)}\0${text}\0`);
  return hash.digest('hex');
}

/** The value stored in `file` for exactly this key, or undefined (missing, unreadable, older format, other files). */
export function readStored<T>(file: string, key: string): T | undefined {
  let stored: Stored<T>;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored<T>;
  } catch {
    return undefined;
  }
  return stored?.format === FORMAT && stored.key === key ? stored.value : undefined;
}

export function writeStored(file: string, key: string, value: unknown): void {
  writeFileSync(file, JSON.stringify({ format: FORMAT, key, value }));
}

export interface SourceFiles {
  framework: SourceText;
  prompts: SourceText[];
}

export function contentKey(sources: SourceFiles): string {
  return sourcesKey([sources.framework, ...sources.prompts]);
}

/** The stored built-in content for exactly these sources, or undefined. */
export function readCompiledContent(key: string, file = COMPILED_CONTENT_FILE): { framework: Framework; prompts: Prompt[] } | undefined {
  const stored = readStored<{ framework: Framework; prompts: Prompt[] }>(file, key);
  return stored && Array.isArray(stored.prompts) ? { framework: stored.framework, prompts: stored.prompts } : undefined;
}

export function writeCompiledContent(key: string, content: { framework: Framework; prompts: Prompt[] }, file = COMPILED_CONTENT_FILE): void {
  writeStored(file, key, { framework: content.framework, prompts: content.prompts });
}
