import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonInputShape } from '../inputs.js';
import { personFromInput } from './person-input.js';
import { validationFixture, type ValidationFixture } from './validation-fixtures.js';

let fx: ValidationFixture;
beforeAll(async () => {
  fx = await validationFixture();
});

function rejects(input: PersonInputShape, argument: string, message: string, mode: 'create' | 'patch' = 'create'): void {
  expect(() => personFromInput(input, mode, fx.rules)).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', argument, message }));
}

describe('personFromInput', () => {
  it('normalises a new person and fills the fields the input leaves out', () => {
    const person = personFromInput(
      {
        givenName: '  Ada ',
        familyName: 'Lovelace',
        emails: [{ address: ' ada@example.org ' }, { address: 'ada@work.example', primary: true, status: 'UNSUBSCRIBED' }],
        phones: [{ number: '(415) 555-0132', kind: 'MOBILE' }],
        languages: ['EN', 'en', 'fr'],
        tags: [' vip ', 'vip', ''],
        organizationId: fx.organizationId,
      },
      'create',
      fx.rules,
    );
    expect(person).toEqual({
      givenName: 'Ada',
      familyName: 'Lovelace',
      emails: [
        { address: 'ada@example.org', primary: false, status: 'SUBSCRIBED' },
        { address: 'ada@work.example', primary: true, status: 'UNSUBSCRIBED' },
      ],
      phones: [{ number: '+14155550132', kind: 'MOBILE', primary: true }],
      addresses: [],
      languages: ['en', 'fr'],
      birthDate: null,
      tags: ['vip'],
      customFields: null,
      organizationRef: fx.organizationId,
    });
  });

  it('reads national phone numbers in the primary address country, else in the configured default region', () => {
    const inGb = personFromInput({ familyName: 'X', phones: [{ number: '020 7123 4567' }], addresses: [{ locality: 'London', country: 'gb' }] }, 'create', fx.rules);
    expect(inGb.phones[0]?.number).toBe('+442071234567');
    expect(inGb.addresses[0]?.country).toBe('GB');
    const inDe = personFromInput({ familyName: 'X', phones: [{ number: '030 1234567' }] }, 'create', { ...fx.rules, defaultPhoneRegion: 'DE' });
    expect(inDe.phones[0]?.number).toBe('+49301234567');
  });

  it('keeps only the named fields of a patch; null clears', () => {
    expect(personFromInput({ familyName: 'King', emails: null, organizationId: null }, 'patch', fx.rules)).toEqual({ familyName: 'King', emails: [], organizationRef: null });
  });

  it.each([
    [{ emails: [{ address: 'a@example.org' }, { address: 'ada@' }] }, 'input.emails[1].address', 'input.emails[1].address must be an email address such as "ada@example.org", but got: "ada@"'],
    [{ emails: [{ address: 'a@example.org' }, { address: 'A@example.org' }] }, 'input.emails[1].address', 'input.emails[1].address must be an address not listed before (it repeats input.emails[0].address), but got: "A@example.org"'],
    [{ emails: [{ address: 'a@example.org', primary: true }, { address: 'b@example.org', primary: true }] }, 'input.emails[1].primary', 'input.emails[1].primary must be true for at most one item of input.emails, but input.emails[0].primary is true too'],
    [{ familyName: 'X', phones: [{ number: '12' }] }, 'input.phones[0].number', 'input.phones[0].number must be a phone number with a country code ("+44 20 7123 4567"), or a national number of US, but got: "12"'],
    [{ familyName: 'X', addresses: [{ lines: ['1 Main St'], country: 'XX' }] }, 'input.addresses[0].country', 'input.addresses[0].country must be an ISO 3166-1 alpha-2 country code such as "GB", but got: "XX"'],
    [{ familyName: 'X', addresses: [{ lines: ['  '] }] }, 'input.addresses[0]', 'input.addresses[0] must be an address with at least one of lines, locality, region, postalCode or country, but got: {"lines":["  "]}'],
    [{ familyName: 'X', languages: ['en', 'english'] }, 'input.languages[1]', 'input.languages[1] must be an ISO 639-1 language code such as "en", but got: "english"'],
    [{ familyName: 'X', birthDate: '2030-01-01' }, 'input.birthDate', 'input.birthDate must be a date that is not in the future, but got: "2030-01-01"'],
    [{ familyName: 'X', customFields: [1, 2] }, 'input.customFields', 'input.customFields must be a JSON object of field names to values, but got: [1,2]'],
    [{ familyName: 'X', organizationId: 'org_aaaaaaaaaaaaaaaaaaaa' }, 'input.organizationId', 'input.organizationId must be the id of an existing organization ("org_…"), but got: "org_aaaaaaaaaaaaaaaaaaaa"'],
    [{ givenName: ' ', tags: ['x'] }, 'input', 'input must be a person with at least one of givenName, familyName, emails or phones, but got: {"givenName":" ","tags":["x"]}'],
  ] as [PersonInputShape, string, string][])('rejects %j naming %s', (input, argument, message) => {
    rejects(input, argument, message);
  });

  it('rejects an organizationId that names a person, and an empty patch', () => {
    rejects({ familyName: 'X', organizationId: fx.personId }, 'input.organizationId', `input.organizationId must be the id of an existing organization ("org_…"), but got: "${fx.personId}"`);
    rejects({}, 'input', 'input must be a patch naming at least one field to change, but got: {}', 'patch');
  });
});
