import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', 'src', 'pipeline');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]!);
const pure = readdirSync(root).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
const io = readdirSync(join(root, 'io')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'io', f));

describe('src/pipeline layering', () => {
  it.each(pure)('%s (simulation, stages, metrics) touches no files or database', (file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/^(node:)?fs(\/promises)?$|better-sqlite3|^\.\/io\//);
    }
  });

  it.each([...pure, ...io])('%s imports nothing from the CLI: commands, ui, context or its error types', (file) => {
    const src = resolve(root, '..');
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      expect(target.startsWith(join(src, 'commands')) || target.startsWith(join(src, 'ui'))).toBe(false);
      expect([join(src, 'errors.js'), join(src, 'context.js')]).not.toContain(target);
    }
  });
});
