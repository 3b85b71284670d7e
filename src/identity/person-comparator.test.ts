import { describe, expect, it } from 'vitest';
import { samplePerson } from '../../test/support/sample-records.js';
import type { UnifiedPerson } from '../model/entities.js';
import { DEFAULT_MATCH_THRESHOLDS } from './match-thresholds.js';
import { comparePeople } from './person-comparator.js';
import { personProfile } from './person-profile.js';

const { sure, maybe } = DEFAULT_MATCH_THRESHOLDS;
const options = { defaultPhoneRegion: 'US' as const, externalIdFields: ['member_no'] };

/** A person with only the fields given (no email, phone, address, birth date unless named). */
function person(fields: Partial<UnifiedPerson>): UnifiedPerson {
  return samplePerson({ emails: [], phones: [], addresses: [], birthDate: null, ...fields });
}

function compare(a: Partial<UnifiedPerson>, b: Partial<UnifiedPerson>) {
  return comparePeople(personProfile(person(a), options), personProfile(person(b), options));
}

const home = { lines: ['42 Elm Road'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true };
const email = (address: string) => [{ address, primary: true, status: 'SUBSCRIBED' as const }];
const phone = (number: string) => [{ number, kind: 'MOBILE' as const, primary: true }];

describe('comparePeople', () => {
  it('is sure of the same name, address and birth date, and says which fields agreed', () => {
    const c = compare({ givenName: 'Ada', familyName: 'Lovelace', addresses: [home], birthDate: '1815-12-10' }, { givenName: 'ADA', familyName: 'Lovelace', addresses: [{ ...home, lines: ['42 Elm Rd'] }], birthDate: '1815-12-10' });
    expect(c.score).toBeGreaterThan(0.999);
    expect(c.agreed).toEqual(['birthDate', 'addresses', 'familyName', 'givenName']);
    expect(c.disagreed).toEqual([]);
  });

  it('is sure of a shared email alone, or a shared phone alone', () => {
    expect(compare({ givenName: null, familyName: null, emails: email('Ada@Example.org') }, { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') }).score).toBeGreaterThanOrEqual(sure);
    expect(compare({ givenName: null, familyName: null, phones: phone('+1 415 555 0132') }, { phones: phone('(415) 555-0132') }).score).toBeGreaterThanOrEqual(sure);
  });

  it('tolerates typos, nicknames, accents and swapped names', () => {
    const base = { familyName: 'Baker', addresses: [home], birthDate: '1979-11-02' };
    expect(compare({ ...base, givenName: 'Robert' }, { ...base, givenName: 'Bob' }).score).toBeGreaterThanOrEqual(sure);
    expect(compare({ ...base, givenName: 'Zoë', familyName: 'Ångström' }, { ...base, givenName: 'Zoe', familyName: 'Angstrom' }).score).toBeGreaterThanOrEqual(sure);
    expect(compare({ ...base, givenName: 'Katherine', familyName: 'Smithson' }, { ...base, givenName: 'Katherien', familyName: 'Smithsen' }).score).toBeGreaterThanOrEqual(sure);
    const swapped = compare({ ...base, givenName: 'Baker', familyName: 'Robert' }, { ...base, givenName: 'Robert', familyName: 'Baker' });
    expect(swapped.score).toBeGreaterThanOrEqual(sure);
    expect(swapped.givenNamesConflict).toBe(false);
  });

  it('takes a birth date one typo or a day/month swap apart as near, not as a contradiction', () => {
    const base = { givenName: 'Ada', familyName: 'Lovelace' };
    expect(compare({ ...base, birthDate: '1815-12-10' }, { ...base, birthDate: '1815-10-12' }).disagreed).not.toContain('birthDate');
    expect(compare({ ...base, birthDate: '1815-12-10' }, { ...base, birthDate: '1815-12-11' }).agreed).toContain('birthDate');
  });

  it('keeps a father and son of one name at one address, with different birth dates, below sure', () => {
    const c = compare({ givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1950-03-01' }, { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1980-07-15' });
    expect(c.score).toBeLessThan(sure);
    expect(c.score).toBeGreaterThanOrEqual(maybe);
    expect(c.disagreed).toEqual(['birthDate']);
  });

  it('keeps two people of one name in one area but on different streets below sure', () => {
    const c = compare({ givenName: 'John', familyName: 'Smith', addresses: [home] }, { givenName: 'John', familyName: 'Smith', addresses: [{ ...home, lines: ['7 Oak Avenue'] }] });
    expect(c.score).toBeLessThan(sure);
  });

  it('gives a name alone, with nothing else to compare, less than maybe', () => {
    expect(compare({ givenName: 'John', familyName: 'Smith' }, { givenName: 'John', familyName: 'Smith' }).score).toBeLessThan(maybe);
  });

  it('flags unalike given names, and scores them without the shared contacts too', () => {
    const c = compare({ givenName: 'Grace', familyName: 'Hopper', phones: phone('+442071234567'), addresses: [home] }, { givenName: 'Ada', familyName: 'Lovelace', phones: phone('+442071234567'), addresses: [home] });
    expect(c.givenNamesConflict).toBe(true);
    expect(c.score).toBeGreaterThanOrEqual(sure);
    expect(c.scoreWithoutContacts).toBeLessThan(maybe);
    expect(c.agreed).toEqual(['phones', 'addresses']);
    expect(c.disagreed).toEqual(['familyName', 'givenName']);
  });

  it('counts a different country as a different address', () => {
    expect(compare({ addresses: [home] }, { addresses: [{ ...home, country: 'CA' }] }).disagreed).toContain('addresses');
  });

  it('uses a configured external id as an identifier; one typo apart is no evidence either way', () => {
    const id = (value: string) => ({ customFields: { member_no: value } });
    expect(compare({ givenName: null, familyName: null, ...id('M-1042') }, id('m-1042')).score).toBeGreaterThanOrEqual(sure);
    expect(compare(id('M-1042'), id('M-1043')).agreed).not.toContain('externalIds');
    expect(compare(id('M-1042'), id('M-1043')).disagreed).not.toContain('externalIds');
    expect(compare(id('M-1042'), id('Q-7777')).disagreed).toContain('externalIds');
  });
});
