import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKey, readCompiledContent, writeCompiledContent, type SourceFiles } from '../../src/content/compiled.js';
import { loadBuiltins } from '../../src/content/load.js';
import { tempDir } from '../helpers/temp.js';

const tempFile = () => join(tempDir(), 'builtin.compiled.json');

describe('the built-in content stored by the build', () => {
  const parsed = loadBuiltins();

  it('reads back exactly what parsing and validating the files gives', () => {
    const file = tempFile();
    writeCompiledContent(parsed.key, parsed, file);
    const stored = readCompiledContent(parsed.key, file)!;
    expect(stored.prompts.map((p) => p.id)).toEqual(parsed.prompts.map((p) => p.id));
    expect(stored).toEqual({ framework: parsed.framework, prompts: parsed.prompts });
  });

  it('is not used for other files, nor when it is damaged', () => {
    const file = tempFile();
    writeCompiledContent(parsed.key, parsed, file);
    expect(readCompiledContent('another key', file)).toBeUndefined();
    writeFileSync(file, '{"format": 1, "key": "');
    expect(readCompiledContent(parsed.key, file)).toBeUndefined();
    expect(readCompiledContent(parsed.key, join(tempFile(), 'missing'))).toBeUndefined();
  });

  it('is keyed by every file\'s name and text, so one changed character is a miss', () => {
    const sources: SourceFiles = {
      framework: { file: 'data/framework.yaml', text: 'criteria: []' },
      prompts: [{ file: 'prompts/a.yaml', text: 'id: a' }, { file: 'prompts/b.yaml', text: 'id: b' }],
    };
    const key = contentKey(sources);
    expect(contentKey({ ...sources, prompts: [sources.prompts[0]!, { file: 'prompts/b.yaml', text: 'id: c' }] })).not.toBe(key);
    expect(contentKey({ ...sources, prompts: [sources.prompts[0]!, { file: 'prompts/c.yaml', text: 'id: b' }] })).not.toBe(key);
    expect(contentKey({ ...sources, framework: { file: 'data/framework.yaml', text: 'criteria: [] ' } })).not.toBe(key);
    expect(contentKey({ ...sources, prompts: [...sources.prompts] })).toBe(key);
  });
});
