import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { controlCharacter, safeStrings } from '../util/safe-text.js';
import { systemErrorText } from '../util/system-error.js';
import type { Framework, Prompt } from './schema.js';
import { displayPath, readContentFile } from './source.js';
import { validateFramework, validatePrompt, type ContentIssue } from './validate.js';
import { vocabularySchema } from './vocabulary.js';

/** How much of a pack is read at all: it is untrusted, and every prompt in it is loaded by every command. */
export const PACK_LIMITS = { fileBytes: 1_000_000, prompts: 200, totalBytes: 20_000_000 } as const;

/** One problem in one file, for `mlsd prompts validate`. */
export interface FileIssue {
  file: string;
  path: string;
  message: string;
}

const PROMPT_EXTENSIONS = new Set(['.yaml', '.yml']);

/** The prompt files of a folder, `.yaml` or `.yml`, sorted; names starting with `_` or `.` are left out. */
export function packFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => PROMPT_EXTENSIONS.has(extname(f)) && !f.startsWith('_') && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

/** A prompt's id is its file name without the extension. */
export function idOfFile(file: string): string {
  return basename(file, extname(file));
}

/** Every string (and key) of parsed YAML holding a character a terminal would act on, with its dotted path. */
export function controlIssues(data: unknown, path: string[] = []): ContentIssue[] {
  const issue = (at: string[], code: string, what: string): ContentIssue => ({
    path: at.join('.') || '(root)',
    message: `${what} the control character ${code}, which a terminal would act on; remove it`,
  });
  if (typeof data === 'string') {
    const code = controlCharacter(data);
    return code ? [issue(path, code, 'contains')] : [];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => controlIssues(item, [...path, String(i)]));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => {
      const code = controlCharacter(key);
      return [...(code ? [issue([...path, key], code, 'its name contains')] : []), ...controlIssues(value, [...path, key])];
    });
  }
  return [];
}

export interface CheckOptions {
  framework?: Framework;
  /** Built-in prompt ids and their files: a pack prompt may not take one of these ids. */
  builtins?: ReadonlyMap<string, string>;
  /**
   * `report`: a control character is a problem (`mlsd prompts validate`). `inert`: it is replaced by a visible
   * placeholder (every other command), so a pack can never drive the terminal, only look odd.
   */
  controls: 'report' | 'inert';
}

/** Reads and checks one prompt file; every problem found is returned, with the prompt when there is none. */
export function checkPromptFile(file: string, options: CheckOptions): { prompt?: Prompt; issues: ContentIssue[] } {
  const id = idOfFile(file);
  const builtin = options.builtins?.get(id);
  const collision: ContentIssue[] = builtin
    ? [{ path: 'id', message: `"${id}" is the id of a built-in prompt (${displayPath(builtin)}); give this prompt another id and file name` }]
    : [];
  const read = readContentFile(file, PACK_LIMITS.fileBytes);
  if (!read.ok) return { issues: [...collision, ...read.issues] };
  const controls = options.controls === 'report' ? controlIssues(read.data) : [];
  const data = options.controls === 'inert' ? safeStrings(read.data) : read.data;
  const result = validatePrompt(data, { expectedId: id, framework: options.framework });
  const issues = [...collision, ...controls, ...(result.ok ? [] : result.issues)];
  return result.ok && !issues.length ? { prompt: result.value, issues } : { issues };
}

/** A file's size, or 0 when it cannot be read (reading it later names the problem). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export interface PackCheck {
  prompts: Prompt[];
  /** Problems by file, in file order; a file with problems gives no prompt. */
  problems: { file: string; issues: ContentIssue[] }[];
  /** A problem with the folder itself (missing, too many files): then no file was read. */
  folder?: string;
}

/** Checks every prompt file of a pack folder against the framework, the built-in ids and one another. */
export function checkPack(dir: string, options: CheckOptions): PackCheck {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return { prompts: [], problems: [], folder: `${displayPath(dir)} is not a folder` };
    files = packFiles(dir);
  } catch (err) {
    return { prompts: [], problems: [], folder: `cannot read the folder ${displayPath(dir)}: ${systemErrorText(err)}` };
  }
  if (files.length > PACK_LIMITS.prompts) {
    return {
      prompts: [],
      problems: [],
      folder: `${displayPath(dir)} holds ${files.length} prompt files; a pack may hold at most ${PACK_LIMITS.prompts}`,
    };
  }
  const total = files.reduce((sum, file) => sum + sizeOf(file), 0);
  if (total > PACK_LIMITS.totalBytes) {
    return {
      prompts: [],
      problems: [],
      folder: `${displayPath(dir)} holds ${total.toLocaleString('en-US')} bytes of prompt files; a pack may hold at most ${PACK_LIMITS.totalBytes.toLocaleString('en-US')}`,
    };
  }
  const prompts: Prompt[] = [];
  const problems: PackCheck['problems'] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const { prompt, issues } = checkPromptFile(file, options);
    const twin = seen.get(idOfFile(file));
    if (twin) issues.unshift({ path: 'id', message: `duplicate prompt id "${idOfFile(file)}" (also ${displayPath(twin)})` });
    else seen.set(idOfFile(file), file);
    if (issues.length) problems.push({ file, issues });
    else if (prompt) prompts.push(prompt);
  }
  return { prompts, problems, folder: undefined };
}

