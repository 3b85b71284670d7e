// Phone numbers reduced to digits for matching, whatever spelling the CRM or the searcher used.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

// Shorter digit runs are more likely a house number or a year than a phone number.
const MIN_QUERY_DIGITS = 5;

/**
 * Every digit spelling of a stored number a person might type: international ("442071234567"),
 * national with its trunk prefix ("02071234567") and without it ("2071234567"). Connectors store
 * E.164 when they could parse the number; anything else (or a "+" number libphonenumber does not
 * take for a possible one) is kept as its bare digits.
 */
export function phoneDigitForms(number: string): string[] {
  const digits = number.replace(/\D/g, '');
  const parsed = number.trim().startsWith('+') ? parsePhoneNumberFromString(number) : undefined;
  if (!parsed?.isPossible()) return digits === '' ? [] : [digits];
  const national = parsed.formatNational().replace(/\D/g, '');
  return [...new Set([digits, national, parsed.nationalNumber])].filter((d) => d !== '');
}

/**
 * The digits of a search text that looks like a phone number (only digits and the punctuation
 * people write numbers with, and enough digits), else null. A leading "00" international prefix
 * is dropped so that "0044 20 …" meets "+44 20 …", and so is the "(0)" of "+44 (0)20 …", a trunk
 * prefix written next to the country code that is never dialled with it.
 */
export function queryPhoneDigits(text: string): string | null {
  if (!/^[\d\s+().\-/]+$/.test(text)) return null;
  let digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  return digits.length >= MIN_QUERY_DIGITS ? digits : null;
}
