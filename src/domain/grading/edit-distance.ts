/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition) between two strings,
 * counted in code points so an emoji or a rare CJK character is one unit, not two.
 *
 * `limit` bounds the work: once every path costs more than `limit`, the search stops and returns
 * `limit + 1`. Grading only ever asks "is it within 0, 1 or 2 edits?", so a 4,000-character input
 * against a short answer costs almost nothing.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length);

  // Three rolling rows: two back for the transposition case, one back, and the current row.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[t.length]!;
  return distance > limit ? limit + 1 : distance;
}
