/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function typoDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words shorter than this are never corrected: too many real words sit one edit apart. */
export const MIN_TYPO_LENGTH = 6;

/**
 * Finds the rubric word an answer word was probably meant to be, one edit away (insert, delete, substitute,
 * swap). Built once per rubric from the words its phrases use; lookups go through single-deletion keys, so a
 * lookup costs a few map reads rather than a scan.
 */
export class TypoIndex {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly norms = new Map<string, string>();
  private readonly knownNorms = new Set<string>();

  constructor(
    words: Iterable<[lower: string, norm: string]>,
    private readonly notTypos: ReadonlySet<string>,
  ) {
    for (const [lower, norm] of words) {
      this.knownNorms.add(norm);
      if (lower.length < MIN_TYPO_LENGTH || this.norms.has(lower)) continue;
      this.norms.set(lower, norm);
      for (const key of deletions(lower)) {
        const list = this.byDeletion.get(key) ?? [];
        list.push(lower);
        this.byDeletion.set(key, list);
      }
    }
  }

  /** The rubric norm for a misspelt answer word, or undefined when the word is fine or too far from any. */
  correct(lower: string, norm: string): string | undefined {
    if (lower.length < MIN_TYPO_LENGTH || this.knownNorms.has(norm) || this.norms.has(lower) || !/^[a-z]+$/.test(lower)) return undefined;
    const seen = new Set<string>();
    for (const key of deletions(lower)) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        if (this.notTypos.has(`${lower}|${candidate}`)) continue;
        if (typoDistance(lower, candidate) <= 1) return this.norms.get(candidate);
      }
    }
    return undefined;
  }
}
