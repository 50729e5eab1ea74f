import { cohort } from './catalogs/cohort.ts';
import { core } from './catalogs/core.ts';
import { decks } from './catalogs/decks.ts';
import { help } from './catalogs/help.ts';
import { interview } from './catalogs/interview.ts';
import { lab } from './catalogs/lab.ts';
import { review } from './catalogs/review.ts';
import { social } from './catalogs/social.ts';
import { progress } from './catalogs/progress.ts';
import { quiz } from './catalogs/quiz.ts';
import { locales, type Locale } from './define.ts';
import { formatMessage, type MessageParams } from './format.ts';

export { locales, type Locale } from './define.ts';

// Each area keeps its own catalog file; they are merged here. Add new areas to this list.
const areas = [core, help, review, social, interview, quiz, lab, progress, decks, cohort] as const;

type Merge<T extends readonly { ko: object }[]> = T extends readonly [infer H extends { ko: object }, ...infer R extends { ko: object }[]]
  ? H['ko'] & Merge<R>
  : unknown;
export type MessageKey = keyof Merge<typeof areas> & string;
export type { MessageParams } from './format.ts';

export const catalogs: Record<Locale, Record<string, string>> = {
  ko: Object.assign({}, ...areas.map((area) => area.ko)),
  en: Object.assign({}, ...areas.map((area) => area.en)),
};

/**
 * Looks up a message and fills it (placeholders, plurals, Korean particles: see `formatMessage`). Never
 * throws: a locale or key that is not ours (e.g. read from an old database row) falls back to English, then to the key.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const language: Locale = isLocale(locale) ? locale : 'en';
  const catalog = catalogs[language];
  const template = (Object.hasOwn(catalog, key) ? catalog[key] : undefined) ?? (Object.hasOwn(catalogs.en, key) ? catalogs.en[key] : undefined) ?? String(key);
  return formatMessage(language, template, params ?? {});
}

/** Narrows any value (a stored setting, an option) to one of our languages. */
export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}

/** Discord locale ("ko", "en-US", …) → our language: Korean for ko, English for everything else. */
export function localeFromDiscord(discordLocale: string | null | undefined): Locale {
  return typeof discordLocale === 'string' && discordLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Both translations of a key, for Discord's name/description localizations. */
export function bothLocales(key: MessageKey): Record<Locale, string> {
  return { ko: t('ko', key), en: t('en', key) };
}
