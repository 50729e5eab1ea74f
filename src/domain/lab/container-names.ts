// Docker names unnamed containers "adjective_surname"; we do the same so `docker ps` looks familiar.
// Our own short lists (not Docker's): scientists and engineers whose work computing builds on.
const adjectives = [
  'brave', 'calm', 'clever', 'eager', 'gentle', 'happy', 'jolly', 'keen', 'lucid', 'merry',
  'nifty', 'proud', 'quiet', 'sharp', 'sunny', 'swift', 'tender', 'vivid', 'witty', 'zen',
] as const;
const surnames = [
  'babbage', 'curie', 'dijkstra', 'euler', 'gauss', 'hopper', 'kepler', 'knuth', 'lamport', 'liskov',
  'lovelace', 'noether', 'pascal', 'ritchie', 'shannon', 'thompson', 'torvalds', 'turing', 'wozniak', 'yonath',
] as const;

/**
 * A Docker-style name (`brave_turing`) that is not in `taken`. After a few collisions a number is
 * appended (`brave_turing3`), which Docker also does.
 */
export function generateContainerName(rng: () => number, taken: ReadonlySet<string>): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length) % list.length]!;
  for (let attempt = 0; ; attempt++) {
    const base = `${pick(adjectives)}_${pick(surnames)}`;
    const name = attempt < 5 ? base : `${base}${Math.floor(rng() * 10)}`;
    if (!taken.has(name)) return name;
  }
}
