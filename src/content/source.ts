import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { systemErrorText } from '../util/system-error.js';
import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from 'yaml';
import type { ContentIssue } from './validate.js';

/**
 * Plain data only: the YAML 1.2 core schema (strings, numbers, booleans, null, lists, maps), no custom or
 * 1.1 tags (`!!binary`, `!!set`, `!!js/function` stay unresolved and are refused), no `<<` merge keys,
 * duplicate keys refused, and alias expansion bounded. Parsing a file can never run code.
 */
const SAFE: ParseOptions & DocumentOptions & SchemaOptions & { maxAliasCount: number } = {
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: true,
  maxAliasCount: 100,
};

function where(error: YAMLError): string {
  const at = error.linePos?.[0];
  return at ? `line ${at.line}, column ${at.col}` : '(yaml)';
}

function firstLine(error: YAMLError): string {
  const message = error.message.split('\n')[0] ?? error.message;
  return message.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML source as plain data. Syntax errors and warnings (an unknown tag) are returned as issues, each
 * with its line and column as the path, rather than thrown.
 */
export function parseYamlData(source: string): { ok: true; data: unknown } | { ok: false; issues: ContentIssue[] } {
  const doc = parseDocument(source, SAFE);
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) {
    return { ok: false, issues: problems.map((e) => ({ path: where(e), message: firstLine(e) })) };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: SAFE.maxAliasCount }) };
  } catch (err) {
    return { ok: false, issues: [{ path: '(yaml)', message: (err as Error).message.split('\n')[0] ?? 'cannot be read' }] };
  }
}

/** A content file named as the user would type it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** Reads and parses one content file, refusing it unread when it is larger than `maxBytes`. */
export function readContentFile(file: string, maxBytes: number): { ok: true; data: unknown } | { ok: false; issues: ContentIssue[] } {
  let source: string;
  try {
    const stats = statSync(file);
    // A named pipe or a device would block the read, or never end it.
    if (!stats.isFile()) return { ok: false, issues: [{ path: '(file)', message: 'is not a regular file' }] };
    const { size } = stats;
    if (size > maxBytes) {
      return { ok: false, issues: [{ path: '(file)', message: `${bytes(size)}; a content file may be at most ${bytes(maxBytes)}` }] };
    }
    source = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, issues: [{ path: '(file)', message: `cannot be read: ${systemErrorText(err)}` }] };
  }
  return parseYamlData(source);
}
