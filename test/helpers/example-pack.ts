import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export const AUTHORING_DOC = join(import.meta.dirname, '../../docs/authoring.md');

/** The complete example prompt of docs/authoring.md: the YAML block right after its `example-pack` marker. */
export function examplePrompt(): { name: string; yaml: string } {
  const doc = readFileSync(AUTHORING_DOC, 'utf8');
  const found = /<!-- example-pack: ([\w.-]+\.yaml) -->\s*```yaml\n([\s\S]*?)\n```/.exec(doc);
  if (!found) throw new Error('docs/authoring.md has no example-pack block');
  return { name: found[1]!, yaml: `${found[2]!}\n` };
}

/** A temp folder holding the example prompt (and any more files given); remove it when done. */
export function writeExamplePack(more: Record<string, string> = {}): { dir: string; id: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  const { name, yaml } = examplePrompt();
  writeFileSync(join(dir, name), yaml);
  for (const [file, text] of Object.entries(more)) writeFileSync(join(dir, file), text);
  return { dir, id: name.replace(/\.yaml$/, ''), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The example pack for the current test, removed when it ends. Call it inside a test. */
export function examplePack(more: Record<string, string> = {}): { dir: string; id: string } {
  const made = writeExamplePack(more);
  onTestFinished(made.remove);
  return made;
}
