import { describe, expect, it } from 'vitest';
import { codeToCountry, countryToCode } from './country-names.js';

describe('Vtiger country names', () => {
  it('reads a written name back as the code it was written from, for every country', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const mismatches: string[] = [];
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        const name = codeToCountry(code);
        if (name === code || code === 'ZZ' || new Intl.Locale(`und-${code}`).region !== code) continue;
        if (countryToCode(name) !== code) mismatches.push(`${code} → ${name} → ${countryToCode(name)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(countryToCode(codeToCountry('GB'))).toBe('GB');
  });

  it('reads withdrawn codes and common spellings as the current code', () => {
    expect(countryToCode('UK')).toBe('GB');
    expect(countryToCode('uk')).toBe('GB');
    expect(countryToCode('United Kingdom')).toBe('GB');
    expect(countryToCode('DD')).toBe('DE');
    expect(countryToCode('Germany')).toBe('DE');
    expect(countryToCode('USA')).toBe('US');
    expect(countryToCode('England')).toBe('GB');
  });

  it('gives null for blanks and text it does not recognise', () => {
    expect(countryToCode('  ')).toBeNull();
    expect(countryToCode('Atlantis')).toBeNull();
    expect(countryToCode('QQ')).toBeNull();
    expect(countryToCode('ZZ')).toBeNull();
  });
});
