/** Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds. */
export const discordEpochMs = 1_420_070_400_000;

/**
 * Makes increasing Discord-style snowflakes (timestamp << 22 | worker | increment). With today's
 * clock they have 19 digits, like real ids; sorting them as BigInt sorts by creation.
 */
export function createSnowflakeGenerator(nowMs: () => number): () => string {
  let lastMs = 0;
  let increment = 0;
  return () => {
    let ms = Math.max(nowMs(), discordEpochMs + 1);
    if (ms <= lastMs) {
      ms = lastMs;
      increment += 1;
      if (increment > 0xfff) {
        ms += 1;
        increment = 0;
      }
    } else {
      increment = 0;
    }
    lastMs = ms;
    const value = (BigInt(ms - discordEpochMs) << 22n) | (1n << 17n) | BigInt(increment);
    return value.toString();
  };
}

/** Compares two snowflakes by creation order. */
export function compareSnowflakes(a: string, b: string): number {
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
