/**
 * Reading quantities as people write them in design answers: "200,000", "1.5k", "2B", "two hundred million",
 * "2e6", "10^9", "~23k QPS", "20–30k", "between 2 and 3 million", "4 bytes", "256-dim", "100 ms", "2B a day".
 * Pure and linear in the text: one tokenising pattern without nested repetition, then scans over the tokens.
 */

export interface Token {
  text: string;
  /** Lower case, for word lookups. */
  lower: string;
  type: 'number' | 'word' | 'sup' | 'symbol';
  start: number;
  end: number;
  /** Whitespace (or the start of the text) right before the token. */
  spaced: boolean;
}

const TOKEN = /(\d+(?:[,\u00a0\u202f]\d{3})*(?:\.\d+)?(?:[eE][+-]?\d{1,3}(?![\p{L}\d]))?)|([\p{L}µ][\p{L}\p{N}µ'’]*)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let last = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const type = m[1] ? 'number' : m[2] ? 'word' : m[3] ? 'sup' : 'symbol';
    out.push({ text: m[0], lower: type === 'word' ? m[0].toLowerCase() : m[0], type, start: m.index, end: m.index + m[0].length, spaced: m.index === 0 || m.index > last });
    last = m.index + m[0].length;
  }
  return out;
}

/** What a quantity measures, apart from its kind of thing: counts, bytes, floats (to be sized), money, shares and factors. */
export type QuantityClass = 'count' | 'bytes' | 'floats' | 'money' | 'percent' | 'factor';
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export const SECONDS: Record<TimeUnit, number> = {
  second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000,
};

