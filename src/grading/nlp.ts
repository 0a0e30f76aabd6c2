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
}

/** Loads wink-nlp and its English model (about 100 ms); call once and keep the result. */
export async function loadNlp(): Promise<Nlp> {
  const [{ default: winkNLP }, { default: model }] = await Promise.all([
    import('wink-nlp'),
    import('wink-eng-lite-web-model'),
  ]);
  const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
  const its = nlp.its;
  const lemma = its.lemma as ItsFunction<string>;
  const pos = its.pos as ItsFunction<string>;
  const type = its.type as ItsFunction<string>;
  return {
    sentences(text: string): RawSentence[] {
      const out: RawSentence[] = [];
      nlp.readDoc(text).sentences().each((sentence: ItemSentence) => {
        const tokens = sentence.tokens();
        const texts = tokens.out() as string[];
        const lemmas = tokens.out(lemma) as string[];
        const tags = tokens.out(pos) as string[];
        const types = tokens.out(type) as string[];
        out.push({
          text: (sentence.out() as string).trim(),
          tokens: texts.map((t, i) => ({
            text: t,
            lemma: (lemmas[i] ?? t).toLowerCase(),
            pos: tags[i] ?? 'X',
            type: types[i] ?? 'word',
          })),
        });
      });
      return out;
    },
  };
}
