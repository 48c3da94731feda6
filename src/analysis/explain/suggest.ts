/**
 * "Did you mean" candidates for a mistyped id: the same name in another namespace first, then
 * ids within a small edit distance, at most `limit`, in a stable order.
 */
export function suggest(wanted: string, known: readonly string[], limit = 3): string[] {
  const name = nameOf(wanted);
  const scored = known
    .map((id) => ({
      id,
      score: nameOf(id) === name ? 0 : distance(wanted, id, budget(wanted)),
    }))
    .filter((candidate) => candidate.score <= budget(wanted))
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((candidate) => candidate.id);
}

function nameOf(id: string): string {
  return id.slice(id.indexOf('/') + 1).split('@')[0] ?? id;
}

/** A third of the length, at least 2: enough for a typo or a renamed prefix, not for noise. */
function budget(text: string): number {
  return Math.max(2, Math.floor(text.length / 3));
}

/** Levenshtein distance, giving up (returning `limit + 1`) once every row exceeds `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
