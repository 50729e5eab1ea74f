import { describe, expect, it } from 'vitest';
import { sanitizeGuildSettings } from '../../src/domain/settings/settings-rules.ts';
import { isLocale, t } from '../../src/i18n/index.ts';

describe('stored settings and messages', () => {
  it('replace an invalid stored server setting by its default and name it for repair', () => {
    expect(sanitizeGuildSettings({ newCardsPerDay: 20, desiredRetention: 0.85 })).toEqual({ settings: { newCardsPerDay: 20, desiredRetention: 0.85 }, repaired: [] });
    expect(sanitizeGuildSettings({ newCardsPerDay: 'lots', desiredRetention: 10 })).toEqual({
      settings: { newCardsPerDay: 10, desiredRetention: 0.9 }, repaired: ['newCardsPerDay', 'desiredRetention'],
    });
    expect(sanitizeGuildSettings({ newCardsPerDay: 2.5, desiredRetention: Number.NaN }).repaired).toEqual(['newCardsPerDay', 'desiredRetention']);
    expect(sanitizeGuildSettings({}).settings).toEqual({ newCardsPerDay: 10, desiredRetention: 0.9 });
  });

  it('t() never throws: an unknown locale falls back to English, an unknown key shows itself', () => {
    const strangeLocale = 'xx<script>' as unknown as 'ko';
    expect(t(strangeLocale, 'error.generic', { ref: 'ab12' })).toBe('Something went wrong. Please try again in a moment. (ref: ab12)');
    expect(t('ko', 'no.such.key' as 'error.generic')).toBe('no.such.key');
    expect(t('ko', 'constructor' as 'error.generic')).toBe('constructor');
    expect(t('en', 'error.rateLimited', { toString: 1 })).toContain('{seconds}');
    expect(t('en', 'error.rateLimited', null as unknown as Record<string, string>)).toContain('{seconds}');
    expect(isLocale('ko')).toBe(true);
    expect(isLocale('ko-KR')).toBe(false);
  });
});
