// A postal address in the parts the twin matcher compares, each spelled one way.
import type { PostalAddress } from '../model/contact-points.js';
import { foldText } from './text-fold.js';

export interface AddressKey {
  /** The house number ("42", "221b"), or '' when the lines start with none. */
  number: string;
  /**
   * Each line without the house number, folded, street types abbreviated ("elm rd"); empty lines
   * left out. Compared line by line, since what is the first line in one CRM (a building name, a
   * flat) is often the second in another, or missing.
   */
  lines: string[];
  locality: string;
  region: string;
  /** Letters and digits only, upper case ("SW1A2BD"). */
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case, or ''. */
  country: string;
}

// One spelling for each common street type (the postal services' own abbreviations), so that
// "42 Elm Road" and "42 Elm Rd" agree exactly instead of merely looking alike.
const STREET_TYPES: Readonly<Record<string, string>> = {
  street: 'st', road: 'rd', avenue: 'ave', av: 'ave', drive: 'dr', place: 'pl', lane: 'ln', court: 'ct',
  crescent: 'cres', circuit: 'cct', close: 'cl', terrace: 'tce', boulevard: 'blvd', highway: 'hwy',
  parade: 'pde', square: 'sq', grove: 'gr', way: 'wy', parkway: 'pkwy', esplanade: 'esp', circle: 'cir',
  north: 'n', south: 's', east: 'e', west: 'w', saint: 'st', mount: 'mt', apartment: 'apt', unit: 'u',
};

const HOUSE_NUMBER = /^\d+[a-z]?$/;

export function addressKey(address: PostalAddress): AddressKey {
  let number = '';
  const lines = address.lines
    .map((line) => {
      const words = foldText(line).split(' ').filter((w) => w !== '');
      // The first house number of the address; later numbers (a flat, a PO box) stay in their line.
      const numberAt = number === '' ? words.findIndex((w) => HOUSE_NUMBER.test(w)) : -1;
      if (numberAt !== -1) number = words[numberAt] ?? '';
      return words
        .filter((_, i) => i !== numberAt)
        .map((w) => STREET_TYPES[w] ?? w)
        .join(' ');
    })
    .filter((line) => line !== '');
  return {
    number,
    lines,
    locality: foldText(address.locality),
    region: foldText(address.region),
    postalCode: (address.postalCode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, ''),
    country: (address.country ?? '').trim().toUpperCase(),
  };
}

/** Whether the key holds anything to compare. */
export function isEmptyAddressKey(key: AddressKey): boolean {
  return key.number === '' && key.lines.length === 0 && key.locality === '' && key.postalCode === '';
}