/**
 * The prompts of a pack for a command that is not `validate`: a broken file is skipped with one warning line
 * (the built-in prompts never depend on a pack), control characters are made visible and inert.
 */
export function loadPack(dir: string, options: Omit<CheckOptions, 'controls'>): { prompts: Prompt[]; warnings: string[] } {
  const check = checkPack(dir, { ...options, controls: 'inert' });
  const validate = `\`mlsd prompts validate ${displayPath(dir)}\` lists every problem`;
  if (check.folder) return { prompts: [], warnings: [`prompt pack skipped: ${check.folder}.`] };
  const warnings = check.problems.map(({ file, issues }) => {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return `skipped ${displayPath(file)}: ${first!.path}: ${first!.message}${more}; ${validate}.`;
  });
  return { prompts: check.prompts, warnings };
}

/** Built-in prompt ids and their files, from the file names alone (no file is parsed). */
export function builtinIds(files: readonly string[]): Map<string, string> {
  return new Map(files.map((f) => [idOfFile(f), f]));
}

/** What `mlsd prompts validate` found: the counts of what it checked, and every problem. */
export interface ValidationReport {
  files: number;
  prompts: number;
  criteria: number;
  pitfalls: number;
  issues: FileIssue[];
}

function vocabularyIssues(data: unknown): ContentIssue[] {
  const parsed = vocabularySchema.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

function fileIssues(file: string, issues: readonly ContentIssue[]): FileIssue[] {
  return issues.map((i) => ({ file: displayPath(file), path: i.path, message: i.message }));
}

function count(prompts: readonly Prompt[], framework?: Framework): { criteria: number; pitfalls: number } {
  return {
    criteria: prompts.reduce((n, p) => n + p.rubric.criteria.length, framework?.criteria.length ?? 0),
    pitfalls: prompts.reduce((n, p) => n + p.pitfalls.length, framework?.pitfalls.length ?? 0),
  };
}

/** Checks a pack folder as `--prompts-dir` would load it, but reports every problem of every file. */
export function validatePackFolder(dir: string, options: { framework: Framework; builtins: ReadonlyMap<string, string> }): ValidationReport {
  const check = checkPack(dir, { ...options, controls: 'report' });
  if (check.folder) return { files: 0, prompts: 0, criteria: 0, pitfalls: 0, issues: [{ file: displayPath(dir), path: '(folder)', message: check.folder }] };
  return {
    files: check.prompts.length + check.problems.length,
    prompts: check.prompts.length,
    ...count(check.prompts),
    issues: check.problems.flatMap(({ file, issues }) => fileIssues(file, issues)),
  };
}

/**
 * Checks the content that ships: data/framework.yaml, data/vocabulary.yaml and every prompt file. A broken
 * framework does not stop the prompts from being checked (only against it).
 */
export function validateBuiltIn(dirs: { promptsDir: string; dataDir: string; promptFiles: readonly string[] }): ValidationReport {
  const issues: FileIssue[] = [];
  const frameworkFile = join(dirs.dataDir, 'framework.yaml');
  let framework: Framework | undefined;
  const read = readContentFile(frameworkFile, PACK_LIMITS.fileBytes);
  if (!read.ok) issues.push(...fileIssues(frameworkFile, read.issues));
  else {
    issues.push(...fileIssues(frameworkFile, controlIssues(read.data)));
    const result = validateFramework(read.data);
    if (result.ok) framework = result.value;
    else issues.push(...fileIssues(frameworkFile, result.issues));
  }
  const vocabularyFile = join(dirs.dataDir, 'vocabulary.yaml');
  const vocabulary = readContentFile(vocabularyFile, PACK_LIMITS.fileBytes);
  if (!vocabulary.ok) issues.push(...fileIssues(vocabularyFile, vocabulary.issues));
  else issues.push(...fileIssues(vocabularyFile, [...controlIssues(vocabulary.data), ...vocabularyIssues(vocabulary.data)]));
  const prompts: Prompt[] = [];
  for (const file of dirs.promptFiles) {
    const checked = checkPromptFile(file, { framework, controls: 'report' });
    issues.push(...fileIssues(file, checked.issues));
    if (checked.prompt) prompts.push(checked.prompt);
  }
  return { files: dirs.promptFiles.length + 2, prompts: prompts.length, ...count(prompts, framework), issues };
}
