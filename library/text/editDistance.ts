// The one edit distance of the code base: optimal string alignment (insert, delete, substitute, swap
// two neighbours), as natural's DamerauLevenshteinDistance computes it, but bounded and without a
// matrix per call. Branch names, catalog words, spelling correction and typed option names use it.

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance between `a` and `b`. With `max`, it gives up as soon as the
 * distance must exceed it and returns `max + 1` (cheap for "is it within one or two typos?").
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  // Reused rows: a patron's message is matched against every branch and option on each turn.
  if (lb + 1 > rows[0].length) rows = rows.map(() => new Int32Array(2 * (lb + 1)));
  let [previous2, previous, current] = rows;
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, previous2[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[lb];
}

/** Within one typo (the spelling corrector's and the catalog search's test). */
export function withinOneEdit(a: string, b: string): boolean {
  return editDistance(a, b, 1) <= 1;
}