/** A number as written, with what it counts. Values are in base units: per second for rates, seconds, bytes. */
export interface Quantity {
  /** Base-unit value (the middle of a range). */
  value: number;
  low: number;
  high: number;
  cls: QuantityClass;
  /** Time exponent: -1 a rate (per second), 0 none, 1 a duration (seconds). */
  time: -1 | 0 | 1;
  /** The time unit as written ("a day", "ms"), to say results back in the same unit. */
  timeUnit: TimeUnit | 'ms' | 'µs' | 'ns' | null;
  /** The thing counted, by the noun after the number: users, videos, requests… */
  kind: string | null;
  /** Users as daily or monthly actives ("200M DAU", "daily users"). */
  qualifier: 'daily' | 'monthly' | 'weekly' | null;
  /** "per user", "per request", "each": a count for one of something else. */
  per: string | null;
  approx: boolean;
  /** "under 100 ms", "at most", "up to": a bound rather than a value. */
  bound: 'upper' | 'lower' | null;
  range: boolean;
  /** "a few hundred", "millions of": not a precise number; never used in a derivation. */
  vague: boolean;
  /** Bytes per float named beside a float count ("fp16" → 2), if any. */
  dtypeBytes: number | null;
  /** Token span [first, end). */
  first: number;
  end: number;
  /** Character span in the text. */
  start: number;
  stop: number;
  text: string;
}

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  thousands: 1e3, millions: 1e6, billions: 1e9,
};
const LOOSE_SCALES: Record<string, number> = {
  thousands: 1e3, millions: 1e6, billions: 1e9, milion: 1e6, milions: 1e6, millon: 1e6, bilion: 1e9, bilions: 1e9, billon: 1e9,
};
/** Suffixes written right after the digits ("10k", "2B", "5bn"); case matters: "m" is million, "mm" is not. */
const SUFFIX_ATTACHED: Record<string, number> = {
  k: 1e3, K: 1e3, m: 1e6, M: 1e6, MM: 1e6, mn: 1e6, mln: 1e6, b: 1e9, B: 1e9, bn: 1e9, Bn: 1e9, BN: 1e9, T: 1e12, tn: 1e12,
};
/** Suffixes after a space ("10 M users"): only the unambiguous ones. */
const SUFFIX_SPACED: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, MM: 1e6, mn: 1e6, mln: 1e6, B: 1e9, bn: 1e9, Bn: 1e9 };
const BYTES: Record<string, number> = {
  byte: 1, bytes: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4,
  pb: 1e15, pib: 1024 ** 5, eb: 1e18, bit: 1 / 8, bits: 1 / 8,
};
const DURATIONS: Record<string, { seconds: number; unit: Quantity['timeUnit'] }> = {
  ns: { seconds: 1e-9, unit: 'ns' }, nanosecond: { seconds: 1e-9, unit: 'ns' }, nanoseconds: { seconds: 1e-9, unit: 'ns' },
  'µs': { seconds: 1e-6, unit: 'µs' }, 'μs': { seconds: 1e-6, unit: 'µs' }, microsecond: { seconds: 1e-6, unit: 'µs' }, microseconds: { seconds: 1e-6, unit: 'µs' },
  ms: { seconds: 1e-3, unit: 'ms' }, msec: { seconds: 1e-3, unit: 'ms' }, msecs: { seconds: 1e-3, unit: 'ms' }, millisecond: { seconds: 1e-3, unit: 'ms' }, milliseconds: { seconds: 1e-3, unit: 'ms' },
  s: { seconds: 1, unit: 'second' }, sec: { seconds: 1, unit: 'second' }, secs: { seconds: 1, unit: 'second' }, second: { seconds: 1, unit: 'second' }, seconds: { seconds: 1, unit: 'second' },
  min: { seconds: 60, unit: 'minute' }, mins: { seconds: 60, unit: 'minute' }, minute: { seconds: 60, unit: 'minute' }, minutes: { seconds: 60, unit: 'minute' },
  h: { seconds: 3600, unit: 'hour' }, hr: { seconds: 3600, unit: 'hour' }, hrs: { seconds: 3600, unit: 'hour' }, hour: { seconds: 3600, unit: 'hour' }, hours: { seconds: 3600, unit: 'hour' },
  day: { seconds: 86_400, unit: 'day' }, days: { seconds: 86_400, unit: 'day' },
  week: { seconds: 604_800, unit: 'week' }, weeks: { seconds: 604_800, unit: 'week' },
  month: { seconds: 2_592_000, unit: 'month' }, months: { seconds: 2_592_000, unit: 'month' },
  year: { seconds: 31_536_000, unit: 'year' }, years: { seconds: 31_536_000, unit: 'year' },
};
const RATE_WORDS: Record<string, TimeUnit> = {
  second: 'second', sec: 'second', s: 'second', minute: 'minute', min: 'minute', hour: 'hour', hr: 'hour', h: 'hour',
  day: 'day', d: 'day', week: 'week', wk: 'week', month: 'month', mo: 'month', year: 'year', yr: 'year',
};
const ADVERB_RATES: Record<string, TimeUnit> = {
  daily: 'day', hourly: 'hour', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year', nightly: 'day',
};
const FLOAT_WORDS: Record<string, number | null> = {
  dims: null, dim: null, dimensions: null, dimension: null, dimensional: null, floats: 4, float: 4, float32: 4, fp32: 4,
  fp16: 2, bf16: 2, float16: 2, int8: 1,
};
/** The noun after a number decides what it counts; plural and singular forms map to one kind. */
const KINDS: Record<string, string> = {};
const KIND_GROUPS: Record<string, readonly string[]> = {
  users: ['user', 'users', 'dau', 'daus', 'mau', 'maus', 'wau', 'people', 'person', 'persons', 'shoppers', 'shopper', 'buyers', 'buyer', 'customers', 'customer', 'members', 'accounts', 'viewers', 'visitors', 'subscribers', 'cardholders', 'actives'],
  videos: ['video', 'videos', 'clips', 'clip'],
  listings: ['listing', 'listings', 'products', 'product', 'skus', 'sku', 'offers'],
  items: ['item', 'items', 'docs', 'doc', 'documents', 'document', 'catalogue', 'catalog', 'corpus'],
  candidates: ['candidates', 'candidate', 'cands', 'cand'],
  ads: ['ad', 'ads', 'adverts', 'creatives'],
  posts: ['post', 'posts', 'tweets'],
  comments: ['comment', 'comments'],
  requests: ['request', 'requests', 'req', 'reqs', 'query', 'queries', 'qps', 'rps', 'tps', 'searches', 'search', 'loads', 'load', 'pageviews', 'calls', 'opens', 'visits', 'sessions', 'session', 'redirects', 'lookups', 'hits'],
  auctions: ['auction', 'auctions', 'slots', 'slot'],
  impressions: ['impression', 'impressions', 'views', 'view'],
  predictions: ['prediction', 'predictions', 'inferences', 'inference', 'scores', 'scorings', 'evaluations', 'pairs', 'forward'],
  payments: ['payment', 'payments', 'transactions', 'transaction', 'txns', 'txn', 'authorisations', 'authorizations', 'purchases', 'orders'],
  uploads: ['upload', 'uploads'],
  creators: ['creators', 'creator', 'channels'],
  sellers: ['sellers', 'seller'],
  merchants: ['merchants', 'merchant'],
  advertisers: ['advertisers', 'advertiser'],
  reviewers: ['reviewers', 'reviewer', 'moderators', 'analysts'],
  reports: ['reports', 'report', 'flags'],
  decisions: ['decisions', 'decision'],
  labels: ['labels', 'label', 'judgments', 'judgements'],
  clicks: ['clicks', 'click'],
  events: ['events', 'event', 'messages', 'rows', 'records', 'logs', 'examples', 'interactions'],
  embeddings: ['embeddings', 'embedding', 'vectors', 'vector'],
  features: ['features', 'feature'],
  engineers: ['engineers', 'engineer'],
  gpus: ['gpus', 'gpu'],
  shards: ['shards', 'shard', 'replicas', 'replica', 'servers', 'machines', 'nodes'],
  stages: ['stages', 'stage', 'towers', 'tower', 'layers', 'layer', 'heads'],
  languages: ['languages', 'countries', 'markets'],
};
for (const [kind, words] of Object.entries(KIND_GROUPS)) for (const w of words) KINDS[w] = kind;
const QUALIFIER_OF: Record<string, Quantity['qualifier']> = { dau: 'daily', daus: 'daily', mau: 'monthly', maus: 'monthly', wau: 'weekly' };

