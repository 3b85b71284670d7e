// Exact decimal arithmetic for inventory totals: Vtiger keeps amounts as DECIMAL(25,8) columns.

const SCALE = 8;
const ONE = 10n ** BigInt(SCALE);

/** "12.5" → 1250000000n (8 implied decimals); unreadable input counts as zero, as PHP's casts do. */
export function toScaled(text: string | number): bigint {
  const match = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(String(text));
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return 0n;
  const [, sign, whole = '', fraction = ''] = match;
  const units = BigInt(`${whole || '0'}${fraction.padEnd(SCALE, '0').slice(0, SCALE)}`);
  return sign === '-' ? -units : units;
}

export function multiply(a: bigint, b: bigint): bigint {
  return (a * b) / ONE;
}

/** Rounds half away from zero to `digits`, then writes `places` decimals ("12346.00000000"). */
export function formatScaled(value: bigint, places = SCALE, digits = places): string {
  const step = 10n ** BigInt(SCALE - Math.min(digits, SCALE));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rounded = ((abs + step / 2n) / step) * step;
  const whole = rounded / ONE;
  const fraction = (rounded % ONE).toString().padStart(SCALE, '0').slice(0, places);
  const text = places > 0 ? `${whole}.${fraction.padEnd(places, '0')}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}
