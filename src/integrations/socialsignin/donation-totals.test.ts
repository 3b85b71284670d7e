import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { sumDecimals, totalsByYear } from './donation-totals.js';

const gift = (amount: string, currency: string, iso: string) => ({
  amount: { amount, currency },
  receivedAt: DateTime.fromISO(iso, { setZone: true }),
});

describe('totalsByYear', () => {
  it('sums per UTC year and currency, newest year first, currencies alphabetically', () => {
    const totals = totalsByYear([
      gift('25.00', 'EUR', '2025-03-01T10:00:00Z'),
      gift('100.00', 'EUR', '2026-04-01T10:00:00Z'),
      gift('0.10', 'USD', '2026-05-01T10:00:00Z'),
      gift('0.20', 'USD', '2026-06-01T10:00:00Z'),
      gift('12.50', 'EUR', '2026-01-01T00:30:00+01:00'), // 2025-12-31 in UTC
      gift('1000', 'JPY', '2026-07-01T10:00:00Z'),
    ]);
    expect(totals).toEqual([
      {
        year: 2026,
        count: 4,
        totals: [
          { amount: '100.00', currency: 'EUR' },
          { amount: '1000', currency: 'JPY' },
          { amount: '0.30', currency: 'USD' },
        ],
      },
      { year: 2025, count: 2, totals: [{ amount: '37.50', currency: 'EUR' }] },
    ]);
    expect(totalsByYear([])).toEqual([]);
  });
});

describe('sumDecimals', () => {
  it('adds decimal text exactly, at any size, refunds included', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['12.5', '0.75'])).toBe('13.25');
    expect(sumDecimals(['9007199254740993.01', '1.00'])).toBe('9007199254740994.01');
    expect(sumDecimals(['10.00', '-25.00'])).toBe('-15.00');
    expect(sumDecimals(['-0.05', '0.05'])).toBe('0.00');
    expect(sumDecimals(['5'])).toBe('5');
  });

  it('refuses an amount that is not decimal text', () => {
    expect(() => sumDecimals(['12,50'])).toThrow('A donation amount must be a decimal string, but got: "12,50"');
  });
});
