// The blocking keys of a person, by matching stage: identifiers first (email, phone, external id),
// then the keys that gather look-alikes for the scored comparison.
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import type { PersonProfile } from './person-profile.js';

export interface PersonBlockingKeys {
  email: string[];
  phone: string[];
  externalId: string[];
  /**
   * Look-alike keys, each tolerating different typing errors: the birth date (names misspelt);
   * the two names' sounds in either order (dates and addresses missing or wrong, names swapped);
   * family-name sound with the postcode or with the town (a given name abbreviated or misspelt);
   * given-name sound with the postcode (a family name changed); house number with postcode
   * (both names misspelt).
   */
  similarity: string[];
}

/** The primary Double Metaphone code of the first word, or '' — phonetic codes absorb most typos. */
function sound(name: string): string {
  const word = name.split(' ')[0] ?? '';
  return word === '' ? '' : (doubleMetaphone(word)[0] ?? '');
}

export function personBlockingKeys(profile: PersonProfile): PersonBlockingKeys {
  const given = sound(profile.givenName);
  const family = sound(profile.familyName);
  const similarity: string[] = [];
  if (profile.birthDate.length === 8) similarity.push(`d:${profile.birthDate}`);
  if (given !== '' && family !== '') similarity.push(`n:${[given, family].sort().join('|')}`);
  for (const address of profile.addresses) {
    if (address.postalCode !== '') {
      if (family !== '') similarity.push(`fp:${family}|${address.postalCode}`);
      if (given !== '') similarity.push(`gp:${given}|${address.postalCode}`);
      if (address.number !== '') similarity.push(`np:${address.number}|${address.postalCode}`);
    }
    if (address.locality !== '' && family !== '') similarity.push(`fl:${family}|${address.locality}`);
  }
  return {
    email: profile.emails.map((e) => `e:${e}`),
    phone: profile.phones.map((p) => `p:${p}`),
    externalId: profile.externalIds.map((x) => `x:${x}`),
    similarity,
  };
}

/** Every key of the person, as the blocking index files it. */
export function allBlockingKeys(keys: PersonBlockingKeys): string[] {
  return [...keys.email, ...keys.phone, ...keys.externalId, ...keys.similarity];
}
