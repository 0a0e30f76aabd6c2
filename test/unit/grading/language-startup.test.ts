import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/**
 * The modules a run loads before any command's lazy import: the static, value-level imports reachable from the
 * entry (type-only imports are erased; `await import(…)` waits for a command to run).
 */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const node of source.statements) {
      const declaration = ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier) ? node : undefined;
      if (!declaration?.moduleSpecifier || !ts.isStringLiteral(declaration.moduleSpecifier)) continue;
      const typeOnly = ts.isImportDeclaration(declaration) ? declaration.importClause?.isTypeOnly : declaration.isTypeOnly;
      const specifier = declaration.moduleSpecifier.text;
      if (typeOnly || !specifier.startsWith('.')) continue;
      visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return new Set([...seen].map((f) => relative(SRC, f)));
}

describe('mlsd --help does not load the language lists', () => {
  it('reaches neither data/language.yaml\'s loader nor the grader\'s copy of it from src/cli.ts', () => {
    const loaded = loadedAtStart(resolve(SRC, 'cli.ts'));
    // The walk does follow the entry's imports: the command table and the phases are loaded at start.
    expect(loaded).toContain('commands/table.ts');
    expect(loaded).toContain('phases.ts');
    expect([...loaded].filter((f) => /^grading\/|content\/(language|language\.compiled|vocabulary)\.ts$/.test(f))).toEqual([]);
  });

  it('would see them if a module loaded at start imported the grader', () => {
    expect(loadedAtStart(resolve(SRC, 'grading', 'markdown.ts'))).toContain('content/language.compiled.ts');
  });
});
