import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArithmetic, checkFacts, sentencesOf, type ArithmeticFlag } from '../../../src/grading/arithmetic.js';
import { readQuantities, type Quantity } from '../../../src/grading/numbers.js';
import { shippedContent } from '../../helpers/shipped.js';

const one = (text: string): Quantity => {
  const qs = readQuantities(text);
  expect(qs, text).toHaveLength(1);
  return qs[0]!;
};

describe('reading quantities', () => {
  it.each<[string, Partial<Quantity>]>([
    ['200,000', { value: 200_000 }],
    ['1.5', { value: 1.5 }],
    ['1.5k', { value: 1500 }],
    ['20K', { value: 20_000 }],
    ['50M', { value: 50e6 }],
    ['3MM', { value: 3e6 }],
    ['2B', { value: 2e9 }],
    ['5bn', { value: 5e9 }],
    ['10 thousand', { value: 10_000 }],
    ['1.5 billion', { value: 1.5e9 }],
    ['two hundred million', { value: 200e6 }],
    ['one and a half billion', { value: 1.5e9 }],
    ['half a million', { value: 5e5 }],
    ['a million', { value: 1e6 }],
    ['twenty-five thousand', { value: 25_000 }],
    ['two hundred and fifty', { value: 250 }],
    ['2e6', { value: 2e6 }],
    ['10^9', { value: 1e9 }],
    ['10⁹', { value: 1e9 }],
    ['3 lakh', { value: 3e5 }],
    ['~23k', { value: 23_000, approx: true }],
    ['≈ 2B', { value: 2e9, approx: true }],
    ['about 5,000', { value: 5000, approx: true }],
    ['roughly 40k', { value: 40_000, approx: true }],
    ['around 12k', { value: 12_000, approx: true }],
    ['20–30k', { low: 20_000, high: 30_000, range: true }],
    ['20k-30k', { low: 20_000, high: 30_000, range: true }],
    ['2,000-3,000', { low: 2000, high: 3000, range: true }],
    ['between 2 and 3 million', { low: 2e6, high: 3e6, range: true }],
    ['2 to 3 million', { low: 2e6, high: 3e6, range: true }],
    ['a few hundred', { vague: true }],
    ['hundreds of millions', { vague: true }],
    ['several million', { vague: true }],
    ['23k QPS', { value: 23_000, time: -1, timeUnit: 'second', kind: 'requests' }],
    ['5k RPS', { value: 5000, time: -1, kind: 'requests' }],
    ['4,000 per second', { value: 4000, time: -1, timeUnit: 'second' }],
    ['120k/s', { value: 120_000, time: -1 }],
    ['2B a day', { value: 2e9 / 86_400, time: -1, timeUnit: 'day' }],
    ['400M req/day', { value: 400e6 / 86_400, time: -1, kind: 'requests' }],
    ['2B daily requests', { value: 2e9 / 86_400, time: -1, kind: 'requests' }],
    ['90 million card payments per day', { value: 90e6 / 86_400, time: -1, kind: 'payments' }],
    ['10 times a day', { value: 10 / 86_400, time: -1, timeUnit: 'day' }],
    ['10 feed loads per user per day', { time: -1, kind: 'requests', per: 'user' }],
    ['200M DAU', { value: 200e6, kind: 'users', qualifier: 'daily', time: 0 }],
    ['200 million daily active users', { value: 200e6, kind: 'users', qualifier: 'daily', time: 0 }],
    ['1.5 billion MAU', { value: 1.5e9, kind: 'users', qualifier: 'monthly' }],
    ['800 million videos', { value: 800e6, kind: 'videos' }],
    ['100 ms', { value: 0.1, time: 1, timeUnit: 'ms' }],
    ['100ms', { value: 0.1, time: 1 }],
    ['1 µs', { value: 1e-6, time: 1 }],
    ['2 s', { value: 2, time: 1 }],
    ['4 bytes', { value: 4, cls: 'bytes' }],
    ['51 GB', { value: 51e9, cls: 'bytes' }],
    ['2 TB', { value: 2e12, cls: 'bytes' }],
    ['1.5 PB', { value: 1.5e15, cls: 'bytes' }],
    ['256 floats', { value: 256, cls: 'floats', dtypeBytes: 4 }],
    ['128-dim', { value: 128, cls: 'floats' }],
    ['768 dims', { value: 768, cls: 'floats' }],
    ['3x', { value: 3, cls: 'factor' }],
    ['three times', { value: 3, cls: 'factor' }],
    ['15%', { value: 0.15, cls: 'percent' }],
    ['$0.25', { value: 0.25, cls: 'money' }],
  ])('%s', (text, expected) => {
    const close = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v]));
    expect(one(text)).toMatchObject(close);
  });

  it.each(['GPT-4', 'p99', 'v2', 'k8s', 'fp16', 'a', 'each one'])('%s is no number', (text) => {
    expect(readQuantities(text)).toEqual([]);
  });

  it('reads several quantities in order, with the spans as written', () => {
    const text = 'Assume 200M DAU × 10 loads ≈ 2B/day ≈ 23k QPS.';
    expect(readQuantities(text).map((q) => q.text)).toEqual(['200M DAU', '10 loads', '2B/day', '23k QPS']);
  });
});

