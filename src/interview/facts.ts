import type { Fact } from '../content/schema.js';
import type { Vocabulary } from '../content/vocabulary.js';
import { stem as gradingStem } from '../grading/stem.js';

const STOP = new Set(
  `a an the is are was were be been do does did we our you your i me my us they their it its this that these those
  there here what whats what's how many much which who whom when where why would could should can will shall may
  might of for to in on at by from with about and or if so as any some have has had like just please tell
  expect expected roughly approximately around get per each every`.split(/\s+/),
);

/** Word pairs that ask for a quantity: "how many users" asks for a count, not about users in general. */
const COUNT_OPENERS = new Set(['how many', 'how much', 'number of']);
const COUNT = '#count';

/** Light stemming so "users"/"user", "labelled"/"labels", "running"/"runs" meet: the grader's stemmer. */
export function stem(word: string): string {
  let w = gradingStem(word);
  // "deletion" and "delete", "prediction" and "predict": the grader's stemmer keeps "-ion" nouns whole.
  if (w.length > 6 && w.endsWith('ion')) w = gradingStem(w.slice(0, -3));
  // It trims a doubled consonant only after a suffix: "stuffing" → "stuf", so "stuff" must meet it there.
  return w.length > 4 && /([bcdfgkmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Contractions read as the words they shorten: "we'd" is not "wed", "aren't" asks "are … not". */
const CONTRACTION = /(?<=[a-z])['’](?:d|re|ve|ll|m|s)\b|(?<=[a-z])n['’]t\b/g;

function words(text: string): string[] {
  const expanded = text
    .toLowerCase()
    .replace(/\b(can|won)['’]t\b/g, (_, w: string) => (w === 'won' ? 'will not' : 'can not'))
    .replace(CONTRACTION, (m) => (m.startsWith('n') ? ' not' : ''));
  return expanded.replace(/['’]/g, '').match(/[a-z0-9]+/g) ?? [];
}

/** Lower-case content words, stemmed, without filler words. */
export function keywords(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP.has(w)).map(stem));
}

/** A vocabulary prepared for matching: single-word fixes and synonym groups as word sequences. */
interface Synonyms {
  fixes: ReadonlyMap<string, string>;
  /** First word → the variants starting with it and the group each belongs to (the last word may be inflected). */
  variants: ReadonlyMap<string, ReadonlyArray<{ words: string[]; group: string }>>;
  /** Two words read as one term ("logged out" → "logout"), keyed by the pair. */
  compounds: ReadonlyMap<string, string>;
  /** Words that say how a question asks, not what about (data/question-words.yaml); null: none known. */
  generic: ReadonlySet<string> | null;
  /** Word sequences that ask for a quantity ("average", "how long"). */
  quantityCues: ReadonlyArray<readonly string[]>;
  /** Words that give a quantity in an answer besides digits ("fifteen", "half", "weekly"). */
  numberWords: ReadonlySet<string>;
}

/** The parts of the language data the fact lookup reads. */
export type FactVocabulary = Pick<Vocabulary, 'synonyms' | 'words' | 'questionWords'>;

function prepareVocabulary(vocabulary: FactVocabulary): Synonyms {
  const fixes = new Map(Object.entries(vocabulary.words).map(([from, to]) => [from, to.toLowerCase()]));
  const compounds = new Map(Object.entries(vocabulary.questionWords?.compounds ?? {}).map(([pair, term]) => [words(pair).join(' '), term]));
  const generic = vocabulary.questionWords ? new Set(vocabulary.questionWords.generic.flatMap(words)) : null;
  const variants = new Map<string, Array<{ words: string[]; group: string }>>();
  for (const group of vocabulary.synonyms) {
    const id = `~${words(group[0]!).join('_')}`;
    for (const term of group) {
      const w = words(term);
      if (!w.length) continue;
      variants.set(w[0]!, [...(variants.get(w[0]!) ?? []), { words: w, group: id }]);
    }
  }
  const quantity = vocabulary.questionWords?.quantity;
  const quantityCues = (quantity?.asks ?? []).map(words);
  const numberWords = new Set((quantity?.answers ?? []).flatMap(words));
  return { fixes, variants, compounds, generic, quantityCues, numberWords };
}

/**
 * The terms of a question or a phrasing: its content words stemmed, plus a count marker when it asks "how
 * many/much" and the vocabulary's group for every synonym it contains ("CTR" and "click-through rate" both
 * carry "~click_through_rate"). A question keeps the words of a synonym beside its group, so it meets a
 * phrasing written either way; a phrasing (`collapse`) keeps only the group, so "CTR" alone meets
 * "click-through rate".
 */
function terms(text: string, synonyms: Synonyms, collapse = false): Set<string> {
  return readTerms(text, synonyms, collapse).terms;
}

interface ReadTerms {
  terms: Set<string>;
  /**
   * The terms that carry the question's subject: those of words neither filler nor generic
   * (data/question-words.yaml), and the synonym groups.
   */
  subject: Set<string>;
  /**
   * The subject terms of what the question asks for: after "which"/"what", the words up to the next filler word;
   * in a yes/no question, its first subject word.
   */
  focus: Set<string>;
  /** A word's stem → the synonym groups of the terms it is part of ("ctr" → "~click_through_rate"). */
  groups: Map<string, string[]>;
  /** Asks for a quantity: "how many", "what share", "the average …". */
  quantity: boolean;
}

const WH_FOCUS = new Set(['which', 'what']);
/** Words that open a yes/no question; what it asks about is its first subject word ("Are shorts in the feed?"). */
const YES_NO = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'have', 'has', 'any']);
const PERSONS = new Set(['we', 'you', 'i', 'they', 'it', 'us']);
/** Words a spoken question may open with before it starts. */
const OPENERS = new Set(['and', 'so', 'but', 'or', 'then']);

function readTerms(text: string, synonyms: Synonyms, collapse = false): ReadTerms {
  const raw = joinCompounds(words(text).flatMap((w) => words(synonyms.fixes.get(w) ?? w)), synonyms);
  const out = new Set<string>();
  const subject = new Set<string>();
  const focus = new Set<string>();
  const groups = new Map<string, string[]>();
  const open: Array<{ until: number; group: string }> = [];
  // 'which': the words after "which"/"what"; 'yes-no': the first subject word of a yes/no question.
  let inFocus: 'which' | 'yes-no' | null = null;
  let started = false;
  raw.forEach((w, i) => {
    if (COUNT_OPENERS.has(`${w} ${raw[i + 1] ?? ''}`)) out.add(COUNT);
    for (const v of synonyms.variants.get(w) ?? []) {
      if (!v.words.every((vw, j) => raw[i + j] === vw || (j > 0 && j === v.words.length - 1 && stem(raw[i + j] ?? '') === stem(vw)))) continue;
      out.add(v.group);
      subject.add(v.group);
      open.push({ until: i + v.words.length, group: v.group });
    }
    const inGroups = open.filter((g) => i < g.until).map((g) => g.group);
    const generic = synonyms.generic?.has(w) ?? false;
    if (!started && !generic && !OPENERS.has(w)) {
      started = true;
      if (YES_NO.has(w)) inFocus = 'yes-no';
    }
    if (STOP.has(w)) {
      // "Do we run surveys?": with a person as its subject, a yes/no question's first word is a verb.
      if (inFocus !== 'yes-no' || PERSONS.has(w)) inFocus = WH_FOCUS.has(w) ? 'which' : null;
      return;
    }
    if (collapse && inGroups.length) return;
    const s = stem(w);
    out.add(s);
    if (inGroups.length) groups.set(s, [...(groups.get(s) ?? []), ...inGroups]);
    // Generic words and numbers ("Is the 100 ms the whole budget?") name no subject.
    if (generic || /^\d/.test(w)) return;
    subject.add(s);
    if (inFocus) focus.add(s);
    if (inFocus === 'yes-no') inFocus = null;
  });
  const quantity = !!synonyms.generic && (out.has(COUNT) || synonyms.quantityCues.some((cue) => raw.some((_, i) => cue.every((c, j) => raw[i + j] === c))));
  return { terms: out, subject, focus, groups, quantity };
}

function joinCompounds(raw: string[], synonyms: Synonyms): string[] {
  if (!synonyms.compounds.size) return raw;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const joined = synonyms.compounds.get(`${raw[i]} ${raw[i + 1] ?? ''}`);
    out.push(joined ?? raw[i]!);
    if (joined) i++;
  }
  return out;
}

/**
 * The words of a question that carry its subject: its terms without filler, the generic words of
 * data/question-words.yaml, the count marker and synonym-group ids. Empty without the generic word list.
 */
export function subjectTerms(text: string, vocabulary: FactVocabulary): string[] {
  const synonyms = prepareVocabulary(vocabulary);
  return synonyms.generic ? [...readTerms(text, synonyms).subject] : [];
}

interface Phrasing {
  fact: number;
  terms: string[];
  /** The phrasing's least common terms on the sheet: a question must contain one of them to match it. */
  telling: Set<string>;
  /** Its terms that name a subject, not a way of asking ("share" in "share of fraud" does not). */
  subject: Set<string>;
}

/** A fact sheet prepared for lookups: its phrasings as terms and how telling each term is on this sheet. */
export interface FactIndex {
  facts: readonly Fact[];
  /** Each fact's terms: its topic, phrasings and answer. */
  docs: ReadonlyArray<ReadonlySet<string>>;
  phrasings: Phrasing[];
  /** Inverse document frequency over the sheet, each fact's topic, phrasings and answer being one document. */
  weight: ReadonlyMap<string, number>;
  /** Terms some phrasing or topic uses: the words a question can be matched on. */
  vocabulary: ReadonlySet<string>;
  /** Terms only one fact's document uses. */
  unique: ReadonlySet<string>;
  /** Whether each fact's answer gives a quantity: digits or a number word. */
  numeric: readonly boolean[];
  /**
   * What a word no fact uses weighs against a match: more than a word only one fact uses, as if half a fact used it,
   * so one such word outweighs one telling word of the fact ("Are reviewers outsourced?").
   */
  foreignWeight: number;
  synonyms: Synonyms;
}

/** Prepares a fact sheet once; `matchFacts` takes the index or the facts themselves. */
export function factIndex(facts: readonly Fact[], vocabulary: FactVocabulary = { synonyms: [], words: {} }): FactIndex {
  const synonyms = prepareVocabulary(vocabulary);
  const docs = facts.map((f) => {
    const doc = terms(f.answer, synonyms);
    for (const p of [...f.asks, f.topic]) for (const t of terms(p, synonyms)) doc.add(t);
    return doc;
  });
  const numeric = facts.map((f) => /\d/.test(f.answer) || words(f.answer).some((w) => synonyms.numberWords.has(w)));
  const weight = new Map<string, number>();
  const unique = new Set<string>();
  for (const t of new Set(docs.flatMap((d) => [...d]))) {
    const df = docs.filter((d) => d.has(t)).length;
    if (df === 1) unique.add(t);
    // The count marker says how a question asks, not what about: it gates phrasings but weighs nothing.
    weight.set(t, t === COUNT ? 0 : Math.log((facts.length + 1) / df));
  }
  const phrasings = facts.flatMap((f, fact) =>
    [...f.asks, f.topic].flatMap((p) => {
      const read = readTerms(p, synonyms, true);
      const list = [...read.terms];
      if (!list.length) return [];
      const top = Math.max(...list.map((t) => weight.get(t)!));
      return [{ fact, terms: list, telling: new Set(list.filter((t) => weight.get(t)! >= top - 1e-9)), subject: read.subject }];
    }),
  );
  const vocabularyTerms = new Set(phrasings.flatMap((p) => p.terms));
  const foreignWeight = Math.log(2 * (facts.length + 1));
  return { facts, docs, phrasings, weight, vocabulary: vocabularyTerms, unique, foreignWeight, numeric, synonyms };
}

export interface FactMatch {
  fact: Fact;
  /** How much of its clause's subject words this fact accounts for, by weight (0–1). */
  score: number;
}

/** A phrasing matches when the question holds at least 60% of its terms, among them one of its most telling. */
const PHRASING_SHARE = 0.6;
/**
 * A fact must account for at least this share (by weight) of the subject words of its clause that the sheet knows
 * or that no fact uses: a clause that only brushes a fact's subject ("which users does the popular-in-country feed
 * fail?", "are reviewers outsourced?") asks something else.
 */
const CLAUSE_SHARE = 0.5;

function weightOfTerms(index: FactIndex, ts: Iterable<string>): number {
  let sum = 0;
  for (const t of ts) sum += index.weight.get(t) ?? 0;
  return sum;
}

interface Candidate {
  fact: number;
  /** Question terms the fact accounts for: those of its matching phrasings, then any other of its own terms. */
  matched: Set<string>;
  /** The most subject terms (not generic words, not the count marker) one matching phrasing shares with the question. */
  longest: number;
  /** Weight of the terms the most complete matching phrasing lacks (0 when one matched whole). */
  lacking: number;
  /**
   * Named without doubt: a phrasing matched on two words or more (or a vocabulary term), or a one-word
   * phrasing whose word no other fact on the sheet uses. A second fact must be; a single shared word ("data",
   * "comments") is not enough.
   */
  sure: boolean;
}

function candidates(asked: ReadonlySet<string>, index: FactIndex): Candidate[] {
  const byFact = new Map<number, Candidate>();
  for (const p of index.phrasings) {
    const shared = p.terms.filter((t) => asked.has(t));
    if (shared.length / p.terms.length < PHRASING_SHARE || !shared.some((t) => p.telling.has(t))) continue;
    const c = byFact.get(p.fact) ?? { fact: p.fact, matched: new Set<string>(), longest: 0, lacking: Infinity, sure: false };
    // A vocabulary term ("DAU", "click-through rate") names one idea as precisely as two words do.
    const named = shared.reduce((n, t) => n + (t.startsWith('~') ? 2 : 1), 0);
    c.sure ||= named >= 2 || (shared.length === p.terms.length && shared.every((t) => index.unique.has(t)));
    for (const t of shared) c.matched.add(t);
    c.longest = Math.max(c.longest, shared.filter((t) => p.subject.has(t)).length);
    c.lacking = Math.min(c.lacking, weightOfTerms(index, p.terms.filter((t) => !asked.has(t))));
    byFact.set(p.fact, c);
  }
  // Once a fact is asked about, the rest of its phrasings' words in the question are about it too
  // ("how common is harmful content": "how common" matches, "harmful" is from "how much is harmful").
  for (const p of index.phrasings) {
    const c = byFact.get(p.fact);
    if (c) for (const t of p.terms) if (asked.has(t) && t !== COUNT) c.matched.add(t);
  }
  return [...byFact.values()];
}

/**
 * The subject words of a question that no fact on the sheet uses: a subject the sheet does not cover ("Are
 * reviewers outsourced?"). Generic words ("roughly", "people", "use") are not subject words, and a word standing
 * for a synonym the sheet knows ("CTR" for "click-through rate") is not foreign. None without the generic list.
 */
function foreignTerms(index: FactIndex, read: ReadTerms): string[] {
  if (!index.synonyms.generic) return [];
  return [...read.subject].filter(
    (t) => !t.startsWith('~') && !index.weight.has(t) && !(read.groups.get(t) ?? []).some((g) => index.weight.has(g)),
  );
}

/**
 * Where a question may turn to another subject: a new sentence, a semicolon, a comma before "and"/"or"/"but"
 * ("How many listings are there, and how many searches per second?"), or "and"/"or"/"but" before a question word
 * that opens a second question ("How many reviewers do we have and how fast must we decide?"). Lists inside one
 * clause ("public posts and comments") stay together.
 */
const CLAUSE_BREAK = /[?;]|,\s*(?:and|or|but)\b|\b(?:and|or|but)\s+(?=(?:how|what|which|who|when|where|why|whether|is|are|do|does|did|can|will)\s)/i;

/**
 * The facts a clarifying question asks about, in the order it asks them. Each clause of the question is matched on its own;
 * a clause names a fact when a phrasing of the fact matches it and the fact accounts for at least half of what the
 * clause says, by weight: words common on the sheet ("users", "videos") weigh little, so one shared common word is
 * no match; generic words ("roughly", "use") weigh nothing; a word no fact uses weighs most, and when it is what the
 * question asks for ("which vendor", "are shorts …") the clause gets nothing. A clause asking for a quantity needs
 * a fact that gives one. A second fact comes from another clause and must be named without doubt. Empty when
 * nothing on the sheet answers the question: the interviewer then asks for an assumption.
 */
export function matchFacts(question: string, sheet: readonly Fact[] | FactIndex): FactMatch[] {
  const index = 'phrasings' in sheet ? sheet : factIndex(sheet);
  const weightOf = (ts: Iterable<string>) => weightOfTerms(index, ts);
  // A fact whose phrasing the question holds whole beats one whose phrasing it holds in part.
  const strength = (c: Candidate) => weightOf(c.matched) - c.lacking;
  const rank = (a: Candidate, b: Candidate) =>
    b.longest - a.longest ||
    strength(b) - strength(a) ||
    Number(index.facts[b.fact]!.key) - Number(index.facts[a.fact]!.key) ||
    a.fact - b.fact;
  const named: Array<Candidate & { share: number; clause: number }> = [];
  for (const [n, clause] of question.split(CLAUSE_BREAK).entries()) {
    const read = readTerms(clause, index.synonyms);
    const asked = read.terms;
    // A question asking for a quantity is answered only by a fact that gives one.
    const best = candidates(asked, index)
      .filter((c) => !read.quantity || index.numeric[c.fact])
      .sort(rank)[0];
    if (!best) continue;
    const foreign = foreignTerms(index, read);
    if (foreign.some((t) => read.focus.has(t))) continue;
    const explained = weightOf(best.matched);
    // A word of a synonym the fact matched ("feature" in "feature store") is explained with it.
    const explains = (t: string) =>
      best.matched.has(t) || index.docs[best.fact]!.has(t) || (read.groups.get(t) ?? []).some((g) => best.matched.has(g));
    const unexplained = weightOf([...read.subject].filter((t) => index.weight.has(t) && !explains(t)));
    const share = explained / (explained + unexplained + foreign.length * index.foreignWeight);
    if (share >= CLAUSE_SHARE) named.push({ ...best, share, clause: n });
  }
  const [first, ...others] = named.sort(rank);
  if (!first) return [];
  const second = others.find((c) => c.fact !== first.fact && c.sure);
  return (second ? [first, second].sort((a, b) => a.clause - b.clause) : [first]).map((c) => ({
    fact: index.facts[c.fact]!,
    score: c.share,
  }));
}

/** The (first) fact a clarifying question asks about, or null when the sheet does not cover it. */
export function matchFact(question: string, sheet: readonly Fact[] | FactIndex): FactMatch | null {
  return matchFacts(question, sheet)[0] ?? null;
}

export const UNKNOWN_FACT_REPLY = "That's not specified; state an assumption and move on.";

/** What the interviewer says: the answer of every fact asked about, or a request for an assumption. */
export function factReply(matches: readonly FactMatch[]): string {
  return matches.length ? matches.map((m) => m.fact.answer).join(' ') : UNKNOWN_FACT_REPLY;
}

/** How the session log keeps the facts of one question in its one `fact_id` column: comma-joined ids. */
export function joinFactIds(ids: readonly string[]): string | null {
  return ids.length ? ids.join(',') : null;
}

/** The fact ids a logged question asked about; a single id (as older sessions stored) reads as itself. */
export function splitFactIds(stored: string | null): string[] {
  return stored ? stored.split(',').filter(Boolean) : [];
}
