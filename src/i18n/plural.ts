import { catalogs, t, type Locale, type MessageKey, type MessageParams } from './index.ts';

/** Base keys of messages that come in plural forms: `base.one`, `base.other`, … (`other` is required). */
export type CountKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const pluralRules: Record<Locale, Intl.PluralRules> = { ko: new Intl.PluralRules('ko'), en: new Intl.PluralRules('en') };

/**
 * A message whose wording depends on a number ("1 round" / "3 rounds"): picks `key.<category>` by
 * the language's plural rules (Korean has one form, English "one" and "other"), falling back to
 * `key.other`. The number is available to the message as `{count}`.
 */
export function tCount(locale: Locale, key: CountKey, count: number, params: MessageParams = {}): string {
  const exact = `${key}.${pluralRules[locale].select(count)}`;
  const chosen = (exact in catalogs[locale] ? exact : `${key}.other`) as MessageKey;
  return t(locale, chosen, { count, ...params });
}
