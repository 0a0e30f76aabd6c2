#!/usr/bin/env node
// Checks every content file (data/framework.yaml, data/vocabulary.yaml, prompts/*.yaml) and prints every problem
// with its file and field path, phrasings that shrink to one word of their prompt's statement included; exits 1 if there is any. `npm run lint:content` builds first, runs this, then the
// content tests. `--prompts <dir>` and `--data <dir>` check other folders.
import { parseArgs } from 'node:util';
import { lintContent, statementShrinks } from '../dist/content/lint.js';
import { loadContent, promptFiles } from '../dist/content/load.js';
import { STOPWORDS } from '../dist/grading/lexicon.js';
import { stem } from '../dist/grading/stem.js';

const { values } = parseArgs({ options: { prompts: { type: 'string' }, data: { type: 'string' } } });
const problems = lintContent({ promptsDir: values.prompts, dataDir: values.data });
if (!problems.length) {
  // Phrasings that shrink to one word of the prompt's own statement: content/lint.ts cannot import the grader's word
  // rules, so they are handed in here.
  const content = loadContent({ promptsDir: values.prompts, dataDir: values.data });
  for (const prompt of content.prompts) problems.push(...statementShrinks(prompt, { stopwords: STOPWORDS, stem }, content.framework));
}
if (problems.length) {
  for (const line of problems) console.error(line);
  console.error(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the content: fix the fields named above.`);
  process.exitCode = 1;
} else {
  console.log(`content ok: ${promptFiles(values.prompts).length} prompts, the framework and the vocabulary`);
}