describe('sentences', () => {
  it('joins wrapped lines, splits list items, skips headings and keeps decimals and abbreviations', () => {
    const text = '# Scale\nWe have 1.5 billion users, e.g. in 100\ncountries. Next one?\n- 300M DAU x 20 ads\n- 6B/day\n\n| a | b |';
    expect(sentencesOf(text)).toEqual(['We have 1.5 billion users, e.g. in 100 countries.', 'Next one?', '300M DAU x 20 ads', '6B/day', '| a | b |']);
  });
});

const flagsOf = (text: string) => checkArithmetic(text).flags;

describe('QPS', () => {
  it.each([
    '200M DAU × 10 loads ≈ 2B/day ≈ 23k QPS.',
    'Assume 200M DAU and about 10 feed loads per user per day, so 2B requests per day, roughly 23k QPS on average.',
    'Assume around 100 million daily active users who each open the feed about five times a day, which gives roughly 500 million requests a day, or about 6,000 requests per second on average.',
    'Assume two hundred million daily users, each opening the feed ten times a day: two billion requests a day, about 23,000 per second.',
    'About 400 million posts a day, so around 4,600 posts per second.',
    '1B / 86,400 s ≈ 12k requests per second on average.',
    '300M DAU, ~25 ad slots filled per user per day → 7.5B auctions/day, ~90k auctions/s average.',
    'Traffic: 100M users x 4 sessions/day = 400M requests/day, about 5k QPS on average.',
    '2 × 10^9 / 86,400 ≈ 23k per second.',
    'That is 2B a day, which is between 20k and 30k QPS.',
    '1B feed requests a day, about 12k QPS on average and maybe 3x that at the evening peak, so I plan for ~40k QPS.',
    '1B / 86,400 s ≈ 12k requests per second on average; with a 3× evening peak we should plan for about 35k QPS.',
    '90M payments/day ÷ 86,400 ≈ 1k TPS.',
    'Peak is 3x average: 23k × 3 = 70k QPS.',
    'Two hundred million users times ten sessions is two billion sessions a day, roughly twenty thousand per second.',
    'We have about 100k QPS and each request needs 1,000 candidates, so 100M scores per second.',
  ])('right: %s', (text) => {
    const result = checkArithmetic(text);
    expect(result.flags).toEqual([]);
    expect(result.checks.some((c) => c.kind === 'qps' && c.ok)).toBe(true);
  });

  it.each<[string, string]>([
    ['200M × 10 = 2B a day, about 2M QPS.', 'about 23k per second'],
    ['200M DAU × 10 loads ≈ 2B/day ≈ 2M QPS.', 'about 23k per second'],
    ['Assume 100 million daily users who each open the feed five times a day, which is 500 million requests a day, or about 500,000 requests per second.', 'about 5,787 per second'],
    ['About 400 million posts a day, so around 400 posts per second.', 'about 4,630 per second'],
    ['1B feed requests a day, about 12k QPS on average and maybe 3x that at the evening peak, so I plan for ~400k QPS.', 'about 36k per second'],
    ['200M DAU × 10 loads ≈ 2B/day ≈ 2,000 QPS.', 'about 23k per second'],
    ['With 500 million daily users each seeing 40 ads, we get 20 billion impressions per day, which is roughly 2 million per second.', 'about 231k per second'],
    ['We have 300 million users posting 400M posts a day, so about 46,000 posts per second.', 'about 4,630 per second'],
    ['90M payments/day ÷ 86,400 ≈ 10k TPS.', 'about 1,042 per second'],
    ['200 million users × 10 opens per day / 86,400 s ≈ 2,300 QPS.', 'about 23k per second'],
    ['With 500M DAU and 20 requests each, that is 10B requests/day or ~1.15M QPS.', 'about 116k per second'],
    ['We have about 100k QPS and each request needs 1,000 candidates, so 1M scores per second.', 'about 100M per second'],
  ])('wrong: %s', (text, why) => {
    const flags = flagsOf(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: 'arithmetic-qps', severity: 'minor', phase: 'requirements', evidence: text });
    expect(flags[0]!.why).toContain(why);
    expect(flags[0]!.off).toBeGreaterThan(3);
  });

  it('goes on from the previous sentence when the next one says "That is…"', () => {
    const right = checkArithmetic('Assume 200M DAU, each opening the feed 10 times a day. That is 2B requests a day, or about 23k QPS.');
    expect(right.flags).toEqual([]);
    expect(right.checks.map((c) => [c.claimed, c.ok])).toEqual([['2B requests a day', true], ['23k QPS', true]]);
    const [flag, ...rest] = flagsOf('Assume 200M DAU, each opening the feed 10 times a day. That is 20B requests a day, or about 230k QPS.');
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ id: 'arithmetic-qps', evidence: 'That is 20B requests a day, or about 230k QPS.' });
    expect(flag!.why).toBe('200M DAU × 10 times a day is about 2B a day, not 20B requests a day.');
    expect(checkArithmetic('Assume 200M DAU, each opening the feed 10 times a day. We keep 90 days of logs, 20B rows.').checks).toEqual([]);
  });

  it('says the arithmetic back in words', () => {
    const [flag] = flagsOf('200M × 10 = 2B a day, about 2M QPS.');
    expect(flag!.why).toBe('2B a day is about 23k per second (a day has 86,400 seconds), not 2M QPS.');
    expect(flag!.instead).toMatch(/86,400/);
  });

  it('credits the product and the conversion of a right chain separately', () => {
    const checks = checkArithmetic('200M DAU × 10 loads ≈ 2B/day ≈ 23k QPS.').checks;
    expect(checks.map((c) => [c.claimed, c.ok])).toEqual([['2B/day', true], ['23k QPS', true]]);
  });

  it('takes the phase of the section the sentence is in', () => {
    const [flag] = checkArithmetic([{ phase: 'serving', text: 'At peak: 200M × 10 = 2B a day, about 2M QPS.' }]).flags;
    expect(flag!.phase).toBe('serving');
  });
});

