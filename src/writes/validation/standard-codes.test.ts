import { describe, expect, it } from 'vitest';
import { isCountryCode, isCurrencyCode, isLanguageCode } from './standard-codes.js';

describe('standard codes', () => {
  it('knows the assigned ISO 3166-1 alpha-2 countries, not withdrawn, reserved or user-assigned codes', () => {
    for (const code of ['GB', 'US', 'DE', 'AQ', 'SS', 'BQ', 'CW', 'AX']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['UK', 'EU', 'UN', 'XK', 'ZZ', 'SU', 'YU', 'AN', 'gb', 'GBR', '']) expect(isCountryCode(code), code).toBe(false);
  });

  it('knows ISO 639-1 languages in lower case', () => {
    expect(isLanguageCode('en')).toBe(true);
    expect(isLanguageCode('pt')).toBe(true);
    expect(isLanguageCode('EN')).toBe(false);
    expect(isLanguageCode('eng')).toBe(false);
    expect(isLanguageCode('xx')).toBe(false);
  });

  it('knows ISO 4217 currencies in upper case', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('JPY')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
  });
});
