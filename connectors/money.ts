// Formats CRM amounts (JSON numbers like 125.5, or decimal strings) as the unified decimal string.

/** Minor digits of a currency (USD 2, JPY 0), capped by what the CRM can store. */
// Building an Intl.NumberFormat costs far more than using one: a first sync of 20,000 donations
// spent 2.7 s here. Per currency the answer never changes.
const CURRENCY_DIGITS = new Map<string, number | null>();

/** The currency's minor digits per Intl, or null when Intl does not know the code. */
function currencyDigits(currency: string): number | null {
  const known = CURRENCY_DIGITS.get(currency);
  if (known !== undefined) return known;
  let digits: number | null;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = null;
  }
  // Currency codes come from CRM data: a bound keeps odd values from growing the map.
  if (CURRENCY_DIGITS.size < 1_000) CURRENCY_DIGITS.set(currency, digits);
  return digits;
}

export function minorDigits(currency: string, cap = 2): number {
  const digits = currencyDigits(currency);
  // Not an ISO 4217 code Intl knows: keep the CRM's precision rather than guess.
  return digits === null ? cap : Math.min(digits, cap);
}

/**
 * "125.5" or 125.5 → "125.50" for USD. Works on the decimal text, not on floats, so large amounts
 * keep every digit; rounds half away from zero when the CRM holds more digits than the currency.
 */
export function formatAmount(value: number | string, currency: string, cap = 2): string {
  const digits = minorDigits(currency, cap);
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  const scaled = BigInt(`${whole || '0'}${fraction.padEnd(digits, '0').slice(0, digits)}`);
  const roundUp = (fraction[digits] ?? '0') >= '5' ? 1n : 0n;
  const units = (scaled + roundUp).toString().padStart(digits + 1, '0');
  const intPart = units.slice(0, units.length - digits);
  const fracPart = units.slice(units.length - digits);
  const body = digits === 0 ? intPart : `${intPart}.${fracPart}`;
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * A decimal string as an exact count of 10^-digits units ("12.5", 2 → 1250n), so amounts are
 * summed and compared without floats; digits past `digits` are dropped (format first to round).
 */
export function toMinorUnits(amount: string, digits: number): bigint {
  const text = amount.trim();
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  const units = BigInt(`${whole || '0'}${fraction.padEnd(digits, '0').slice(0, digits)}`);
  return text.startsWith('-') ? -units : units;
}

/** The decimal string for `units` of 10^-digits (1250n, 2 → "12.50"). */
export function fromMinorUnits(units: bigint, digits: number): string {
  const sign = units < 0n ? '-' : '';
  const text = (units < 0n ? -units : units).toString().padStart(digits + 1, '0');
  return sign + (digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`);
}

function numberToPlain(value: number): string {
  // toString switches to exponent notation below 1e-6 and above 1e21; amounts never get there,
  // but toFixed(6) keeps the digit parser above total for any finite input.
  return Math.abs(value) < 1e21 ? value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '') : value.toString();
}
