import { describe, expect, it } from 'vitest';
import { phoneDigitForms, queryPhoneDigits } from './phone-digits.js';

describe('phoneDigitForms', () => {
  it('spells an E.164 number internationally, nationally with the trunk prefix, and without it', () => {
    expect(phoneDigitForms('+442071234567')).toEqual(['442071234567', '02071234567', '2071234567']);
    expect(phoneDigitForms('+14155550132')).toEqual(['14155550132', '4155550132']);
    // Italy keeps its leading 0 in the national number itself.
    expect(phoneDigitForms('+390612345678')).toEqual(['390612345678', '0612345678']);
  });

  it('keeps the bare digits of a number the CRM could not normalise', () => {
    expect(phoneDigitForms('555-0132 ext. 4')).toEqual(['55501324']);
    expect(phoneDigitForms('+15550199')).toEqual(['15550199']);
    expect(phoneDigitForms('unknown')).toEqual([]);
  });
});

describe('queryPhoneDigits', () => {
  it('reads phone-shaped text as digits, dropping a 00 international prefix', () => {
    expect(queryPhoneDigits('020 7123 4567')).toBe('02071234567');
    expect(queryPhoneDigits('+44 (0)20 7123-4567')).toBe('442071234567');
    expect(queryPhoneDigits('0044 20 7123 4567')).toBe('442071234567');
    expect(queryPhoneDigits('(415) 555.0132')).toBe('4155550132');
  });

  it('is null for text that is not a phone number, or too short to be one', () => {
    expect(queryPhoneDigits('ada')).toBeNull();
    expect(queryPhoneDigits('flat 20071')).toBeNull();
    expect(queryPhoneDigits('2026')).toBeNull();
  });
});