describe('storage', () => {
  it.each([
    '50M videos × 256 floats × 4 bytes = 51 GB.',
    '50M videos × 256-dim embeddings ≈ 50 GB.',
    '1B users × 128 dims × 2 bytes = 256 GB.',
    '2M uploads a day × 1 KB × 90 days = 180 GB.',
    '800M listings × 2 KB each = 1.6 TB.',
    '100M embeddings × 64 fp16 dims ≈ 13 GB.',
    'Storage: 800M listings with a 256-dim float embedding each is about 800 GB.',
    'The index for 50M videos at 64 dims, int8, is 3.2 GB.',
    'Logs: 2B events a day × 500 bytes × 90 days ≈ 90 TB.',
    'Logs: 2B events a day at 500 bytes each is 1 TB a day.',
    'Each embedding is 256 floats, so 50M videos need 51 GB.',
    'Storing 1KB per impression for 6B impressions a day is 6 TB a day.',
  ])('right: %s', (text) => {
    const result = checkArithmetic(text);
    expect(result.flags).toEqual([]);
    expect(result.checks.some((c) => c.kind === 'storage' && c.ok)).toBe(true);
  });

  it.each<[string, string]>([
    ['50M videos × 256-dim embeddings = 5 TB.', 'about 51.2 GB'],
    ['50M videos × 256 floats × 4 bytes = 500 MB.', 'about 51.2 GB'],
    ['1B users × 128 dims × 4 bytes = 50 TB.', 'about 512 GB'],
    ['800M listings × 2 KB each = 16 GB.', 'about 1.6 TB'],
    ['Embeddings for 1B users at 128 dimensions in fp32 take 5 GB.', 'about 512 GB'],
    ['The index for 50M videos at 64 dims, int8, is 32 GB.', 'about 3.2 GB'],
    ['Each embedding is 256 floats, so 50M videos need 500 GB.', 'about 51.2 GB'],
    ['Storing 1KB per impression for 6B impressions a day is 60 GB a day.', 'about 6 TB a day'],
  ])('wrong: %s', (text, why) => {
    const flags = flagsOf(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: 'arithmetic-storage', severity: 'minor', phase: 'serving' });
    expect(flags[0]!.why).toContain(why);
  });
});

