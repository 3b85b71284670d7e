import { describe, expect, it } from 'vitest';
import { formatAmount, fromMinorUnits, minorDigits, toMinorUnits } from './money.js';

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

describe('toMinorUnits and fromMinorUnits', () => {
  it('count a decimal string in units of 10^-digits exactly, signs and short fractions included', () => {
    expect(toMinorUnits('12.5', 2)).toBe(1250n);
    expect(toMinorUnits(' 25.50 ', 2)).toBe(2550n);
    expect(toMinorUnits('-0.05', 2)).toBe(-5n);
    expect(toMinorUnits('.5', 4)).toBe(5000n);
    expect(toMinorUnits('1000', 0)).toBe(1000n);
    expect(toMinorUnits('12.34567', 4)).toBe(123456n);
    expect(toMinorUnits('99999999999999999.99', 2)).toBe(9999999999999999999n);
  });

  it('write units back as the decimal string', () => {
    expect(fromMinorUnits(1250n, 2)).toBe('12.50');
    expect(fromMinorUnits(5n, 2)).toBe('0.05');
    expect(fromMinorUnits(-5n, 2)).toBe('-0.05');
    expect(fromMinorUnits(1000n, 0)).toBe('1000');
  });
});
