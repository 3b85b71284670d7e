import { describe, expect, it } from 'vitest';
import { languageToLocale, localeToLanguage } from './language-codes.js';

describe('localeToLanguage', () => {
  it('takes the language of a locale in either spelling', () => {
    expect(localeToLanguage('en_US')).toBe('en');
    expect(localeToLanguage('pt-BR')).toBe('pt');
    expect(localeToLanguage('FR')).toBe('fr');
  });

  it('returns null for empty and unreadable values', () => {
    expect(localeToLanguage(null)).toBeNull();
    expect(localeToLanguage('')).toBeNull();
    expect(localeToLanguage('english')).toBeNull();
  });
});

describe('languageToLocale', () => {
  it('picks the usual locale for a bare language', () => {
    expect(languageToLocale('en')).toBe('en_US');
    expect(languageToLocale('de')).toBe('de_DE');
    expect(languageToLocale('ja')).toBe('ja_JP');
  });

  it('keeps a given region, normalising the spelling', () => {
    expect(languageToLocale('en-gb')).toBe('en_GB');
    expect(languageToLocale('fr_CA')).toBe('fr_CA');
  });

  it('round-trips through localeToLanguage', () => {
    for (const lang of ['en', 'fr', 'es', 'de', 'pt', 'zh', 'sv', 'ga']) expect(localeToLanguage(languageToLocale(lang))).toBe(lang);
  });
});