const APPROX_BEFORE = new Set(['~', '≈', '∼', 'about', 'roughly', 'around', 'approximately', 'approx', 'circa', 'ca', 'nearly', 'almost', 'some', 'maybe', 'perhaps', 'like', 'say', 'estimated', 'order']);
const UPPER_BEFORE = new Set(['under', 'below', '<', '≤', 'within', 'max', 'most', 'less', 'fewer', 'up']);
const LOWER_BEFORE = new Set(['over', 'above', '>', '≥', 'least', 'more', 'min', 'beyond']);
const VAGUE_BEFORE = new Set(['few', 'several', 'many', 'couple', 'handful', 'dozens', 'tens', 'hundreds', 'thousands', 'millions', 'billions', 'multiple', 'numerous']);
const CURRENCY = new Set(['$', '€', '£', '¥']);
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
/** How far after a number its noun may be: "200 million daily active users". */
const NOUN_REACH = 4;

/** A cheap test before tokenising: does the text hold any digit or number word at all? */
export const MAY_HOLD_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|half|few|several|dozens|tens|lakhs?|crores?)\b/i;

interface Core {
  value: number;
  end: number;
  scaled: boolean;
  words: boolean;
}

const digitValue = (t: Token) => Number(t.text.replace(/[,\u00a0\u202f]/g, ''));

/** "two hundred million", "one and a half billion", "a million", "half a million", "twenty-five thousand". */
function readWords(tokens: readonly Token[], i: number): Core | null {
  let total = 0;
  let current = 0;
  let any = false;
  let scaled = false;
  let j = i;
  for (; j < tokens.length; j++) {
    const w = tokens[j]!.lower;
    if ((w === 'a' || w === 'an') && !any) {
      const next = tokens[j + 1]?.lower ?? '';
      if (next === 'hundred' || next in SCALE_WORDS && !next.endsWith('s')) { current = 1; any = true; continue; }
      break;
    }
    if (w === 'half' && tokens[j + 1]?.lower === 'a' && SCALE_WORDS[tokens[j + 2]?.lower ?? ''] && !any) {
      total += 0.5 * SCALE_WORDS[tokens[j + 2]!.lower]!;
      any = scaled = true;
      j += 2;
      continue;
    }
    if (w in ONES) {
      current += ONES[w]!;
      any = true;
      if (tokens[j + 1]?.text === '-' && !tokens[j + 1]!.spaced && (tokens[j + 2]?.lower ?? '') in ONES) j++;
      continue;
    }
    if (w === 'hundred' && any) { current = (current || 1) * 100; continue; }
    if (w === 'and' && any && tokens[j + 1]?.lower === 'a' && tokens[j + 2]?.lower === 'half') { current += 0.5; j += 2; continue; }
    if (w === 'and' && any && (tokens[j + 1]?.lower ?? '') in ONES) continue;
    if (w in SCALE_WORDS && any && !w.endsWith('s')) { total += (current || 1) * SCALE_WORDS[w]!; current = 0; scaled = true; continue; }
    break;
  }
  if (!any) return null;
  return { value: total + current, end: j, scaled, words: true };
}

