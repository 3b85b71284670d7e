import { describe, expect, it } from 'vitest';
import { samplePerson } from '../../test/support/sample-records.js';
import { addressKey } from './address-key.js';
import { emailKey } from './email-key.js';
import { personProfile, type ProfileOptions } from './person-profile.js';
import { foldText } from './text-fold.js';

const options: ProfileOptions = { defaultPhoneRegion: 'US', externalIdFields: [] };
const address = (overrides: Partial<Parameters<typeof addressKey>[0]> = {}) =>
  ({ lines: [], locality: null, region: null, postalCode: null, country: null, primary: true, ...overrides });

describe('emailKey', () => {
  it('trims and case-folds', () => {
    expect(emailKey('  Alice.Anderson@Example.ORG ')).toBe('alice.anderson@example.org');
  });

  it('drops dots and +tags for Gmail only, where Google documents they reach one mailbox', () => {
    expect(emailKey('Ada.Lovelace+crm@googlemail.com')).toBe('adalovelace@gmail.com');
    expect(emailKey('ada.lovelace@gmail.com')).toBe(emailKey('adalovelace+news@gmail.com'));
    expect(emailKey('ada.lovelace+crm@example.org')).toBe('ada.lovelace+crm@example.org');
  });

  it('gives null for text that is not an address', () => {
    expect(emailKey('nobody')).toBeNull();
    expect(emailKey('@example.org')).toBeNull();
    expect(emailKey('ada@')).toBeNull();
    expect(emailKey('+tag@gmail.com')).toBeNull();
  });
});

describe('foldText', () => {
  it('takes out case, accents, apostrophes and punctuation', () => {
    expect(foldText('Zoë Ångström')).toBe('zoe angstrom');
    expect(foldText("O'Connor")).toBe(foldText('O’Connor'));
    expect(foldText('OConnor')).toBe('oconnor');
    expect(foldText(' Marie-Claire ')).toBe('marie claire');
    expect(foldText('小龍')).toBe('小龍');
    expect(foldText(null)).toBe('');
  });
});

describe('addressKey', () => {
  it('splits off the house number and abbreviates street types', () => {
    expect(addressKey(address({ lines: ['42 Elm Road', 'Flat 3'], locality: 'Toronto', postalCode: 'm5v 2t6', country: 'ca' }))).toEqual({
      number: '42',
      lines: ['elm rd', 'flat 3'],
      locality: 'toronto',
      region: '',
      postalCode: 'M5V2T6',
      country: 'CA',
    });
    expect(addressKey(address({ lines: ['42 Elm Rd.'] })).lines).toEqual(['elm rd']);
  });
});

describe('personProfile', () => {
  it('normalises emails, phones (E.164, in the address country) and the birth date', () => {
    const profile = personProfile(
      samplePerson({
        emails: [
          { address: 'ADA@example.org', primary: true, status: 'SUBSCRIBED' },
          { address: 'ada@example.org', primary: false, status: 'SUBSCRIBED' },
        ],
        phones: [
          { number: '020 7123 4567', kind: 'HOME', primary: true },
          { number: '12', kind: 'OTHER', primary: false },
        ],
        birthDate: '1815-12-10',
      }),
      options,
    );
    expect(profile.emails).toEqual(['ada@example.org']);
    // The sample lives in GB: the national number is read there; an impossible number is left out.
    expect(profile.phones).toEqual(['+442071234567']);
    expect(profile.birthDate).toBe('18151210');
    expect(profile.givenName).toBe('ada');
  });

  it('reads a national number in the default region when the person has no address country', () => {
    const person = samplePerson({ addresses: [], phones: [{ number: '(415) 555-0132', kind: 'MOBILE', primary: true }] });
    expect(personProfile(person, options).phones).toEqual(['+14155550132']);
    expect(personProfile(person, { ...options, defaultPhoneRegion: 'GB' }).phones).toEqual(['+444155550132']);
  });

  it('takes external ids only from the configured custom fields', () => {
    const person = samplePerson({ customFields: { member_no: ' M-42 ', note: 'x' } });
    expect(personProfile(person, options).externalIds).toEqual([]);
    expect(personProfile(person, { ...options, externalIdFields: ['member_no', 'absent'] }).externalIds).toEqual(['member_no=m-42']);
  });
});
