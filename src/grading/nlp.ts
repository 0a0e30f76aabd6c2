import type { ItemSentence, ItsFunction } from 'wink-nlp';

/** One token as wink-nlp sees it. */
export interface RawToken {
  text: string;
  /** Lower-case lemma. */
  lemma: string;
  /** Universal POS tag: NOUN, VERB, AUX, ADP, PUNCT… */
  pos: string;
  /** wink token type: word, number, punctuation, symbol, mention, … */
  type: string;
}

export interface RawSentence {
  text: string;
  tokens: RawToken[];
}

/** Sentence splitting, lemmas and part-of-speech tags for a piece of prose. */
export interface Nlp {
  sentences(text: string): RawSentence[];
  /** Tokens of many short texts (rubric phrases) in one pass: one model call instead of one per phrase. */
  tokenizeMany(texts: readonly string[]): RawToken[][];
  /** Whether the model's English lexicon knows the word ("appear": yes; "retreival": no). */
  isKnownWord(word: string): boolean;
}

/** Separates short texts in one batched document; wink-nlp keeps it as a token of its own. */
const SEPARATOR = '¶';

function zip(texts: string[], lemmas: string[], tags: string[], types: string[]): RawToken[] {
  return texts.map((t, i) => ({ text: t, lemma: (lemmas[i] ?? t).toLowerCase(), pos: tags[i] ?? 'X', type: types[i] ?? 'word' }));
}

/**
 * wink reads "ms." or "min." after a number as an abbreviation and runs on into the next sentence ("… in 100 ms.
 * Candidate generation …"), which lets a negation in one sentence reach the next. Detached, the full stop ends it.
 */
export function splitAfterUnits(text: string): string {
  return text.replace(/(\d\s?(?:ms|sec|secs|min|mins|hrs?|s))\.(?=\s+[A-Z])/g, '$1 .');
}

/** Loads wink-nlp and its English model (about 100 ms); call once and keep the result. */
export async function loadNlp(): Promise<Nlp> {
  const [{ default: winkNLP }, { default: model }] = await Promise.all([
    import('wink-nlp'),
    import('wink-eng-lite-web-model'),
  ]);
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const lemma = its.lemma as ItsFunction<string>;
  const pos = its.pos as ItsFunction<string>;
  const type = its.type as ItsFunction<string>;
  const lexicon = nlp.readDoc('');
  return {
    isKnownWord: (word: string) => !lexicon.isOOV(word),
    sentences(text: string): RawSentence[] {
      const out: RawSentence[] = [];
      nlp.readDoc(splitAfterUnits(text)).sentences().each((sentence: ItemSentence) => {
        const tokens = sentence.tokens();
        const texts = tokens.out() as string[];
        const lemmas = tokens.out(lemma) as string[];
        const tags = tokens.out(pos) as string[];
        const types = tokens.out(type) as string[];
        out.push({ text: (sentence.out() as string).trim().replace(/ \.$/, '.'), tokens: zip(texts, lemmas, tags, types) });
      });
      return out;
    },
    tokenizeMany(texts: readonly string[]): RawToken[][] {
      if (!texts.length) return [];
      const tokens = nlp.readDoc(texts.map((t) => t.replaceAll(SEPARATOR, ' ')).join(` ${SEPARATOR} `)).tokens();
      const all = zip(tokens.out() as string[], tokens.out(lemma) as string[], tokens.out(pos) as string[], tokens.out(type) as string[]);
      const out: RawToken[][] = [[]];
      for (const t of all) {
        if (t.text === SEPARATOR) out.push([]);
        else out[out.length - 1]!.push(t);
      }
      return out;
    },
  };
}
