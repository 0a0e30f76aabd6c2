import { UserError } from '../errors.js';
import { loadFramework, loadPromptFile, promptFiles } from './load.js';
import type { Criterion, Framework, Prompt } from './schema.js';
import { loadVocabulary } from './vocabulary.js';

/**
 * Checks every content file (the framework, the vocabulary, each prompt) and returns every problem, one line
 * each, naming the file and the field path ("prompts/fraud.yaml → rubric.criteria.3.weight: …"); an empty list
 * when all is well. A broken file does not stop the others from being checked.
 */
export function lintContent(options: { promptsDir?: string; dataDir?: string } = {}): string[] {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.message.replace(/^invalid content: /, '').split('\n'));
      return undefined;
    }
  };
  const framework: Framework | undefined = attempt(() => loadFramework(options.dataDir));
  attempt(() => loadVocabulary(options.dataDir));
  for (const file of promptFiles(options.promptsDir)) attempt(() => loadPromptFile(file, framework));
  return problems;
}

/** Lower-case words as the grader splits them: a hyphen or a possessive "'s" separates, punctuation goes. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** How the grader reduces a word: the words it drops, and the stem it compares the rest on. */
export interface WordRules {
  stopwords: ReadonlySet<string>;
  stem: (word: string) => string;
}

/**
 * Requirements phrasings of several words that keep only one once the grader drops its stopwords, when the prompt's
 * own statement uses that word: "most searched" is "searched" alone, so pasting the question back as an answer meets
 * it. Only requirements criteria are checked: in every later phase the grader itself holds back a sentence that
 * restates the prompt (src/grading/restatement.ts), while under requirements restating a given constraint may count,
 * so there a phrasing must not be met by the statement's words alone — when the statement's words could meet the
 * criterion's other groups too. One line per phrasing, with the file and field
 * path; a one-word phrasing is chosen as it is and not listed. Framework phrasings are checked against this prompt's
 * statement too. The grader's word rules are passed in (STOPWORDS and stem from src/grading), so that content does not
 * import grading.
 */
export function statementShrinks(
  prompt: Pick<Prompt, 'id' | 'statement' | 'rubric'>,
  { stopwords, stem }: WordRules,
  framework?: Pick<Framework, 'criteria'>,
): string[] {
  const used = new Set(words(prompt.statement).map(stem));
  const problems: string[] = [];
  const kept = (phrase: string) => words(phrase).filter((w) => !stopwords.has(w));
  // A group the statement's own words could meet: one of its phrasings keeps only words the statement uses.
  const statementMeets = (group: readonly string[]) => group.some((phrase) => kept(phrase).every((w) => used.has(stem(w))));
  const check = (where: string, criteria: readonly Criterion[]) =>
    criteria.forEach((c, i) => {
      if (c.phase !== 'requirements') return;
      // Only a criterion the statement could meet whole is at risk: its other groups met by the statement's words too.
      const need = c.need ?? c.concepts.length;
      c.concepts.forEach((group, g) => {
        const others = c.concepts.filter((other, o) => o !== g && statementMeets(other)).length;
        if (others + 1 < need) return;
        group.forEach((phrase, p) => {
          const all = words(phrase);
          const left = kept(phrase);
          if (all.length > 1 && left.length === 1 && used.has(stem(left[0]!))) {
            problems.push(`${where}.${i}.concepts.${g}.${p}: "${phrase}" is only "${left[0]}" once stopwords go, a word the statement of ${prompt.id} uses`);
          }
        });
      });
    });
  check(`prompts/${prompt.id}.yaml → rubric.criteria`, prompt.rubric.criteria);
  if (framework) check('data/framework.yaml → criteria', framework.criteria);
  return problems;
}
