import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/domain/grading/grade-command.ts';
import { gradeTyped } from '../../src/domain/grading/grade-typed.ts';
import { answerMaxChars as maxAnswerLength } from '../../src/domain/limits.ts';
import { hintFor } from '../../src/domain/grading/hint.ts';
import { normalizeAnswer } from '../../src/domain/grading/normalize.ts';
import { seededRandom as seeded } from '../../src/domain/random.ts';

const accepted = ['컨테이너', 'container', '도커 허브'];
const commands = ['docker ps -a'];

// Pieces a hostile or unlucky input is made of: invisible and bidi characters, controls, lone
// surrogates, emoji with joiners, combining marks, jamo, full-width letters, shell syntax.
const pieces = [
  '\u200b', '\u200d', '\u202e', '\u2066', '\u200f', '\ufeff', '\u0000', '\u0007', '\u007f', '\ud800', '\udfff',
  '👩‍💻', '🐳', '1️⃣', 'e\u0301', 'ㄱ', 'ㅏ', '\u1100\u1161', '컨', '테', '이', '너', '는', 'ｄ', 'A', 'z', ' ', '\n', '\t',
  '$(', ')', ';', '|', '"', "'", '\\', '-', '--', '=', 'docker', ' ps', ' -a',
];

function fuzzInput(rng: () => number): string {
  const length = Math.floor(rng() * 40);
  let out = '';
  for (let i = 0; i < length; i++) out += pieces[Math.floor(rng() * pieces.length)];
  return out;
}

describe('grading hostile input', () => {
  it('is invalid (too long) above 4,000 characters, for text and commands', () => {
    expect(gradeTyped('컨'.repeat(maxAnswerLength + 1), accepted)).toEqual({ verdict: 'invalid', reason: 'too-long' });
    expect(gradeTyped('a'.repeat(1_000_000), accepted)).toEqual({ verdict: 'invalid', reason: 'too-long' });
    expect(gradeCommand('docker ps -a '.repeat(400), commands)).toEqual({ verdict: 'invalid', reason: 'too-long' });
  });

  it('counts characters, not UTF-16 units: 4,000 emoji are not too long', () => {
    expect(gradeTyped('🐳'.repeat(maxAnswerLength), accepted)).toEqual({ verdict: 'invalid', reason: 'empty' });
    expect(gradeTyped(`컨테이너 ${'x'.repeat(3_990)}`, accepted)).toEqual({ verdict: 'incorrect' });
  });

  it('is invalid (empty) for only whitespace, zero-width characters, emoji or RTL marks', () => {
    for (const typed of ['   ', '\n\t\r', '\u200b\u200c\u200d', '🐳🐳', '\u202e\u200f', '\u3000']) {
      expect(gradeTyped(typed, accepted), JSON.stringify(typed)).toEqual({ verdict: 'invalid', reason: 'empty' });
    }
    for (const typed of ['   ', '\n\t\r', '\u200b\u200c\u200d', '\u202e\u200f', '\u3000']) {
      expect(gradeCommand(typed, commands), JSON.stringify(typed)).toEqual({ verdict: 'invalid', reason: 'empty' });
    }
    expect(gradeCommand('🐳🐳', commands)).toEqual({ verdict: 'incorrect' });
  });

  it('does not let invisible characters or emoji turn a wrong answer into a right one', () => {
    expect(gradeTyped('\u202e이미지', ['컨테이너']).verdict).toBe('incorrect');
    expect(gradeTyped('🐳 image 🐳', ['container']).verdict).toBe('incorrect');
    expect(gradeCommand('docker\u202e ps', ['docker ps -a']).verdict).toBe('incorrect');
  });

  it('sees through invisible characters inside a right answer', () => {
    expect(gradeTyped('컨\u200b테이너\u200f', accepted).verdict).toBe('correct');
  });

  it('never throws, on 2,000 seeded random inputs', () => {
    const rng = seeded(20_240_405);
    for (let i = 0; i < 2_000; i++) {
      const input = fuzzInput(rng);
      expect(() => {
        const typed = gradeTyped(input, accepted);
        expect(['correct', 'close', 'incorrect', 'invalid']).toContain(typed.verdict);
        const command = gradeCommand(input, commands);
        expect(command.verdict).not.toBe('close');
        normalizeAnswer(input);
        hintFor(input);
      }, JSON.stringify(input)).not.toThrow();
    }
  });

  it('handles a maximum-length answer quickly', () => {
    const long = '컨테이너는 '.repeat(666);
    const started = performance.now();
    expect(gradeTyped(long, accepted).verdict).toBe('incorrect');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
