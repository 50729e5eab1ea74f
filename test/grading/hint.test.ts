import { describe, expect, it } from 'vitest';
import { hintFor } from '../../src/domain/grading/hint.ts';

describe('hintFor', () => {
  it('shows the initial consonants of a Korean answer, keeping spaces', () => {
    expect(hintFor('도커 허브')).toBe('ㄷㅋ ㅎㅂ');
    expect(hintFor('하이퍼바이저')).toBe('ㅎㅇㅍㅂㅇㅈ');
  });

  it('keeps the first letter of each English word and hides the rest', () => {
    expect(hintFor('container')).toBe('c________');
    expect(hintFor('Docker Hub')).toBe('D_____ H__');
  });

  it('hints a mixed answer word by word and keeps punctuation', () => {
    expect(hintFor('Docker 이미지')).toBe('D_____ ㅇㅁㅈ');
    expect(hintFor('Docker이미지')).toBe('D_____ㅇㅁㅈ');
    expect(hintFor('CI/CD')).toBe('C_/C_');
    expect(hintFor('docker-compose')).toBe('d_____-c______');
  });

  it('collapses surrounding and repeated whitespace and copes with empty input', () => {
    expect(hintFor('  도커   허브 ')).toBe('ㄷㅋ ㅎㅂ');
    expect(hintFor('')).toBe('');
  });
});
