import { clipText } from '../domain/limits.ts';
import type { Locale } from '../i18n/index.ts';

/** A Discord timestamp that each reader sees in their own time zone ("in 3 hours"). */
export function relativeTime(instant: Date): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:R>`;
}

export function localized(text: { ko: string; en: string }, locale: Locale): string {
  return text[locale];
}

/** Shortens text to Discord's field limits without cutting a surrogate pair. */
export const clip = clipText;

/** Echoed user text: shown verbatim inside a code span so markdown and mentions stay inert. */
export function quoteUserText(text: string, max = 900): string {
  const clean = clip(text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim(), max);
  return clean === '' ? '—' : `\`${clean}\``;
}

export const brandColor = 0x2496ed;
export const successColor = 0x2ecc71;
export const failureColor = 0xe74c3c;