/** Digits with an optional exponent ("10^9", "10⁹") and scale ("k", "million"). */
function readDigits(tokens: readonly Token[], i: number): Core | null {
  const t = tokens[i]!;
  let value = digitValue(t);
  if (!Number.isFinite(value)) return null;
  let j = i + 1;
  const next = tokens[j];
  if (next?.text === '^' && tokens[j + 1]?.type === 'number' && !tokens[j + 1]!.text.includes(',')) {
    value = value ** digitValue(tokens[j + 1]!);
    j += 2;
  } else if (next?.type === 'sup' && !next.spaced) {
    value = value ** Number([...next.text].map((c) => SUPERSCRIPT[c]).join(''));
    j++;
  }
  let scaled = false;
  const s = tokens[j];
  if (s?.type === 'word') {
    const scale = !s.spaced ? SUFFIX_ATTACHED[s.text] : SUFFIX_SPACED[s.text] ?? (SCALE_WORDS[s.lower] && !s.lower.endsWith('s') ? SCALE_WORDS[s.lower] : undefined);
    const attachedWord = !s.spaced && SCALE_WORDS[s.lower] && !s.lower.endsWith('s') ? SCALE_WORDS[s.lower] : undefined;
    // After digits, "100 millions" and "100 milion" mean a number, not a vague amount.
    const loose = s.spaced && tokens[j + 1]?.lower !== 'of' ? LOOSE_SCALES[s.lower] : undefined;
    const factor = scale ?? attachedWord ?? loose;
    if (factor) {
      value *= factor;
      scaled = true;
      j++;
    }
  }
  if (!Number.isFinite(value)) return null;
  return { value, end: j, scaled, words: false };
}

function readCore(tokens: readonly Token[], i: number): Core | null {
  const t = tokens[i]!;
  if (t.type === 'number') {
    // "GPT-4", "v2", "p99-10": a number glued to a word before it by a hyphen is a name.
    const prev = tokens[i - 1];
    if (!t.spaced && prev && (prev.type === 'word' || (prev.text === '-' && !prev.spaced && tokens[i - 2]?.type === 'word' && !tokens[i - 2]!.text.match(/^(between|from)$/i)))) return null;
    return readDigits(tokens, i);
  }
  if (t.type === 'word') {
    const core = readWords(tokens, i);
    // A lone "one" is a pronoun ("each one opens"); small word numbers count only with a unit or noun after them.
    if (core && !core.scaled && core.value === 1 && core.end === i + 1) return null;
    return core;
  }
  return null;
}

interface Unit {
  cls: QuantityClass;
  time: -1 | 0 | 1;
  timeUnit: Quantity['timeUnit'];
  multiplier: number;
  dtypeBytes: number | null;
  kind: string | null;
  qualifier: Quantity['qualifier'];
  end: number;
}

/** A time unit after "per", "a", "/", "each", "every": "per second", "a day", "/s", "every hour". */
function rateAt(tokens: readonly Token[], j: number): { unit: TimeUnit; end: number } | null {
  const t = tokens[j];
  if (!t) return null;
  const lead = t.lower;
  if (lead === 'per' || lead === 'a' || lead === 'an' || lead === '/' || lead === 'each' || lead === 'every') {
    let k = j + 1;
    if (lead === 'per' && tokens[k]?.lower === 'a') k++;
    const w = tokens[k];
    if (!w) return null;
    const unit = RATE_WORDS[w.lower] ?? RATE_WORDS[w.lower.replace(/s$/, '')];
    // "a s" or "a d" is not a rate; only "/s", "/d" abbreviate.
    if (unit && (w.lower.length > 1 || lead === '/')) return { unit, end: k + 1 };
    return null;
  }
  const adverb = ADVERB_RATES[lead];
  if (adverb) return { unit: adverb, end: j + 1 };
  return null;
}

const PER_NOUNS = new Set(['user', 'person', 'dau', 'shopper', 'buyer', 'customer', 'member', 'viewer', 'account', 'request', 'query', 'search', 'auction', 'item', 'video', 'listing', 'ad', 'post', 'page', 'session', 'event', 'embedding', 'vector', 'impression', 'candidate', 'row', 'record', 'payment', 'transaction', 'load', 'visit']);

