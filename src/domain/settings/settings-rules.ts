/**
 * The learner's and the server's settings: their allowed values and defaults, in one place. The
 * `/settings` options, the write path and the read path all use these rules, so a value that is
 * not allowed can neither be saved nor, if an old row holds one, be used.
 */
export const newCardsPerDayLimits = { min: 1, max: 100, default: 10 } as const;
export const desiredRetentionLimits = { min: 0.7, max: 0.97, default: 0.9 } as const;

export type GuildSettings = { newCardsPerDay: number; desiredRetention: number };

export const defaultGuildSettings: GuildSettings = {
  newCardsPerDay: newCardsPerDayLimits.default,
  desiredRetention: desiredRetentionLimits.default,
};

export function isValidNewCardsPerDay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= newCardsPerDayLimits.min && value <= newCardsPerDayLimits.max;
}

export function isValidDesiredRetention(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= desiredRetentionLimits.min && value <= desiredRetentionLimits.max;
}

/**
 * The server's settings as stored, with every invalid field replaced by its default. `repaired`
 * lists the fields that were replaced, so the caller can write the defaults back.
 */
export function sanitizeGuildSettings(stored: { newCardsPerDay?: unknown; desiredRetention?: unknown }): {
  settings: GuildSettings;
  repaired: (keyof GuildSettings)[];
} {
  const repaired: (keyof GuildSettings)[] = [];
  const newCardsPerDay = isValidNewCardsPerDay(stored.newCardsPerDay) ? stored.newCardsPerDay : (repaired.push('newCardsPerDay'), defaultGuildSettings.newCardsPerDay);
  const desiredRetention = isValidDesiredRetention(stored.desiredRetention) ? stored.desiredRetention : (repaired.push('desiredRetention'), defaultGuildSettings.desiredRetention);
  return { settings: { newCardsPerDay, desiredRetention }, repaired };
}
