// Fixture pairs (a CiviCRM record as its API returns it, next to the unified record it must become)
// and the round trip unified → CiviCRM values → unified.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import { CiviCrmMapper, type CiviBundle, type ContactBundle, type ContributionBundle } from './mapper.js';
import { addressRow, contactRow, contributionRow, emailRow, lineItemRow, phoneRow, websiteRow } from './raw.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const json = (name: string): unknown => JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
const mapperFor = (timezone: string) => new CiviCrmMapper({ timezone, defaultPhoneRegion: 'US' });

interface RawFixture {
  entity: EntityType;
  timezone: string;
  [rows: string]: unknown;
}

function parseBundle(raw: RawFixture): CiviBundle<EntityType> {
  const list = <T>(schema: { parse: (v: unknown) => T }, key: string) => ((raw[key] as unknown[] | undefined) ?? []).map((r) => schema.parse(r));
  if (raw.entity === 'DONATION') return { contribution: contributionRow.parse(raw['contribution']), lineItems: list(lineItemRow, 'lineItems') };
  return {
    contact: contactRow.parse(raw['contact']),
    emails: list(emailRow, 'emails'),
    phones: list(phoneRow, 'phones'),
    addresses: list(addressRow, 'addresses'),
    websites: list(websiteRow, 'websites'),
  };
}

describe('fixture pairs', () => {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.raw.json')).map((f) => f.replace('.raw.json', ''));

  it('has the cases that matter', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['person-unicode', 'person-missing-fields', 'person-several-emails', 'person-dst', 'person-trashed', 'organization-website', 'donation-auto-line', 'donation-split']),
    );
  });

  it.each(cases)('%s', (name) => {
    const raw = json(`${name}.raw.json`) as RawFixture;
    const record = mapperFor(raw.timezone).liveRecord(raw.entity, parseBundle(raw));
    // DateTimes compare as their ISO strings, as the fixture spells them.
    expect(JSON.parse(JSON.stringify(record))).toEqual(json(`${name}.unified.json`));
  });
});

/** What CiviCRM would hand back after storing the values: the same API field names, ids added. */
function stored<E extends EntityType>(entity: E, mapper: CiviCrmMapper, data: object): CiviBundle<E> {
  const { values, children } = mapper.toWrite(entity, data);
  const rows = (list: object[] | undefined, extra: object) => (list ?? []).map((row, i) => ({ id: i + 1, ...extra, ...row }));
  if (entity === 'DONATION') {
    const contribution = contributionRow.parse({ id: 9, contribution_recur_id: null, 'financial_type_id:name': 'Donation', ...values });
    return { contribution, lineItems: rows(children.lineItems, { contribution_id: 9 }).map((r) => lineItemRow.parse(r)) } as CiviBundle<E>;
  }
  const contact = contactRow.parse({ id: 9, contact_type: entity === 'PERSON' ? 'Individual' : 'Organization', ...values });
  const located = { contact_id: 9, 'location_type_id:name': 'Home' };
  return {
    contact,
    emails: rows(children.emails, located).map((r) => emailRow.parse(r)),
    phones: rows(children.phones, located).map((r) => phoneRow.parse(r)),
    addresses: rows(children.addresses, located).map((r) => addressRow.parse(r)),
    websites: rows(children.websites, { contact_id: 9 }).map((r) => websiteRow.parse(r)),
  } satisfies ContactBundle as CiviBundle<E>;
}

const fullPerson: UnifiedPerson = {
  givenName: 'Zoë',
  familyName: '山田 Ñúñez',
  emails: [
    { address: 'zoe@example.org', primary: false, status: 'BOUNCING' },
    { address: 'zoë@exämple.org', primary: true, status: 'SUBSCRIBED' },
  ],
  phones: [
    { number: '+14155550132', kind: 'MOBILE', primary: true },
    { number: '+442079460958', kind: 'WORK', primary: false },
    { number: '+33142685300', kind: 'HOME', primary: false },
    { number: 'ask at reception', kind: 'OTHER', primary: false },
  ],
  addresses: [
    { lines: ['1 Rue de Rivoli', 'Bâtiment A', 'Étage 3', 'Porte 12'], locality: 'Paris', region: null, postalCode: '75001', country: 'FR', primary: true },
    { lines: [], locality: null, region: null, postalCode: null, country: null, primary: false },
  ],
  languages: ['fr'],
  birthDate: '1990-02-28',
  tags: [],
  customFields: null,
  organizationRef: '12',
};

describe('round trip unified → CiviCRM → unified', () => {
  const mapper = mapperFor('America/New_York');
  const roundTrip = <E extends EntityType>(entity: E, data: object) => mapper.toRecord(entity, stored(entity, mapper, data)).data;

  it('keeps every person field CiviCRM holds, unicode included', () => {
    expect(roundTrip('PERSON', fullPerson)).toEqual(fullPerson);
  });

  it('keeps empty and missing values', () => {
    const empty: UnifiedPerson = { ...fullPerson, givenName: '', familyName: null, emails: [], phones: [], addresses: [], languages: [], birthDate: null, organizationRef: null };
    expect(roundTrip('PERSON', empty)).toEqual(empty);
  });

  it('keeps unsubscribed emails (a contact-wide opt-out in CiviCRM)', () => {
    const person = { ...fullPerson, emails: [{ address: 'a@example.org', primary: true, status: 'UNSUBSCRIBED' as const }, { address: 'b@example.org', primary: false, status: 'BOUNCING' as const }] };
    expect(roundTrip('PERSON', person)).toEqual(person);
  });

  it('keeps organizations with and without a website', () => {
    const org: UnifiedOrganization = { name: 'Ærø Fællesskab', website: 'https://aero.example', emails: fullPerson.emails, phones: fullPerson.phones, addresses: fullPerson.addresses };
    expect(roundTrip('ORGANIZATION', org)).toEqual(org);
    expect(roundTrip('ORGANIZATION', { ...org, website: null, emails: [] })).toEqual({ ...org, website: null, emails: [] });
  });

  it('keeps donations, their designations and a receive time across DST', () => {
    const donation: Omit<UnifiedDonation, 'recurring'> = {
      amount: { amount: '100.00', currency: 'EUR' },
      receivedAt: DateTime.fromISO('2024-03-10T07:30:00Z', { zone: 'utc' }),
      donorRef: '4',
      designations: [
        { name: 'Wasser für alle', amount: { amount: '60.50', currency: 'EUR' } },
        { name: 'Schools', amount: { amount: '39.50', currency: 'EUR' } },
      ],
    };
    const back = roundTrip('DONATION', donation);
    expect({ ...back, receivedAt: back.receivedAt.toISO() }).toEqual({ ...donation, receivedAt: '2024-03-10T07:30:00.000Z', recurring: false });
  });

  it('writes only the fields present in a patch', () => {
    expect(mapper.toWrite('PERSON', { givenName: 'Ada' })).toEqual({ values: { first_name: 'Ada' }, children: {} });
    expect(mapper.toWrite('PERSON', { emails: [] })).toEqual({ values: { is_opt_out: false }, children: { emails: [] } });
    expect(mapper.toWrite('DONATION', { designations: [] })).toEqual({ values: {}, children: {} });
  });

  it('rejects a reference that cannot be a CiviCRM id, naming the field', () => {
    expect(() => mapper.toWrite('PERSON', { organizationRef: 'abc' })).toThrow(
      'organizationRef must be a CiviCRM contact id (a positive integer), but got: "abc"',
    );
  });
});
