import { UserError } from '../errors.js';
import { loadFramework, loadPromptFile, promptFiles } from './load.js';
import type { Framework } from './schema.js';
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
