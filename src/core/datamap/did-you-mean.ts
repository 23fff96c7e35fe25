/**
 * "did you mean …?" suggestions for misspelt names. Two signals, because the mistakes in a
 * data map are of two kinds: typos (`categroy`, `acounts`) are caught by edit distance, and
 * half-remembered taxonomy keys (`user.contact.phone` for `user.contact.phone_number`) by
 * prefix, which edit distance would rank far away.
 */

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, the most
 * common typo (`nmae`, `phnoe`), counted as one edit instead of two.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (rows[i - 1]?.[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (rows[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** The candidates most likely meant by `input`, best first (at most `limit`). */
export function suggestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const lowered = input.toLowerCase();
  // A third of the length, capped: on long dotted keys a loose threshold suggests siblings
  // that merely share the prefix.
  const threshold = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    if (candidate === lowered) {
      scored.push({ name, score: 0 });
    } else if (lowered.length >= 3 && candidate.startsWith(lowered)) {
      // Ranks just after a one-letter typo; the shorter completion is the likelier one.
      scored.push({ name, score: 1.5 + (candidate.length - lowered.length) / 1000 });
    } else {
      const distance = editDistance(lowered, candidate);
      if (distance <= threshold) scored.push({ name, score: distance });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  // Only as good as the best, give or take one edit; a case-only difference is the answer.
  const best = scored[0]?.score ?? 0;
  const worst = best === 0 ? 0 : best + 1;
  return scored
    .filter((s) => s.score <= worst)
    .slice(0, limit)
    .map((s) => s.name);
}

/** `did you mean x?` / `did you mean x or y?`, or `fallback` when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, fallback: string): string {
  const names = suggestNames(input, candidates);
  const last = names.pop();
  if (last === undefined) return fallback;
  return names.length === 0
    ? `did you mean ${last}?`
    : `did you mean ${names.join(', ')} or ${last}?`;
}
