/** Edit distance between two short strings (ids, words); allocation is one row. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(row[j - 1]! + 1, prev[j]! + 1, prev[j - 1]! + cost);
    }
    prev = row;
  }
  return prev[b.length]!;
}

const words = (s: string) => s.toLowerCase().split(/[-_\s./]+/).filter(Boolean);

/** True when every word typed starts a word of the candidate, as "video-recs" does "video-recommendations". */
function abbreviates(input: string, candidate: string): boolean {
  const typed = words(input);
  const target = words(candidate);
  return typed.length > 0 && typed.every((w) => {
    const stem = w.length > 3 ? w.replace(/s$/, '') : w;
    return target.some((t) => t.startsWith(stem));
  });
}

/** The candidates closest to `input`: substrings and abbreviations first, then by edit distance, at most `limit`. */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  return candidates
    .map((c) => {
      const hay = c.toLowerCase();
      const near = hay.includes(needle) || needle.includes(hay) || abbreviates(needle, hay);
      return { c, d: near ? 0 : editDistance(needle, hay) };
    })
    .filter(({ c, d }) => d <= Math.max(3, Math.floor(c.length / 2)))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map(({ c }) => c);
}
