import { describe, expect, it } from 'vitest';
import { answerKey, normalizeAnswer } from '../../src/domain/grading/normalize.ts';
import { stripKoreanEndings } from '../../src/domain/grading/korean-endings.ts';

describe('normalizeAnswer', () => {
  it('strips particles and copula endings from a Korean answer', () => {
    for (const typed of ['컨테이너는', '컨테이너를', '컨테이너입니다', '컨테이너가', '컨테이너예요', '컨테이너에서는', '컨테이너 입니다.']) {
      expect(normalizeAnswer(typed), typed).toBe('컨테이너');
    }
    expect(normalizeAnswer('이미지를')).toBe('이미지');
    expect(normalizeAnswer('볼륨은')).toBe('볼륨');
    expect(normalizeAnswer('볼륨으로')).toBe('볼륨');
    expect(normalizeAnswer('이미지만을')).toBe('이미지');
  });

  it('keeps a last syllable that belongs to the word', () => {
    // 웨 has no final consonant, so 이 here is part of the word, not the subject particle.
    expect(normalizeAnswer('게이트웨이')).toBe('게이트웨이');
    expect(normalizeAnswer('게이트웨이가')).toBe('게이트웨이');
    // Cutting would leave a single syllable.
    expect(normalizeAnswer('경로')).toBe('경로');
    expect(normalizeAnswer('필요')).toBe('필요');
    expect(normalizeAnswer('정의')).toBe('정의');
    // 는 only follows a vowel, 은 only a final consonant.
    expect(stripKoreanEndings('볼륨는')).toBe('볼륨는');
    expect(stripKoreanEndings('도커은')).toBe('도커은');
  });

  it('attaches a particle typed as its own word to the word before it', () => {
    expect(normalizeAnswer('컨테이너 는')).toBe('컨테이너');
  });

  it('lowercases, folds full-width letters and turns punctuation into spaces', () => {
    expect(normalizeAnswer('  Docker   HUB!! ')).toBe('docker hub');
    expect(normalizeAnswer('ｃｏｎｔａｉｎｅｒ')).toBe('container');
    expect(normalizeAnswer('CI/CD')).toBe('ci cd');
    expect(normalizeAnswer('docker-compose')).toBe('docker compose');
    expect(normalizeAnswer('The image')).toBe('image');
  });

  it('removes zero-width, bidi and other invisible characters', () => {
    expect(normalizeAnswer('con\u200btai\u200dner\ufeff')).toBe('container');
    expect(normalizeAnswer('\u202e\u2066container\u2069\u200f')).toBe('container');
    expect(normalizeAnswer('도\u00ad커')).toBe('도커');
  });

  it('strips particles after a Latin word too', () => {
    expect(normalizeAnswer('Docker는')).toBe('docker');
    expect(normalizeAnswer('Dockerfile을')).toBe('dockerfile');
  });

  it('ignores spacing in the comparison key', () => {
    expect(answerKey('도커 허브')).toBe(answerKey('도커허브'));
    expect(answerKey('지속적 통합은')).toBe('지속적통합');
  });

  it('returns an empty string when nothing but symbols, emoji or whitespace is typed', () => {
    for (const typed of ['', '   ', '\n\t', '😀🐳', '?!…', '\u200b\u200b', '1️⃣'.slice(1)]) expect(normalizeAnswer(typed)).toBe('');
  });
});
