import { getChoseong } from 'es-hangul';

// A run of Hangul syllables, or a run of other letters/digits (Latin, numbers, jamo).
const run = /[\uac00-\ud7a3]+|(?:(?![\uac00-\ud7a3])[\p{L}\p{N}])+/gu;

/**
 * A hint that keeps the answer's shape: Korean syllables become their initial consonants (초성),
 * every other word keeps its first letter and hides the rest with underscores; spaces and
 * punctuation stay. "도커 허브" → "ㄷㅋ ㅎㅂ", "container" → "c________", "Docker 이미지" →
 * "D_____ ㅇㅁㅈ", "CI/CD" → "C_/C_". Within one word each script is hinted on its own
 * ("Docker이미지" → "D_____ㅇㅁㅈ").
 */
export function hintFor(answer: string): string {
  if (typeof answer !== 'string') return '';
  return answer
    .trim()
    .replace(/\s+/g, ' ')
    .replace(run, (text) => {
      if (/^[\uac00-\ud7a3]/.test(text)) return getChoseong(text);
      const [first = '', ...rest] = Array.from(text);
      return first + '_'.repeat(rest.length);
    });
}
