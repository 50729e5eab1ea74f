import { describe, expect, it } from 'vitest';
import { attachParticles, finalSound, formatMessage } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/index.ts';

describe('message formatting', () => {
  it('picks the English word for the count: one round, two rounds, zero rounds', () => {
    const template = '{n} {n:round|rounds}';
    expect(formatMessage('en', template, { n: 1 })).toBe('1 round');
    expect(formatMessage('en', template, { n: 2 })).toBe('2 rounds');
    expect(formatMessage('en', template, { n: 0 })).toBe('0 rounds');
    expect(t('en', 'lab.reset.done', { containers: 1, images: 1 })).toBe('🧹 Removed 1 container and 1 image.');
    expect(t('en', 'lab.reset.done', { containers: 3, images: 0 })).toBe('🧹 Removed 3 containers and 0 images.');
  });

  it('chooses the Korean particle by the final sound of the word before it', () => {
    expect(attachParticles('지속적 배포(이)에요')).toBe('지속적 배포예요');
    expect(attachParticles('컨테이너 이미지(이)에요')).toBe('컨테이너 이미지예요');
    expect(attachParticles('도커 엔진(이)에요')).toBe('도커 엔진이에요');
    expect(attachParticles('`apa02`은(는)')).toBe('`apa02`는');
    expect(attachParticles('`apa03`은(는)')).toBe('`apa03`은');
    expect(attachParticles('`exec`은(는)')).toBe('`exec`은');
    expect(attachParticles('`docker`을(를)')).toBe('`docker`를');
    expect(attachParticles('파일(으)로 · 이미지(으)로 · 컨테이너(으)로 · httpd(으)로 · html(으)로 · 서버(으)로 · 엔진(으)로')).toBe(
      '파일로 · 이미지로 · 컨테이너로 · httpd로 · html로 · 서버로 · 엔진으로',
    );
    expect(attachParticles('`stop`과(와) `rm`이(가)')).toBe('`stop`과 `rm`이');
  });

  it('leaves the marker as written when the word before it cannot be read (a symbol)', () => {
    expect(finalSound('`$(…)`')).toBe('unknown');
    expect(attachParticles('`$(…)`은(는)')).toBe('`$(…)`은(는)');
  });

  it('fills Korean catalog messages with the right particle for the value', () => {
    expect(t('ko', 'lab.refusal.not-docker', { detail: 'ls' })).toContain('`ls`는');
    expect(t('ko', 'lab.refusal.not-docker', { detail: 'rm' })).toContain('`rm`은');
  });
});
