// Ids that sort, as strings, in the order of the time they carry: outbox writes, sync runs, conflicts.
import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';

let lastMillis = 0;
let sequence = 0;

/**
 * `prefix` + the time in base 36 + a per-millisecond counter + randomness: ids of later times sort
 * later, ids of one millisecond sort in call order, and the randomness keeps them unique across
 * processes and when calls go back to an earlier millisecond.
 */
export function orderedId(prefix: string, at: DateTime): string {
  const ms = at.toMillis();
  sequence = ms === lastMillis ? sequence + 1 : 0;
  lastMillis = ms;
  return `${prefix}${ms.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}${randomBytes(4).toString('hex')}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A key that sorts in the reverse order of orderedId's ids of one prefix (each digit mirrored, and
 * those ids all have one length), for newest-first keyset pages over lists ordered oldest first.
 */
export function newestFirstKey(id: string): string {
  let key = '';
  for (const char of id) {
    const digit = DIGITS.indexOf(char);
    key += digit < 0 ? char : DIGITS[DIGITS.length - 1 - digit];
  }
  return key;
}
