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
 * Concept phrasings of several words that keep only one once the grader drops its stopwords, when the prompt's own
 * statement uses that word: "most searched" is "searched" alone, so pasting the question back as an answer meets
 * it. One line per phrasing, with the file and field path; a one-word phrasing is chosen as it is and not listed.
 * Framework phrasings are checked against this prompt's statement too. The grader's word rules are passed in
 * (STOPWORDS and stem from src/grading), so that content does not import grading.
 */
export function statementShrinks(
  prompt: Pick<Prompt, 'id' | 'statement' | 'rubric'>,
  { stopwords, stem }: WordRules,
  framework?: Pick<Framework, 'criteria'>,
): string[] {
  const used = new Set(words(prompt.statement).map(stem));
  const problems: string[] = [];
  const check = (where: string, criteria: readonly Criterion[]) =>
    criteria.forEach((c, i) =>
      c.concepts.forEach((group, g) =>
        group.forEach((phrase, p) => {
          const all = words(phrase);
          const kept = all.filter((w) => !stopwords.has(w));
          if (all.length > 1 && kept.length === 1 && used.has(stem(kept[0]!))) {
            problems.push(`${where}.${i}.concepts.${g}.${p}: "${phrase}" is only "${kept[0]}" once stopwords go, a word the statement of ${prompt.id} uses`);
          }
        }),
      ),
    );
  check(`prompts/${prompt.id}.yaml → rubric.criteria`, prompt.rubric.criteria);
  if (framework) check('data/framework.yaml → criteria', framework.criteria);
  return problems;
}
