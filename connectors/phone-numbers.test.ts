import { describe, expect, it } from 'vitest';
import { isRegionCode, parseToE164, regionFor, toE164 } from './phone-numbers.js';

describe('toE164', () => {
  it('normalises international and national spellings', () => {
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(toE164('(415) 555-0132', 'US')).toBe('+14155550132');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('030 1234567', 'DE')).toBe('+49301234567');
  });

  it('keeps the original (trimmed) string when the number cannot be read', () => {
    expect(toE164('+1 555 0199', 'US')).toBe('+1 555 0199');
    expect(toE164('  call the office ', 'US')).toBe('call the office');
    expect(toE164('', 'US')).toBe('');
  });

  it('needs a country code when there is no default region', () => {
    expect(toE164('(415) 555-0132', null)).toBe('(415) 555-0132');
    expect(toE164('+1 415 555 0132', null)).toBe('+14155550132');
  });
});

describe('parseToE164', () => {
  it('says null where toE164 would keep the original spelling', () => {
    expect(parseToE164(' (415) 555-0132 ', 'US')).toBe('+14155550132');
    expect(parseToE164('020 7123 4567', 'GB')).toBe('+442071234567');
    expect(parseToE164('12', 'US')).toBeNull();
    expect(parseToE164('(415) 555-0132', null)).toBeNull();
    expect(parseToE164('   ', 'US')).toBeNull();
  });
});

describe('regions', () => {
  it('knows ISO regions libphonenumber supports, in upper case only', () => {
    expect(isRegionCode('US')).toBe(true);
    expect(isRegionCode('us')).toBe(false);
    expect(isRegionCode('XX')).toBe(false);
    expect(isRegionCode('USA')).toBe(false);
  });

  it('reads with the address country when known, else the fallback', () => {
    expect(regionFor('gb', 'US')).toBe('GB');
    expect(regionFor('Narnia', 'US')).toBe('US');
    expect(regionFor(null, 'CA')).toBe('CA');
  });
});
