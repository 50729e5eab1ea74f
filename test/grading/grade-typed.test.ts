import { describe, expect, it } from 'vitest';
import { gradeTyped } from '../../src/domain/grading/grade-typed.ts';

const verdict = (input: string, accepted: string[]) => gradeTyped(input, accepted).verdict;

describe('gradeTyped', () => {
  it('accepts an answer with Korean particles or endings as correct and names the accepted string', () => {
    for (const typed of ['컨테이너는', '컨테이너를', '컨테이너입니다']) {
      expect(gradeTyped(typed, ['컨테이너', 'container'])).toEqual({ verdict: 'correct', matched: '컨테이너' });
    }
  });

  it('ignores spacing in Korean answers', () => {
    expect(gradeTyped('도커허브', ['도커 허브'])).toEqual({ verdict: 'correct', matched: '도커 허브' });
    expect(gradeTyped('도커 허브', ['도커허브'])).toEqual({ verdict: 'correct', matched: '도커허브' });
  });

  it('ignores case', () => {
    expect(gradeTyped('DOCKER hub', ['Docker Hub'])).toEqual({ verdict: 'correct', matched: 'Docker Hub' });
  });

  it('matches any accepted string, in either language, and prefers an exact match over a close one', () => {
    expect(gradeTyped('container', ['컨테이너', 'container'])).toEqual({ verdict: 'correct', matched: 'container' });
    expect(gradeTyped('images', ['image', 'images'])).toEqual({ verdict: 'correct', matched: 'images' });
  });

  it('takes ㅐ/ㅔ (and ㅒ/ㅖ) swaps as a spelling slip, even in short words, and never as exact', () => {
    expect(gradeTyped('도커 앤진', ['도커 엔진', 'Docker Engine'])).toEqual({ verdict: 'close', matched: '도커 엔진' });
    expect(gradeTyped('얘시', ['예시'])).toEqual({ verdict: 'close', matched: '예시' });
    expect(gradeTyped('도커 엔진', ['도커 엔진'])).toEqual({ verdict: 'correct', matched: '도커 엔진' });
    expect(gradeTyped('도커 안진', ['도커 엔진'])).toEqual({ verdict: 'incorrect' });
  });

  it('allows no typo in answers of up to 3 letters', () => {
    expect(verdict('tah', ['tag'])).toBe('incorrect');
    expect(verdict('rm', ['run'])).toBe('incorrect');
    expect(verdict('tag', ['tag'])).toBe('correct');
  });

  it('allows one typo in answers of 4 to 7 letters', () => {
    expect(gradeTyped('imgae', ['image'])).toEqual({ verdict: 'close', matched: 'image' });
    expect(verdict('imag', ['image'])).toBe('close');
    expect(verdict('imsge', ['image'])).toBe('close');
    expect(verdict('imgea', ['image'])).toBe('incorrect');
    expect(verdict('volme', ['volume'])).toBe('close');
    expect(verdict('vlme', ['volume'])).toBe('incorrect');
  });

  it('allows two typos in answers of 8 letters or more', () => {
    expect(verdict('dockrfil', ['Dockerfile'])).toBe('close');
    expect(verdict('dokrfil', ['Dockerfile'])).toBe('incorrect');
    expect(verdict('namespace', ['namespaces'])).toBe('close');
    expect(verdict('namspase', ['namespaces'])).toBe('incorrect');
  });

  it('keeps clearly different answers apart', () => {
    expect(verdict('cgroups', ['namespaces'])).toBe('incorrect');
    expect(verdict('namespaces', ['cgroups'])).toBe('incorrect');
    expect(verdict('docker stop', ['docker start'])).toBe('incorrect');
    expect(verdict('docker rm', ['docker run'])).toBe('incorrect');
    expect(verdict('docker px', ['docker ps'])).toBe('incorrect');
    expect(verdict('container', ['image'])).toBe('incorrect');
  });

  it('treats a different number as a different answer, not a typo', () => {
    expect(verdict('8081', ['8080'])).toBe('incorrect');
    expect(verdict('8080', ['8080'])).toBe('correct');
  });

  it('compares Korean jamo by jamo: one wrong vowel is close, a different word is incorrect', () => {
    expect(gradeTyped('하이퍼바이져', ['하이퍼바이저'])).toEqual({ verdict: 'close', matched: '하이퍼바이저' });
    expect(verdict('하이퍼바이져는', ['하이퍼바이저'])).toBe('close');
    expect(verdict('가상머신', ['하이퍼바이저'])).toBe('incorrect');
    expect(verdict('하이퍼링크', ['하이퍼바이저'])).toBe('incorrect');
    expect(verdict('하드웨어', ['하이퍼바이저'])).toBe('incorrect');
    expect(verdict('컨테이너', ['컨트롤러'])).toBe('incorrect');
    expect(verdict('이머지', ['이미지'])).toBe('close');
    expect(verdict('컨테이ㄴ', ['컨테이너'])).toBe('close');
  });

  it('keeps two-syllable Korean words exact (포트 and 포드 are different things)', () => {
    expect(verdict('포드', ['포트'])).toBe('incorrect');
    expect(verdict('볼름', ['볼륨'])).toBe('incorrect');
  });

  it('checks each word on its own budget when the learner typed as many words', () => {
    expect(verdict('도커 허부', ['도커 허브'])).toBe('incorrect');
    expect(verdict('지속적 배포', ['지속적 통합'])).toBe('incorrect');
    expect(verdict('continous integration', ['continuous integration'])).toBe('close');
  });

  it('is invalid for empty input and ignores blank accepted strings', () => {
    expect(gradeTyped('', ['x'])).toEqual({ verdict: 'invalid', reason: 'empty' });
    expect(gradeTyped('   \n', ['x'])).toEqual({ verdict: 'invalid', reason: 'empty' });
    expect(gradeTyped('x', ['', '  '])).toEqual({ verdict: 'incorrect' });
    expect(gradeTyped('x', [])).toEqual({ verdict: 'incorrect' });
  });
});
