#!/usr/bin/env node
// Checks every content file (data/framework.yaml, data/vocabulary.yaml, prompts/*.yaml) and prints every problem
// with its file and field path; exits 1 if there is any. `npm run lint:content` builds first, runs this, then the
// content tests. `--prompts <dir>` and `--data <dir>` check other folders.
import { parseArgs } from 'node:util';
import { lintContent } from '../dist/content/lint.js';
import { promptFiles } from '../dist/content/load.js';

const { values } = parseArgs({ options: { prompts: { type: 'string' }, data: { type: 'string' } } });
const problems = lintContent({ promptsDir: values.prompts, dataDir: values.data });
if (problems.length) {
  for (const line of problems) console.error(line);
  console.error(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the content: fix the fields named above.`);
  process.exitCode = 1;
} else {
  console.log(`content ok: ${promptFiles(values.prompts).length} prompts, the framework and the vocabulary`);
}
