/**
 * Cards about the same concept give each other away when asked back to back (a term card that
 * lists the engine's parts, then "which three parts make up the engine?"). Reviews and quizzes
 * keep items of one concept at least this many questions apart whenever the pool allows it.
 */
export const conceptGap = 3;

type HasConcept = { readonly concept: string };

/**
 * The first candidate whose concept is not among the last `conceptGap` concepts asked (most recent
 * last); the first candidate when every one of them shares a recent concept; null for none.
 */
export function pickSpaced<T extends HasConcept>(candidates: readonly T[], recentConcepts: readonly string[]): T | null {
  const recent = new Set(recentConcepts.slice(-conceptGap));
  return candidates.find((item) => !recent.has(item.concept)) ?? candidates[0] ?? null;
}

/**
 * Reorders `items` so that one concept's items stand apart: each place takes, among the items whose
 * concept was not used in the last `conceptGap` places, one of the concept with the most items left
 * (so a large concept is not left bunched at the end), earliest first.
 */
export function spreadByConcept<T extends HasConcept>(items: readonly T[]): T[] {
  const left = [...items];
  const out: T[] = [];
  const leftOf = (concept: string) => left.filter((item) => item.concept === concept).length;
  while (left.length > 0) {
    const recent = new Set(out.slice(-conceptGap).map((item) => item.concept));
    const eligible = left.filter((item) => !recent.has(item.concept));
    const pool = eligible.length > 0 ? eligible : left;
    const next = pool.reduce((best, item) => (leftOf(item.concept) > leftOf(best.concept) ? item : best));
    left.splice(left.indexOf(next), 1);
    out.push(next);
  }
  return out;
}
