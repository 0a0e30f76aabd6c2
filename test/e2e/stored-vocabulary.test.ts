import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentDataDir, packageRoot } from '../../src/paths.js';
import { tempDir } from '../helpers/temp.js';

// Runs the built dist/ (`npm run build` stores the parsed data files beside dist/content/vocabulary.js).
const built = () =>
  import(pathToFileURL(join(packageRoot(), 'dist', 'content', 'vocabulary.js')).href) as Promise<typeof import('../../src/content/vocabulary.js')>;

describe('the data files as the build stored them', () => {
  it('are what parsing the YAML gives', async () => {
    const { loadVocabulary, parseVocabulary } = await built();
    expect(loadVocabulary()).toEqual(parseVocabulary());
  });

  it('are not used once a file is edited: the edit is read', async () => {
    const { loadVocabulary, dataKey } = await built();
    const dir = tempDir();
    cpSync(contentDataDir(), dir, { recursive: true });
    expect(dataKey(dir)).toBe(dataKey(contentDataDir()));
    const file = join(dir, 'vocabulary.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[conversion rate, cvr]', '[conversion rate, cvr, zebra rate]'));
    expect(dataKey(dir)).not.toBe(dataKey(contentDataDir()));
    expect(loadVocabulary(dir).synonyms).toContainEqual(['conversion rate', 'cvr', 'zebra rate']);
  });
});
