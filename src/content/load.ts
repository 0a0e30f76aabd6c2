import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { contentDataDir, promptsDir } from '../paths.js';
import { closest } from '../util/closest.js';
import { contentKey, readCompiledContent, type SourceFiles } from './compiled.js';
import { builtinIds, loadPack } from './packs.js';
import type { Framework, Prompt } from './schema.js';
import { displayPath, parseYamlData } from './source.js';
import { validateFramework, validatePrompt, type ContentIssue, type Validated } from './validate.js';

/** Everything the content folders hold, validated. */
export interface Content {
  framework: Framework;
  prompts: Prompt[];
}

const display = displayPath;

function contentError(file: string, issues: ContentIssue[]): UserError {
  const lines = issues.map((i) => `${display(file)} → ${i.path}: ${i.message}`);
  const [first, ...rest] = lines;
  return new UserError(`invalid content: ${first}${rest.length ? `\n${rest.join('\n')}` : ''}`, {
    hint: `Fix the ${issues.length === 1 ? 'field' : `${issues.length} fields`} above in ${display(file)}.`,
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${display(file)}: ${(err as Error).message}`);
  }
}

function readYaml(file: string, source = readText(file)): unknown {
  const parsed = parseYamlData(source);
  if (parsed.ok) return parsed.data;
  const [first] = parsed.issues;
  throw new UserError(`invalid YAML in ${display(file)}: ${first!.path}: ${first!.message}`, { hint: 'Fix the syntax at the line shown.' });
}

function checked<T>(file: string, result: Validated<T>): T {
  if (!result.ok) throw contentError(file, result.issues);
  return result.value;
}

export function loadFramework(dir = contentDataDir()): Framework {
  const file = join(dir, 'framework.yaml');
  return checked(file, validateFramework(readYaml(file)));
}

/** The built-in framework and prompts: stored by the build when the files are the ones it read, else parsed. */
export function loadBuiltins(options: Pick<LoadOptions, 'promptsDir' | 'dataDir'> = {}): { framework: Framework; prompts: Prompt[]; key: string; files: string[] } {
  const frameworkFile = join(options.dataDir ?? contentDataDir(), 'framework.yaml');
  const sources: SourceFiles = {
    framework: { file: frameworkFile, text: readText(frameworkFile) },
    prompts: promptFiles(options.promptsDir).map((file) => ({ file, text: readText(file) })),
  };
  const key = contentKey(sources);
  const files = sources.prompts.map((p) => p.file);
  const stored = readCompiledContent(key);
  if (stored) return { ...stored, key, files };
  const framework = checked(frameworkFile, validateFramework(readYaml(frameworkFile, sources.framework.text)));
  const prompts: Prompt[] = [];
  const errors: UserError[] = [];
  for (const { file, text } of sources.prompts) {
    try {
      prompts.push(parsePrompt(file, text, framework));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new UserError(errors.map((e) => e.message).join('\n'), { hint: 'Fix the fields above in the files named.' });
  }
  return { framework, prompts, key, files };
}

export function promptFiles(dir = promptsDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => join(dir, f));
}

export interface LoadOptions {
  promptsDir?: string;
  dataDir?: string;
  /** A folder of the user's own prompt files, added to the built-in ones (`--prompts-dir`, `MLSD_PROMPTS_DIR`). */
  packDir?: string;
  /** Told one line for each pack file that is skipped, and why. */
  warn?: (line: string) => void;
}

/**
 * Loads and validates every built-in prompt; all problems across all files are reported together. Then the
 * pack's prompts, if a pack is given: a broken pack file is skipped with a warning and never stops the rest.
 */
export function loadContent(options: LoadOptions = {}): Content {
  const { framework, prompts, files } = loadBuiltins(options);
  // The built-in folder named as a pack adds nothing, and is not a folder of collisions either.
  if (options.packDir && resolve(options.packDir) !== resolve(options.promptsDir ?? promptsDir())) {
    const pack = loadPack(options.packDir, { framework, builtins: builtinIds(files) });
    for (const line of pack.warnings) options.warn?.(line);
    prompts.push(...pack.prompts);
  }
  return { framework, prompts };
}

/** One prompt file, checked against itself and, when given, the framework. */
export function loadPromptFile(file: string, framework?: Framework): Prompt {
  return parsePrompt(file, readText(file), framework);
}

function parsePrompt(file: string, text: string, framework?: Framework): Prompt {
  return checked(file, validatePrompt(readYaml(file, text), { expectedId: basename(file, '.yaml'), framework }));
}

/** The prompt with this id, or a UserError that suggests the closest ids. */
export function findPrompt(content: Content, id: string): Prompt {
  const found = content.prompts.find((p) => p.id === id);
  if (found) return found;
  const ids = content.prompts.map((p) => p.id);
  const near = closest(id, ids);
  throw new UserError(`unknown prompt "${id}"`, {
    hint: near.length
      ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}? \`mlsd prompts\` lists them all.`
      : `Known prompts: ${ids.join(', ')}. \`mlsd prompts\` lists them; a prompt of your own also needs its folder: --prompts-dir <dir> or MLSD_PROMPTS_DIR.`,
  });
}
