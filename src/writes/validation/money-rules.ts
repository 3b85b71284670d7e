// Checks money inputs: an ISO 4217 currency and a positive decimal amount in its minor digits.
import { formatAmount, minorDigits } from '../../../connectors/money.js';
import type { Money } from '../../model/entities.js';
import type { MoneyInputShape } from '../inputs.js';
import { invalidInput } from './input-error.js';
import { isCurrencyCode } from './standard-codes.js';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function moneyFrom(input: MoneyInputShape, path: string): Money {
  const currency = input.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) throw invalidInput(`${path}.currency`, 'an ISO 4217 currency code such as "USD"', input.currency);
  // The CRMs keep at most two decimals (minorDigits' cap), so a KWD amount is held to two too.
  const digits = minorDigits(currency);
  const text = input.amount.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2]?.length ?? 0) > digits || !/[1-9]/.test(text)) {
    const example = digits === 0 ? '2500' : `25.${'0'.repeat(digits)}`;
    const places = digits === 0 ? 'no decimal places' : `at most ${digits} decimal places`;
    throw invalidInput(`${path}.amount`, `a decimal amount greater than 0 with ${places} for ${currency}, such as "${example}"`, input.amount);
  }
  return { amount: formatAmount(text, currency), currency };
}

/** The amount in minor units ("25.50" USD → 2550n), for exact sums. */
export function minorUnits(money: Money): bigint {
  const [whole = '0', fraction = ''] = money.amount.split('.');
  return BigInt(whole + fraction.padEnd(minorDigits(money.currency), '0'));
}
