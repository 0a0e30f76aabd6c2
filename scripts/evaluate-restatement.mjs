#!/usr/bin/env node
// Grades each prompt's own statement, pasted under all six headings, as if it were an answer. Restating the
// question says nothing a candidate decided, so every criterion it earns is a concept phrase too close to the
// prompt's own words. Prints one Markdown row per prompt and the total. Run after `npm run build`.
import { loadContent } from '../dist/content/load.js';
import { loadVocabulary } from '../dist/content/vocabulary.js';
import { loadGrader } from '../dist/grading/index.js';
import { statementAsAnswer } from '../dist/grading/restatement.js';

const content = loadContent();
const grader = await loadGrader({ vocabulary: loadVocabulary() });
let earned = 0;
console.log('| prompt | total | verdict | criteria the statement earns (½ = half credit) |');
console.log('|---|---|---|---|');
for (const prompt of content.prompts) {
  const grade = grader.grade(prompt, content.framework, { sections: statementAsAnswer(prompt.statement) });
  const met = grade.criteria.filter((c) => c.met || (c.credit ?? 0) > 0);
  earned += met.length;
  console.log(`| ${prompt.id} | ${grade.total} | ${grade.level} | ${met.map((c) => `${c.id}${c.met ? '' : ' ½'}`).join(', ') || '—'} |`);
}
console.log(`\n${earned} criteria earned by restating the ${content.prompts.length} prompts.`);