describe('latency', () => {
  it.each<[string, string, string]>([
    ['We run the cross-encoder over all 50M videos per request within 100 ms.', 'major', 'Even at 10 µs per item for a cross-encoder or transformer, 50M videos take 8.3 minutes per request'],
    ['We score 10 million items with the large ranker for every request.', 'minor', 'Even at 1 µs per item for a large ranker, 10 million items take 10 s per request, 10× the second'],
    ['The heavy ranker scores all 500 million listings per query in 50 ms.', 'major', '500 million listings take 8.3 minutes'],
    ['An LLM rates every one of the 800M listings for each search in real time.', 'major', 'Even at 1 ms per item for a language model'],
    ['At 2 µs per item the deep model scores all 50M videos per request within 100 ms.', 'major', 'At 2 µs per item, 50M videos take 100 s'],
    ['Our transformer ranker scores the full 10M catalogue in real time for every user request.', 'major', '10M catalogue take 100 s per request'],
    ['We will run a BERT model over every listing for each search; there are 800M listings.', 'major', '800M listings take 2.2 hours'],
  ])('wrong: %s', (text, severity, why) => {
    const flags = flagsOf(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: 'arithmetic-latency', severity, phase: 'serving' });
    expect(flags[0]!.why).toContain(why);
  });

  it('uses the budget the answer states when the sentence names none', () => {
    const flags = flagsOf('The p99 latency budget is 100 ms. We score 10 million items with the large ranker for every request.');
    expect(flags[0]!.why).toContain('100× the 100 ms budget');
    expect(flags[0]!.severity).toBe('major');
  });

  it('takes the whole budget, not a stage budget, from the answer', () => {
    const text = 'Latency: features 10 ms, ranking 50 ms, p99 under 200 ms. The large ranker scores 100k candidates per request.';
    expect(checkArithmetic(text).flags).toEqual([]);
    expect(checkArithmetic(text.replace('100k', '10M')).flags[0]!.why).toContain('50× the 200 ms budget');
  });

  it('uses the catalogue size the answer states for "every video"', () => {
    const flags = flagsOf('There are 50 million videos. The large ranker scores every video in the catalogue per request.');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.why).toContain('50M items take 50 s');
  });

  it('uses a catalogue size given as an option', () => {
    expect(checkArithmetic('The large ranker scores every video for each request.', { catalogue: 50e6, budgetMs: 100 }).flags[0]!.why)
      .toContain('500× the 100 ms budget');
  });

  it.each([
    'The heavy ranker scores 500 candidates per request within 20 ms.',
    'We cannot run the cross-encoder over all 50M videos per request within 100 ms.',
    "Scoring 10 million items with the large ranker for every request would take 10 seconds, so we retrieve 500 first.",
    'Running the heavy model over all 50M videos per request is impossible in 100 ms.',
    'Retrieve 1,000 of the 50M videos with ANN, then the large ranker scores them per request.',
    'If we ran the cross-encoder over all 50M videos per request it would blow the budget.',
    'The cross-encoder scores 50M query–listing pairs offline every night.',
  ])('no flag: %s', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });
});

