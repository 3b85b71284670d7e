// Sums a person's donations per calendar year (UTC) and currency, on decimal text, never floats.
import type { DateTime } from 'luxon';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Money } from '../../model/entities.js';

export interface YearTotal {
  year: number;
  count: number;
  /** One total per currency given in that year, by currency code. */
  totals: Money[];
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "12.5" + "0.75" → "13.25": exact at any size, keeping the most fraction digits seen. */
export function sumDecimals(amounts: readonly string[]): string {
  const parsed = amounts.map((amount) => {
    const match = DECIMAL.exec(amount.trim());
    if (!match) throw new GatewayError('MAPPING', `A donation amount must be a decimal string, but got: ${JSON.stringify(amount)}`);
    const [, sign = '', whole = '0', fraction = ''] = match;
    return { sign, whole, fraction };
  });
  const scale = Math.max(0, ...parsed.map((p) => p.fraction.length));
  const total = parsed.reduce((sum, p) => {
    const units = BigInt(p.whole + p.fraction.padEnd(scale, '0'));
    return p.sign === '-' ? sum - units : sum + units;
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** Newest year first; within a year, currencies in alphabetical order. */
export function totalsByYear(donations: readonly { amount: Money; receivedAt: DateTime }[]): YearTotal[] {
  const years = new Map<number, Map<string, string[]>>();
  const counts = new Map<number, number>();
  for (const { amount, receivedAt } of donations) {
    const year = receivedAt.toUTC().year;
    counts.set(year, (counts.get(year) ?? 0) + 1);
    let currencies = years.get(year);
    if (!currencies) years.set(year, (currencies = new Map()));
    const amounts = currencies.get(amount.currency);
    if (amounts) amounts.push(amount.amount);
    else currencies.set(amount.currency, [amount.amount]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, currencies]) => ({
      year,
      count: counts.get(year) ?? 0,
      totals: [...currencies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([currency, amounts]) => ({ amount: sumDecimals(amounts), currency })),
    }));
}