function readUnit(tokens: readonly Token[], j: number): Unit {
  const unit: Unit = { cls: 'count', time: 0, timeUnit: null, multiplier: 1, dtypeBytes: null, kind: null, qualifier: null, end: j };
  const t = tokens[j];
  if (!t) return unit;
  if (t.text === '%') return { ...unit, cls: 'percent', multiplier: 0.01, end: j + 1 };
  if (t.lower === 'percent' || t.lower === 'per' && tokens[j + 1]?.lower === 'cent') return { ...unit, cls: 'percent', multiplier: 0.01, end: t.lower === 'per' ? j + 2 : j + 1 };
  if ((t.lower === 'x' || t.text === '×') && !t.spaced) return { ...unit, cls: 'factor', end: j + 1 };
  if (t.text === '-' && !t.spaced && tokens[j + 1]?.lower === 'fold') return { ...unit, cls: 'factor', end: j + 2 };
  if (t.lower === 'times') {
    const rate = rateAt(tokens, j + 1);
    if (rate) return { ...unit, time: -1, timeUnit: rate.unit, multiplier: 1 / SECONDS[rate.unit], kind: 'requests', end: rate.end };
    const next = tokens[j + 1];
    if (next && (next.type === 'number' || next.type === 'word' && (next.lower in ONES || next.lower === 'a'))) return unit;
    return { ...unit, cls: 'factor', end: j + 1 };
  }
  const bytes = BYTES[t.lower];
  if (bytes !== undefined && t.lower !== 'bit' || t.lower === 'bits') return { ...unit, cls: 'bytes', multiplier: bytes ?? 1 / 8, end: j + 1 };
  // "128-d", "256-dim", "768-dimensional"
  let k = j;
  if (t.text === '-' && !t.spaced && tokens[j + 1]?.type === 'word') k = j + 1;
  const fw = tokens[k]!;
  if (fw.lower in FLOAT_WORDS || (k > j && fw.lower === 'd') || (k === j && fw.text === 'D' && !fw.spaced)) {
    return { ...unit, cls: 'floats', dtypeBytes: FLOAT_WORDS[fw.lower] ?? null, end: k + 1 };
  }
  const duration = DURATIONS[t.lower === 'us' && !t.spaced ? 'µs' : t.lower];
  if (duration && !(t.lower === 's' && tokens[j - 1]?.type === 'word')) {
    return { ...unit, time: 1, timeUnit: duration.unit, multiplier: duration.seconds, end: j + 1 };
  }
  return unit;
}

/** Kind, qualifier, rate and "per …" in the words after a number's unit. */
function readTail(tokens: readonly Token[], q: Quantity): void {
  let j = q.end;
  let words = 0;
  while (j < tokens.length && words <= NOUN_REACH) {
    const t = tokens[j]!;
    const usersAhead = (t.lower === 'daily' || t.lower === 'monthly' || t.lower === 'weekly')
      && tokens.slice(j + 1, j + 4).some((n) => KINDS[n.lower] === 'users');
    const rate = usersAhead ? null : rateAt(tokens, j);
    if (rate && q.time === 0 && q.cls !== 'percent' && q.cls !== 'factor') {
      if (q.kind === 'users' && ADVERB_RATES[t.lower]) q.qualifier = 'daily';
      else {
        q.time = -1;
        q.timeUnit = rate.unit;
        const scale = 1 / SECONDS[rate.unit];
        q.value *= scale;
        q.low *= scale;
        q.high *= scale;
      }
      j = rate.end;
      q.end = j;
      continue;
    }
    if ((t.lower === 'per' || t.text === '/') && tokens[j + 1]?.type === 'word') {
      const noun = tokens[j + 1]!.lower.replace(/s$/, '');
      if (PER_NOUNS.has(noun) || (t.lower === 'per' && (tokens[j + 2]?.lower ?? '') in KINDS && PER_NOUNS.has(tokens[j + 2]!.lower.replace(/s$/, '')))) {
        q.per = PER_NOUNS.has(noun) ? noun : tokens[j + 2]!.lower.replace(/s$/, '');
        j += PER_NOUNS.has(noun) ? 2 : 3;
        q.end = j;
        continue;
      }
    }
    if (t.lower === 'each' && words === 0 || t.lower === 'each' && q.kind) {
      q.per ??= 'each';
      j++;
      q.end = j;
      continue;
    }
    if (t.type !== 'word') {
      if (t.text === '-' && !t.spaced) { j++; continue; }
      break;
    }
    if (q.kind === null && (t.lower === 'qps' || t.lower === 'rps' || t.lower === 'tps')) {
      q.kind = 'requests';
      if (q.time === 0) {
        q.time = -1;
        q.timeUnit = 'second';
      }
      j++;
      q.end = j;
      continue;
    }
    if (q.kind === null && KINDS[t.lower] && q.cls !== 'percent' && q.time !== 1) {
      q.kind = KINDS[t.lower]!;
      if (QUALIFIER_OF[t.lower]) q.qualifier = QUALIFIER_OF[t.lower]!;
      j++;
      // A compound noun names its head last: "ad slots", "ad requests", "user sessions".
      for (;;) {
        // "query–listing pairs": a dash inside a compound noun.
        const dash = (tokens[j]?.text === '-' || tokens[j]?.text === '–') && !tokens[j]!.spaced && !tokens[j + 1]?.spaced ? 1 : 0;
        const w = tokens[j + dash];
        if (w?.type !== 'word' || !KINDS[w.lower]) break;
        q.kind = KINDS[w.lower]!;
        j += dash + 1;
      }
      q.end = j;
      words++;
      continue;
    }
    if (t.lower === 'daily' || t.lower === 'monthly' || t.lower === 'weekly') {
      // "daily active users": a qualifier of users; "daily requests": a rate.
      const ahead = tokens.slice(j + 1, j + 4).find((n) => KINDS[n.lower]);
      if (ahead && KINDS[ahead.lower] === 'users') q.qualifier = t.lower as Quantity['qualifier'];
      else if (q.kind === null && q.time === 0) {
        const unit = ADVERB_RATES[t.lower]!;
        q.time = -1;
        q.timeUnit = unit;
        q.value /= SECONDS[unit];
        q.low /= SECONDS[unit];
        q.high /= SECONDS[unit];
      }
      j++;
      q.end = j;
      continue;
    }
    if (q.kind !== null) break;
    // A verb or function word ends the noun phrase; adjectives ("new", "active", "feed") are skipped.
    if (STOP_WORDS.has(t.lower)) break;
    words++;
    j++;
  }
}

