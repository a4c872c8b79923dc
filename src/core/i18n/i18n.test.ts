import { describe, expect, it } from 'vitest';
import { CATALOGUES, en, i18n, LOCALES, negotiateLocale } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('every interface string exists in all three languages, with the same placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale] as Record<string, string>;
      expect(Object.keys(catalogue).sort(), locale).toEqual(keys);
      for (const key of keys) {
        expect(catalogue[key]!.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(catalogue[key]!), `${locale} ${key}`).toEqual(
          placeholders(en[key as keyof typeof en]),
        );
      }
    }
  });
});

describe('i18n', () => {
  it('fills values and picks plural forms', () => {
    expect(i18n('en').tn('recs.count', 1)).toBe('1 recommendation.');
    expect(i18n('en').tn('recs.count', 1234)).toBe('1,234 recommendations.');
    expect(i18n('ko').tn('recs.count', 2)).toBe('제언 2건.');
    expect(i18n('ja').t('party.commitments', { n: 3 })).toBe('約束 (3)');
  });

  it('formats partial dates at their own precision', () => {
    expect(i18n('en').date('2025-02-24')).toBe('February 24, 2025');
    expect(i18n('en').date('2025-02')).toBe('February 2025');
    expect(i18n('en').date('2025')).toBe('2025');
    expect(i18n('ko').date('2025-02-24')).toBe('2025년 2월 24일');
    expect(i18n('ja').date('2025-02')).toBe('2025年2月');
  });

  it('falls back to English visibly when a record has no translation', () => {
    expect(i18n('ko').pick({ en: 'Pacific Islands Forum' })).toEqual({
      text: 'Pacific Islands Forum',
      lang: 'en',
    });
    expect(i18n('ko').pick({ en: 'Japan', ko: '일본' })).toEqual({ text: '일본', lang: 'ko' });
  });

  it('negotiates Accept-Language with q-values', () => {
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(negotiateLocale('fr-FR, ja;q=0.5, en;q=0.4')).toBe('ja');
    expect(negotiateLocale('de, fr')).toBe('en');
    expect(negotiateLocale('ja;q=0, ko;q=0.1')).toBe('ko');
    expect(negotiateLocale(undefined)).toBe('en');
  });
});