describe('product chains', () => {
  it.each([
    '1,000 candidates × 20k QPS = 20M scores/s.',
    '300 candidates × 35k QPS is about 10M model evaluations per second at peak.',
    '70k QPS times 300 candidates is 21M ranker inferences a second.',
    'At 30k QPS × 200 candidates that is six million transformer passes per second.',
    '120k/s × 500 = 60M predictions/s at peak.',
    '7.5B impressions/day, CTR ~1% → 75M positives a day.',
    '10M items × 1 µs = 10 s.',
    '50% of 1B = 500M.',
    'Batch size 512 × 8 GPUs = 4096.',
    '500M users / 100 shards = 5M users per shard.',
    'At 1M QPS, 10% cache misses = 100k QPS to the model.',
  ])('right: %s', (text) => {
    const result = checkArithmetic(text);
    expect(result.flags).toEqual([]);
    expect(result.checks.some((c) => c.ok)).toBe(true);
  });

  it.each<[string, string, string]>([
    ['1,000 candidates × 20k QPS = 200k scores/s.', 'arithmetic-qps', 'about 20M per second'],
    ['500 × 40 = 2,000.', 'arithmetic-product', '500 × 40 is about 20k, not 2,000'],
    ['12 × 300 → 36.', 'arithmetic-product', 'about 3,600'],
    ['6B / 1,000 = 600M.', 'arithmetic-product', 'about 6M'],
    ['10M items × 1 µs = 10 ms.', 'arithmetic-latency', 'about 10 s'],
    ['50% of 1B = 50M.', 'arithmetic-product', '50% × 1B is about 500M'],
    ['500M users / 100 shards = 50k users per shard.', 'arithmetic-product', 'about 5M'],
  ])('wrong: %s', (text, id, why) => {
    const flags = flagsOf(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.id).toBe(id);
    expect(flags[0]!.why).toContain(why);
  });

  it('does not flag a result within 3×', () => {
    expect(flagsOf('500 × 40 = 50,000.')).toEqual([]);
    expect(flagsOf('500 × 40 = 7,000.')).toEqual([]);
    expect(flagsOf('500 × 40 = 6,000.')).toHaveLength(1);
  });
});

describe('facts', () => {
  const content = shippedContent();
  const factsOf = (id: string) => content.prompts.find((p) => p.id === id)!.facts.map((f) => f.answer);
  const video = factsOf('video-recommendations');

  it.each([
    'We have 200 million DAU.',
    'We have about 1.5 billion monthly users.',
    'We have 2 billion users in total.',
    'We recommend from the 50M videos watched recently.',
    'The catalogue has 800 million videos.',
    'Each user opens the feed 10 times a day.',
    'Creators upload about 2 million new videos a day.',
    'We have 1 billion videos and 5 engineers.',
    'If we had 2 billion DAU the design would change.',
    'Do we have 2 billion DAU?',
  ])('consistent or not a claim: %s', (text) => {
    expect(checkFacts(video, text).flags).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['We have 2 billion DAU.', 'video-recommendations', '200M daily users'],
    ['Assume 20M daily active users.', 'video-recommendations', '200M daily users'],
    ['There are 5 million videos to recommend from.', 'video-recommendations', '50M videos'],
    ['Each user opens the feed 50 times a day.', 'video-recommendations', '10 requests a day'],
    ['We handle 10 million card payments a day.', 'payment-fraud-detection', '90M payments a day'],
    ['People publish about 40 million posts a day.', 'harmful-content-detection', '400M posts a day'],
    ['The site has 50 million listings.', 'product-search-ranking', '800M listings'],
  ])('contradiction: %s', (text, id, said) => {
    const flags = checkFacts(factsOf(id), text).flags;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: 'arithmetic-fact', severity: 'minor', evidence: text });
    expect(flags[0]!.why).toContain(`The interviewer said ${said}`);
  });

  it.each(content.prompts.map((p) => [p.id]))('the fact sheet of %s does not contradict itself', (id) => {
    const facts = factsOf(id);
    const result = checkFacts(facts, facts.join('\n\n'));
    expect(result.flags).toEqual([]);
  });

  it('compares many figures when the fact sheets are checked against themselves', () => {
    // Some sheets state few scale figures (an LLM assistant's facts are mostly about policy), so the count is
    // asserted over all sheets: it shows the self-checks above compare figures rather than pass empty.
    const compared = content.prompts.map((p) => checkFacts(factsOf(p.id), factsOf(p.id).join('\n\n')).checks.length);
    expect(compared.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * content.prompts.length);
  });

  it.each<[string, string]>([
    ['We score 300 candidate ads per auction.', 'ads-click-prediction'],
    ['Each auction has about 500 eligible ads.', 'ads-click-prediction'],
    ['We keep the last 100 videos a user watched and show the top 20 videos.', 'video-recommendations'],
    ['A hate post seen by 1M people matters more than one seen by 3.', 'harmful-content-detection'],
    ['About 40 writes per second and 4,000 redirects per second.', 'video-recommendations'],
    ['Spam is one in a thousand posts.', 'harmful-content-detection'],
    ['We run 600k auctions per second at peak and 230k on average.', 'ads-click-prediction'],
    ['Around 20B auctions a day, that is about 230,000 per second.', 'ads-click-prediction'],
  ])('no contradiction: %s', (text, id) => {
    expect(checkFacts(factsOf(id), text).flags).toEqual([]);
  });

  it('says the fact in the unit of the claim', () => {
    const [flag] = checkFacts(factsOf('ads-click-prediction'), 'We handle 1B auctions a day.').flags;
    expect(flag!.why).toMatch(/^The interviewer said 20B auctions a day/);
  });

  it('reads typed scale words after digits', () => {
    expect(checkFacts(video, 'We have maybe 100 millions users.').flags).toEqual([]);
    expect(checkFacts(video, 'We have 10 milion daily users.').flags).toHaveLength(1);
  });

  it('keeps kinds apart: videos are not users', () => {
    expect(checkFacts(video, 'We have 20 billion videos.').flags.map((f) => f.id)).toEqual(['arithmetic-fact']);
    expect(checkFacts(['We have 200 million users.'], 'We have 20 billion videos.').flags).toEqual([]);
  });
});