const STOP_WORDS = new Set([
  'is', 'are', 'was', 'were', 'be', 'and', 'or', 'but', 'so', 'which', 'that', 'to', 'of', 'in', 'on', 'at', 'for', 'with',
  'we', 'i', 'it', 'they', 'the', 'than', 'then', 'from', 'by', 'into', 'if', 'times', 'x', 'about', 'roughly', 'gives', 'means',
]);

const DTYPE_GLUE = new Set(['in', 'as', ',', 'of', 'stored', '(', 'each', 'at']);
const VAGUE_LEAD = new Set(['few', 'several', 'many', 'couple', 'some', 'dozens', 'tens', 'hundreds', 'thousands', 'millions', 'billions', 'multiple', 'numerous']);
const VAGUE_SCALE: Record<string, number> = { hundred: 100, hundreds: 100, ...SCALE_WORDS };

/** "a few hundred", "several million", "hundreds of millions", "tens of thousands": the end and rough size, or null. */
function readVague(tokens: readonly Token[], i: number): { end: number; value: number } | null {
  let j = i;
  if (tokens[j]?.lower === 'a' || tokens[j]?.lower === 'an') j++;
  const lead = tokens[j]?.lower ?? '';
  if (!VAGUE_LEAD.has(lead)) return null;
  let value = VAGUE_SCALE[lead] ?? 1;
  let scaled = lead in VAGUE_SCALE || lead === 'tens' || lead === 'dozens';
  if (lead === 'tens') value = 10;
  if (lead === 'dozens') value = 12;
  j++;
  for (; j < tokens.length; j++) {
    const w = tokens[j]!.lower;
    if (w === 'of' || w === 'a') continue;
    if (w in VAGUE_SCALE) { value *= VAGUE_SCALE[w]!; scaled = true; continue; }
    break;
  }
  while (j > i && (tokens[j - 1]!.lower === 'of' || tokens[j - 1]!.lower === 'a')) j--;
  if (!scaled || (lead === 'some' && value < 100)) return null;
  return { end: j, value };
}

function vagueQuantity(text: string, tokens: readonly Token[], i: number, v: { end: number; value: number }): Quantity {
  const q: Quantity = {
    value: v.value, low: v.value, high: v.value, cls: 'count', time: 0, timeUnit: null, kind: null, qualifier: null, per: null,
    approx: true, bound: null, range: false, vague: true, dtypeBytes: null, first: i, end: v.end, start: tokens[i]!.start,
    stop: tokens[v.end - 1]!.end, text: '',
  };
  readTail(tokens, q);
  q.stop = tokens[q.end - 1]!.end;
  q.text = text.slice(q.start, q.stop);
  return q;
}

