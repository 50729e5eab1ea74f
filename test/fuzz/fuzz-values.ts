/** Seeded inputs a hostile or clumsy user could send: odd Unicode, oversized text, wrong types. */
export type Rng = () => number;

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const chance = (rng: Rng, p: number): boolean => rng() < p;
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const oddPieces = [
  '', ' ', '\n\n', 'ㅋ', '도커', 'docker', 'Docker 컨테이너', '\u200b', '\u202e', 'e\u0301', '🐳', '👩‍👩‍👧', '\ud800', '\u0000',
  '@everyone', '<@123456789012345678>', '<#123456789012345678>', '```', '`', '**', '||spoiler||', "'; drop table users;--",
  '{ref}', '{seconds}', '%s', '${HOME}', '\\', '"', '　', 'İ', 'ß', 'ﬁ', 'Ｄｏｃｋｅｒ', '０', '٣', 'NaN', 'undefined', 'null', '-1', '1e309',
];

/** Free text up to `max` UTF-16 units: short odd strings most of the time, sometimes the whole allowance. */
export function oddText(rng: Rng, max = 6000): string {
  if (chance(rng, 0.15)) return pick(rng, ['가', 'x', '🐳', 'ㅋㅋ']).repeat(max).slice(0, max);
  let text = '';
  const pieces = int(rng, 1, 6);
  for (let i = 0; i < pieces; i += 1) text += pick(rng, oddPieces);
  return text.slice(0, max);
}

/** A value of another type than the option wants, or one just outside what it allows. */
export function wrongValue(rng: Rng, type: number): unknown {
  const byType: Record<number, readonly unknown[]> = {
    3: [true, 42, 1.5, null, 'x'.repeat(6001), ['a']],
    4: ['10', 2.5, true, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, null, 0, -5, 10_000],
    10: ['0.9', true, 10, -1, 0, 1e308, null],
    5: ['true', 1, 0, 'yes', null],
    7: ['general', 123, '1', '99999999999999999999999', true],
  };
  return pick(rng, byType[type] ?? ['?', 0, true]);
}
