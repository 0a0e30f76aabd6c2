import { loadContent, type Content } from '../../src/content/load.js';
import { loadVocabulary, type Vocabulary } from '../../src/content/vocabulary.js';
import { loadGrader, type Grade, type Grader } from '../../src/grading/index.js';

/**
 * The shipped prompts, framework, vocabulary and grader, loaded once per test worker (vitest keeps modules between
 * files) instead of once per test: parsing the YAML and loading the language model were most of the suite's CPU.
 * Grading is pure and the grader keeps only its compiled rubrics, checked against the prompt it is given. The
 * content and vocabulary are frozen, so a test or a command that changed them fails at once instead of leaking
 * the change into every later test.
 */
let content: Content | undefined;
let vocabulary: Vocabulary | undefined;
let grader: Promise<Grader> | undefined;

export function shippedContent(): Content {
  return (content ??= deepFreeze(loadContent()));
}

export function shippedVocabulary(): Vocabulary {
  return (vocabulary ??= deepFreeze(loadVocabulary()));
}

export function shippedGrader(): Promise<Grader> {
  return (grader ??= loadGrader({ vocabulary: shippedVocabulary() }).then(remembering));
}

/**
 * The grader, answering a grade it already gave from memory: the same fixture is graded against the same prompt
 * by score, drill, red-flag and content tests alike, some several times in one file. Keyed by the prompt and
 * framework objects (the shared ones are frozen; a pack's are new each load) and the input; each caller gets
 * its own copy.
 */
export function remembering(grader: Grader): Grader {
  const given = new WeakMap<object, WeakMap<object, Map<string, Grade>>>();
  return {
    grade(prompt, framework, input) {
      let byFramework = given.get(prompt);
      if (!byFramework) given.set(prompt, (byFramework = new WeakMap()));
      let byInput = byFramework.get(framework);
      if (!byInput) byFramework.set(framework, (byInput = new Map()));
      const key = JSON.stringify(input);
      let grade = byInput.get(key);
      if (!grade) byInput.set(key, (grade = grader.grade(prompt, framework, input)));
      return structuredClone(grade);
    },
    ...(grader.clearsPitfall ? { clearsPitfall: grader.clearsPitfall.bind(grader) } : {}),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