/** Spelled-out numbers below this read as ordinary counting words ("two stages", "one network"), not as figures. */
const SPELLED_MIN = 10;
const SPELLED = /\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|lakh|crore)\b/i;

/**
 * The text with figures said in words written as digits ("a hundred and twenty thousand requests" → "120000
 * requests"), for the checks that look for digits: people speaking, or writing as they speak, spell numbers out.
 * Small counts stay words; so do vague scales ("millions of videos"), which the word reader does not take.
 */
export function withDigits(text: string): string {
  if (!SPELLED.test(text)) return text;
  const tokens = tokenize(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word' || !(t.lower in ONES || t.lower === 'a' || t.lower === 'an')) continue;
    const core = readWords(tokens, i);
    if (!core || core.end <= i || core.value < SPELLED_MIN) continue;
    out += text.slice(last, t.start) + String(core.value);
    last = tokens[core.end - 1]!.end;
    i = core.end - 1;
  }
  return out + text.slice(last);
}

/** Every quantity in the tokens, in order. */
export function readQuantities(text: string, tokens: readonly Token[] = tokenize(text)): Quantity[] {
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.type !== 'number' && t.type !== 'word') { i++; continue; }
    const vague = t.type === 'word' ? readVague(tokens, i) : null;
    if (vague) {
      const q = vagueQuantity(text, tokens, i, vague);
      out.push(q);
      i = q.end;
      continue;
    }
    if (t.type === 'word' && !(t.lower in ONES) && t.lower !== 'a' && t.lower !== 'an' && t.lower !== 'half') { i++; continue; }
    const core = readCore(tokens, i);
    if (!core) { i++; continue; }
    let first = i;
    let low = core.value;
    let high = core.value;
    let range = false;
    let end = core.end;
    // A range: "20–30k", "20k-30k", "2 to 3 million", "between 2 and 3 million".
    const sep = tokens[end];
    const between = tokens[i - 1]?.lower === 'between' || tokens[i - 1]?.lower === 'from';
    if (sep && (sep.text === '-' || sep.text === '–' || sep.text === '—' || sep.lower === 'to' || (sep.lower === 'and' && between)) && tokens[end + 1]) {
      const second = tokens[end + 1]!.type === 'number' ? readDigits(tokens, end + 1) : tokens[end + 1]!.type === 'word' ? readWords(tokens, end + 1) : null;
      if (second && (core.words === second.words)) {
        let a = core.value;
        if (!core.scaled && second.scaled) {
          const scale = second.value / Number(tokens[end + 1]!.type === 'number' ? digitValue(tokens[end + 1]!) : 1);
          if (Number.isFinite(scale) && a * scale <= second.value) a *= scale;
        }
        if (a <= second.value && second.value > 0) {
          low = a;
          high = second.value;
          range = true;
          end = second.end;
        }
      }
    }
    const unit = readUnit(tokens, end);
    let dtypeBytes = unit.dtypeBytes;
    const mult = unit.multiplier;
    const q: Quantity = {
      value: ((low + high) / 2) * mult,
      low: low * mult,
      high: high * mult,
      cls: unit.cls,
      time: unit.time,
      timeUnit: unit.timeUnit,
      kind: unit.kind,
      qualifier: unit.qualifier,
      per: null,
      approx: false,
      bound: null,
      range,
      vague: false,
      dtypeBytes,
      first,
      end: unit.end,
      start: 0,
      stop: 0,
      text: '',
    };
    // Money before the number.
    const before = tokens[first - 1];
    if (before && CURRENCY.has(before.text)) {
      q.cls = 'money';
      first--;
    }
    for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
      const w = tokens[k]!.lower;
      if (APPROX_BEFORE.has(w)) q.approx = true;
      else if (UPPER_BEFORE.has(w) || w === '<' || w === '≤') q.bound = 'upper';
      else if (LOWER_BEFORE.has(w)) q.bound = 'lower';
      else if (VAGUE_BEFORE.has(w) && k === first - 1 || (w === 'a' && tokens[k + 1]?.lower === 'few')) q.vague = true;
      else if (k === first - 1 && (w === 'top' || w === 'p' || w === '#' || w === 'no' || w === 'step' || w === 'version' || w === 'v')) q.vague = true;
      else if (tokens[k]!.type !== 'word') break;
    }
    // "hundreds of millions", "millions of users": plural scale words are never precise.
    const after = tokens[q.end];
    if (core.words && t.lower in SCALE_WORDS && t.lower.endsWith('s')) q.vague = true;
    if (after?.lower === 'of' && tokens[q.end - 1] && SCALE_WORDS[tokens[q.end - 1]!.lower] && tokens[q.end - 1]!.lower.endsWith('s')) q.vague = true;
    if (tokens[core.end]?.lower === 'ish' || tokens[core.end]?.text === '+') q.approx = true;
    // "1 in 1000", "one in five": a share written as a ratio.
    if (tokens[q.end]?.lower === 'in' && (tokens[q.end + 1]?.type === 'number' || (tokens[q.end + 1]?.lower ?? '') in ONES || tokens[q.end + 1]?.lower === 'a')) q.vague = true;
    if (q.time === 1 && (tokens[q.end]?.lower === 'per' || tokens[q.end]?.lower === 'each' || tokens[q.end]?.text === '/') && tokens[q.end + 1]?.type === 'word' && !RATE_WORDS[tokens[q.end + 1]!.lower]) {
      q.per = tokens[q.end + 1]!.lower.replace(/s$/, '');
      q.end += 2;
    } else if (q.time === 1 && tokens[q.end]?.lower === 'each') {
      q.per = 'each';
      q.end++;
    }
    if (q.cls === 'count' && q.time === 0) readTail(tokens, q);
    else if (q.cls === 'floats' || q.cls === 'bytes' || q.cls === 'money') readTail(tokens, q);
    if (q.cls === 'floats' && dtypeBytes === null) {
      for (let k = q.end; k < Math.min(tokens.length, q.end + 4); k++) {
        const w = tokens[k]!.lower;
        if (FLOAT_WORDS[w]) {
          dtypeBytes = FLOAT_WORDS[w]!;
          // "128 dimensions in fp32": the type belongs to the quantity.
          if (tokens.slice(q.end, k).every((t) => DTYPE_GLUE.has(t.lower))) q.end = k + 1;
          break;
        }
      }
      q.dtypeBytes = dtypeBytes;
    }
    q.start = tokens[first]!.start;
    q.stop = tokens[q.end - 1]!.end;
    q.text = text.slice(q.start, q.stop);
    out.push(q);
    i = Math.max(q.end, i + 1);
  }
  return out;
}

