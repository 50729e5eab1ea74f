import type { Locale } from './define.ts';

export type MessageParams = Record<string, string | number>;

const pluralRules: Record<Locale, Intl.PluralRules> = { ko: new Intl.PluralRules('ko'), en: new Intl.PluralRules('en') };

/**
 * Fills a catalog template:
 * - `{name}` → the parameter (an unknown one stays visible, so a typo shows instead of vanishing);
 * - `{name:one|other}` → the form for the parameter's plural category ("{n} {n:round|rounds}"); a `#`
 *   in a form stands for the number ("{n:# round played|All # rounds played}");
 * - Korean particles written as `은(는)`, `이(가)`, `을(를)`, `과(와)`, `(으)로`, `(이)에요`, `(이)라는`
 *   become the one that fits the final sound of the word before them ("apa02는", "컨테이너로").
 */
export function formatMessage(locale: Locale, template: string, params: MessageParams): string {
  // Most texts are plain (no placeholder, no particle marker): they come back as they are.
  const filled = !template.includes('{') ? template : template.replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    if (one === undefined || other === undefined) return String(params[name]);
    const form = pluralRules[locale].select(Number(params[name])) === 'one' ? one : other;
    return form.replaceAll('#', String(params[name]));
  });
  return locale === 'ko' && filled.includes('(') ? attachParticles(filled) : filled;
}

/** Marker → [after a final consonant, after a vowel]. */
const particles: Record<string, readonly [string, string]> = {
  '은(는)': ['은', '는'],
  '이(가)': ['이', '가'],
  '을(를)': ['을', '를'],
  '과(와)': ['과', '와'],
  '(으)로': ['으로', '로'],
  '(이)에요': ['이에요', '예요'],
  '(이)라는': ['이라는', '라는'],
};
const markerPattern = new RegExp(Object.keys(particles).map((marker) => marker.replace(/[()]/g, '\\$&')).join('|'), 'g');

/** Resolves every particle marker in `text` by the sound of the word before it. */
export function attachParticles(text: string): string {
  return text.replace(markerPattern, (marker, at: number) => {
    const sound = finalSound(text.slice(0, at));
    if (sound === 'unknown') return marker;
    const [afterConsonant, afterVowel] = particles[marker]!;
    // (으)로 after ㄹ takes 로: "파일로", "apa01로".
    if (marker === '(으)로' && sound === 'rieul') return afterVowel;
    return sound === 'vowel' ? afterVowel : afterConsonant;
  });
}

type FinalSound = 'vowel' | 'consonant' | 'rieul' | 'unknown';

/** How the last word of `before` ends when read aloud in Korean. */
export function finalSound(before: string): FinalSound {
  const trimmed = before.replace(/[`*"'’”\])]+$/u, '');
  const last = trimmed.at(-1);
  if (!last) return 'unknown';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
  }
  // Digits as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구.
  if (/[0-9]/.test(last)) return '1780'.includes(last) ? (last === '0' ? 'consonant' : 'rieul') : '36'.includes(last) ? 'consonant' : 'vowel';
  if (/[a-z]/i.test(last)) return latinFinalSound(trimmed.toLowerCase());
  return 'unknown';
}

/** English words and letter names: "docker" 도커, "stop" 스탑, "rm" 알엠, "html" 에이치티엠엘. */
function latinFinalSound(word: string): FinalSound {
  if (/(?:er|or|ar|ure|ore|are)$/.test(word)) return 'vowel';
  if (/l$/.test(word)) return 'rieul';
  if (/(?:[mn]|ng|[aeiou][pkbc])$/.test(word)) return 'consonant';
  return 'vowel';
}