describe('numbers that are not derivations', () => {
  it.each([
    'In 2024 we launched the feed.',
    'Show the top 10 videos.',
    'Measure p99 latency and keep it under 100 ms.',
    'We have a 100 ms budget.',
    'We use GPT-4 and Python 3.11.',
    '1. Requirements 2. Metrics 3. Data',
    'A two-tower model feeds a ranker with 3 stages.',
    'Retrain every 24 hours on 30 days of data.',
    'NDCG@10 and recall@500 offline.',
    'Label 1 = click, 0 = no click.',
    'Position 1 gets 30% of clicks and position 10 gets 2%.',
    'Use 0.5 as the threshold, 0.9 for auto-removal.',
    'The model has 12 layers, 768 hidden units and 110M parameters.',
    'About 5% of users are new, 20% of traffic is from TVs.',
    'Four engineers for 6 months.',
    '~100M DAU, ~1B videos, ~20k QPS peak, p99 < 100ms.',
    '1B posts/day (~12k/s, 30k peak).',
    'Roughly 23k QPS on average and 70k QPS at peak.',
    'Each user loads the feed maybe 10 times a day, so around 2,000-3,000 requests per second, more at peak.',
    'Latency: features ~10ms, retrieval ~20ms, ranking ~50ms → < 100ms.',
    'Negatives are downsampled to 5% and reweighted by 20.',
    'A few hundred candidates go to the ranker, hundreds of millions of users.',
    'Is it 200M × 10 = 2B a day, or about 2M QPS?',
    'What if 50 million videos each needed 5 TB?',
    '~70% text-only, ~20% w/ images, ~10% short video → ~12k/s avg.',
    'The score is P(click) × E[watch time] + 0.5 × P(like).',
    'p = q / (q + (1 - q) / w), with w = 0.05.',
    'Version 2.0 → 3.0 of the API.',
    'Serve 500 candidates → 50 → 10 on the page.',
    'Holdout of 1% for 3 months; 10,000 labels a week at $0.25 each.',
    'Split 80/10/10 into train, validation and test.',
    'Support is 24/7 with a 1:100 ratio of writes to reads.',
    'Scores range 0–1 and the threshold is 0.7 = high risk.',
    'Serve 1080p and 4K videos at 30 fps.',
    'Top-k = 500, k = 100 → recall 0.9.',
    'MMR with λ = 0.7, NDCG@10 ≥ 0.4.',
    'Launch on 2024-03-01 at 10:30 for 5 / 5 stars.',
    'F1 = 2PR/(P+R) and AUC = 0.85.',
    'Weights: 0.6 × watch time + 0.3 × likes + 0.1 × shares.',
    'Retention D1 = 40%, D7 = 20%, D30 = 10%.',
    'The 1/1000 sample is 1 in 1000 events.',
    'Precision 90% = 9 in 10 flags are right.',
    'Recall@500 = 0.95 and @1000 = 0.98.',
    'Log loss 0.45 → 0.44 is a 2% gain.',
    'A budget of 100 ms = 20 ms features + 30 ms retrieval + 40 ms ranking + 10 ms slack.',
    'Each shard holds 2M of the 800M listings, so 400 shards.',
    '10k QPS × 500 candidates = 0 timeouts so far.',
  ])('%s', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });
});