/** "23k", "2B", "1.5M", "4,600", "0.5" — a short figure for explanations. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  const pick = (v: number, suffix: string) => `${v >= 100 ? Math.round(v) : v >= 10 ? Math.round(v) : Math.round(v * 10) / 10}${suffix}`;
  if (abs >= 1e12) return pick(n / 1e12, 'T');
  if (abs >= 1e9) return pick(n / 1e9, 'B');
  if (abs >= 1e6) return pick(n / 1e6, 'M');
  if (abs >= 1e4) return pick(n / 1e3, 'k');
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  if (abs >= 1) return String(Math.round(n * 10) / 10);
  return String(Number(n.toPrecision(2)));
}

export function formatBytes(n: number): string {
  const units: Array<[number, string]> = [[1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'KB']];
  for (const [size, name] of units) if (n >= size) return `${formatCount(n / size)} ${name}`;
  return `${formatCount(n)} bytes`;
}

export function formatDuration(seconds: number): string {
  if (seconds >= 86_400 * 2) return `${formatCount(seconds / 86_400)} days`;
  if (seconds >= 3600 * 2) return `${formatCount(seconds / 3600)} hours`;
  if (seconds >= 120) return `${formatCount(seconds / 60)} minutes`;
  if (seconds >= 1) return `${formatCount(seconds)} s`;
  if (seconds >= 1e-3) return `${formatCount(seconds * 1e3)} ms`;
  if (seconds >= 1e-6) return `${formatCount(seconds * 1e6)} µs`;
  return `${formatCount(seconds * 1e9)} ns`;
}

/** A base-unit value said in words: "23k per second", "2B a day", "51 GB", "10 s". */
export function formatQuantity(value: number, cls: QuantityClass, time: -1 | 0 | 1, per: TimeUnit | null = null): string {
  if (cls === 'bytes' && time === 0) return formatBytes(value);
  if (time === 1) return formatDuration(value);
  if (time === -1) {
    const unit = per ?? 'second';
    const v = value * SECONDS[unit];
    const base = cls === 'bytes' ? formatBytes(v) : formatCount(v);
    return unit === 'second' ? `${base} per second` : `${base} a ${unit}`;
  }
  if (cls === 'percent') return `${formatCount(value * 100)}%`;
  return formatCount(value);
}
