import type { Locale } from '../domain/locale.ts';

export { locales } from '../domain/locale.ts';
export type { Locale };

/**
 * Declares one area's messages. Both languages must list the same keys: a key missing in either
 * catalog is a type error here (and a test checks the merged catalogs again at run time).
 */
export function defineMessages<K extends string>(messages: { ko: Record<K, string>; en: Record<K, string> }) {
  return messages;
}