describe('red-flag shape', () => {
  it('has every field the contract names, with an arithmetic- id', () => {
    const text = [
      '200M × 10 = 2B a day, about 2M QPS.',
      '50M videos × 256-dim embeddings = 5 TB.',
      'We run the cross-encoder over all 50M videos per request within 100 ms.',
      '500 × 40 = 2,000.',
    ].join('\n\n');
    const flags = flagsOf(text);
    expect(flags.map((f) => f.id)).toEqual(['arithmetic-qps', 'arithmetic-storage', 'arithmetic-latency', 'arithmetic-product']);
    for (const f of flags) {
      expect(Object.keys(f).sort()).toEqual(['evidence', 'id', 'instead', 'off', 'phase', 'severity', 'why']);
      expect(['minor', 'major', 'disqualifying']).toContain(f.severity);
      expect(f.why.length).toBeGreaterThan(10);
      expect(f.instead.length).toBeGreaterThan(10);
    }
  });

  it('is deterministic', () => {
    const text = readFileSync('test/fixtures/heldout5/ads-click-prediction/kwame.md', 'utf8');
    expect(checkArithmetic(text)).toEqual(checkArithmetic(text));
  });
});

describe('every answer fixture', () => {
  const root = 'test/fixtures';
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md') && !/^(KEY|LABELS|questions.*)\.md$/.test(name)) files.push(path);
    }
  };
  walk(root);

  /** Fixtures with a real arithmetic error, by path, with the arithmetic: the red-flag answers plant one each. */
  const EXPECTED: Record<string, ArithmeticFlag['id'][]> = {
    // 2 billion requests a day is about 23,000 per second, not 2,300.
    'redflags/video-recommendations.md': ['arithmetic-qps'],
    // 800 million listings × 768 floats × 4 bytes is about 2.5 TB, not 240 GB.
    'redflags/product-search-ranking.md': ['arithmetic-storage'],
    // 9.6 billion pages a day is about 111,000 per second, not 11,000.
    'redflags/feed-ranking.md': ['arithmetic-qps'],
    // 400 million loads a day is about 4,600 per second, not 460.
    'redflags/people-you-may-know.md': ['arithmetic-qps'],
    // 60 million screens a day is about 690 per second, not 70.
    'redflags/eta-prediction.md': ['arithmetic-qps'],
    // 12 million loads a day is about 140 per second, not 14.
    'redflags/event-recommendation.md': ['arithmetic-qps'],
    // 6 billion images × 2048 floats × 4 bytes is about 49 TB, not 4.9 TB.
    'redflags/visual-search.md': ['arithmetic-storage'],
  };

  it('covers the fixture folders', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (name, file) => {
    const result = checkArithmetic(readFileSync(file, 'utf8'));
    expect(result.flags.map((f) => f.id)).toEqual(EXPECTED[name] ?? []);
  });

  it.each<[string, number]>([
    ['answers/video-recommendations/prose-no-headings-senior.md', 1],
    ['heldout5/ads-click-prediction/kwame.md', 2],
    ['heldout4/product-search-ranking/staff.md', 2],
  ])('credits the right derivations in %s', (name, atLeast) => {
    const checks = checkArithmetic(readFileSync(join(root, name), 'utf8')).checks;
    expect(checks.filter((c) => c.ok).length).toBeGreaterThanOrEqual(atLeast);
  });
});

describe('size', () => {
  it('reads a 1 MB answer of derivations in one pass', { timeout: 20_000 }, () => {
    const unit = '200M DAU × 10 loads ≈ 2B/day ≈ 2M QPS. We run the cross-encoder over all 50M videos per request within 100 ms.\n';
    const text = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    const result = checkArithmetic(text);
    // One flag per distinct sentence; every repeat is still checked.
    expect(result.flags).toHaveLength(2);
    expect(result.checks.length).toBeGreaterThan(20_000);
  });

  it.each([
    ['one long line of numbers', '1 × '.repeat(250_000)],
    ['one long line of digits and commas', '1,'.repeat(500_000)],
    ['one long word', 'a'.repeat(1024 * 1024)],
    ['a long range chain', '1-'.repeat(500_000)],
    ['peak factors and rates in one sentence', '3x at peak, 10k per second, '.repeat(40_000)],
    ['"a few" repeated', 'a few '.repeat(200_000)],
    ['one long sentence of "all videos" with a ranker', 'the large ranker scores all 50M videos per request, '.repeat(20_000)],
    ['"That is" sentences', 'Assume 200M DAU × 10 loads. That is 2B a day. '.repeat(20_000)],
  ])('%s finishes', { timeout: 20_000 }, (_name, text) => {
    expect(Array.isArray(checkArithmetic(text).flags)).toBe(true);
  });
});
