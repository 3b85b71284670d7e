import { describe, expect, it } from 'vitest';
import { formatAmount, minorDigits } from './money.js';

describe('formatAmount', () => {
  it('pads to the currency minor digits from numbers and strings', () => {
    expect(formatAmount(125.5, 'USD')).toBe('125.50');
    expect(formatAmount(20, 'EUR')).toBe('20.00');
    expect(formatAmount('20', 'USD')).toBe('20.00');
    expect(formatAmount(0, 'USD')).toBe('0.00');
    expect(formatAmount(1000, 'JPY')).toBe('1000');
  });

  it('rounds extra digits half away from zero, without float noise', () => {
    expect(formatAmount(0.1 + 0.2, 'USD')).toBe('0.30');
    expect(formatAmount('12.345', 'USD')).toBe('12.35');
    expect(formatAmount('-12.345', 'USD')).toBe('-12.35');
    expect(formatAmount('-0.001', 'USD')).toBe('0.00');
  });

  it('keeps every digit of large amounts', () => {
    expect(formatAmount('123456789012345678.9', 'USD')).toBe('123456789012345678.90');
  });

  it('leaves text that is not a decimal as it is', () => {
    expect(formatAmount('n/a', 'USD')).toBe('n/a');
  });
});

describe('minorDigits', () => {
  it('follows ISO 4217, capped by what the CRM stores', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(2);
    expect(minorDigits('BHD', 3)).toBe(3);
    expect(minorDigits('??')).toBe(2);
  });
});
