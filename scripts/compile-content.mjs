#!/usr/bin/env node
// Run by `npm run build` after tsc: parses and validates the built-in prompts and framework, and the data files of
// the vocabulary, once and stores them as JSON beside the built code (dist/content/*.compiled.json), keyed by the
// files' contents, so that a run starts without parsing a megabyte of YAML. A run whose files differ from the key
// parses them as before.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (...path) => import(pathToFileURL(join(root, 'dist', ...path)).href);
const { COMPILED_CONTENT_FILE, COMPILED_VOCABULARY_FILE, writeCompiledContent, writeStored } = await load('content', 'compiled.js');
const { loadBuiltins } = await load('content', 'load.js');
const { dataKey, parseVocabulary } = await load('content', 'vocabulary.js');

// Parse from the files, never from an earlier build's store.
rmSync(COMPILED_CONTENT_FILE, { force: true });
rmSync(COMPILED_VOCABULARY_FILE, { force: true });
try {
  const { key, framework, prompts } = loadBuiltins();
  writeCompiledContent(key, { framework, prompts });
  const dataDir = join(root, 'data');
  writeStored(COMPILED_VOCABULARY_FILE, dataKey(dataDir), parseVocabulary(dataDir));
} catch (err) {
  // The build must not fail on content that does not load: the CLI reports that itself, file and field.
  console.warn(`compile-content: skipped (${err.message.split('\n')[0]}); mlsd will parse the content at each run.`);
}
