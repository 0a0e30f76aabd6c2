import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const core = join(src, 'interview');

/** Every module specifier a file imports or re-exports, types included. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('the interview core', () => {
  it('has files to check, and their imports are found', () => {
    expect(files).toContain('runner.ts');
    expect(specifiers(join(core, 'runner.ts'))).toContain('./asker.js');
  });

  it.each(files)('%s imports nothing from src/ui or src/store, nor a colour library', (file) => {
    const path = join(core, file);
    const targets = specifiers(path).map((s) => (s.startsWith('.') ? relative(src, resolve(dirname(path), s)) : s));
    const outside = targets.filter((t) => t.startsWith('ui/') || t.startsWith('store/') || t === 'chalk');
    expect(outside).toEqual([]);
  });

  it.each(files)('%s writes no terminal escape sequences', (file) => {
    expect(readFileSync(join(core, file), 'utf8')).not.toMatch(/\\u001b|\\x1b|\u001b/i);
  });
});
