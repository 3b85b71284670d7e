// Fixture pairs (a Vtiger record as its API returns it, next to the unified record it must become),
// the round trip unified → Vtiger columns → unified, and time-zone conversion across DST.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import { VtigerMapper } from './mapper.js';
import { recordSchema, type VtigerFields } from './raw.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const json = (name: string): unknown => JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
const mapperFor = (timezone: string) => new VtigerMapper({ timezone, defaultPhoneRegion: 'US' });

interface RawFixture {
  entity: EntityType;
  timezone: string;
  record: unknown;
  currencies?: Record<string, string>;
  products?: Record<string, string>;
}

function mapFixture(raw: RawFixture): unknown {
  const mapper = mapperFor(raw.timezone);
  const record = recordSchema.parse(raw.record);
  if (raw.entity === 'PERSON') return mapper.toPerson(record);
  if (raw.entity === 'ORGANIZATION') return mapper.toOrganization(record);
  const currencies = raw.currencies ?? {};
  return mapper.toDonation(record, {
    currencyCode: (id) => currencies[id] ?? Object.values(currencies)[0] ?? 'USD',
    productName: (id) => raw.products?.[id] ?? '',
  });
}

describe('fixture pairs', () => {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.raw.json')).map((f) => f.replace('.raw.json', ''));

  it('has the cases that matter', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['person-unicode', 'person-missing-fields', 'person-several-emails', 'person-dst', 'organization-billing', 'donation-lines', 'donation-no-currency']),
    );
  });

  it.each(cases)('%s', (name) => {
    const mapped = JSON.parse(JSON.stringify(mapFixture(json(`${name}.raw.json`) as RawFixture)));
    if (process.env['WRITE_FIXTURES'] && !existsSync(`${dir}${name}.unified.json`)) writeFileSync(`${dir}${name}.unified.json`, `${JSON.stringify(mapped, null, 2)}\n`);
    expect(mapped).toEqual(json(`${name}.unified.json`));
  });
});

/** What Vtiger stores for the columns sent: every other field "" (as a fresh record holds them). */
function stored(fields: VtigerFields, id: string): ReturnType<typeof recordSchema.parse> {
  return recordSchema.parse({ createdtime: '2026-01-01 00:00:00', modifiedtime: '2026-01-01 00:00:00', ...fields, id });
}

describe('round trip unified → Vtiger → unified', () => {
  const mapper = mapperFor('UTC');

  it('keeps every person field Contacts can hold, unicode and empties included', () => {
    const person: UnifiedPerson = {
      givenName: 'Zoë',
      familyName: '山田 Ñúñez',
      emails: [
        { address: 'zoë@exämple.org', primary: true, status: 'UNSUBSCRIBED' },
        { address: 'zoe@work.example', primary: false, status: 'UNSUBSCRIBED' },
      ],
      phones: [
        { number: '+14155550132', kind: 'WORK', primary: true },
        { number: '+14155550133', kind: 'MOBILE', primary: false },
        { number: '+14155550134', kind: 'HOME', primary: false },
        { number: '+14155550135', kind: 'OTHER', primary: false },
      ],
      addresses: [{ lines: ['1 Main St', 'Suite 2'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true }],
      languages: [],
      birthDate: '1990-05-17',
      tags: [],
      customFields: null,
      organizationRef: '11x2',
    };
    const back = mapper.toPerson(stored(mapper.personChanges(person), '12x9')).data;
    expect(back).toEqual(person);
    const empty: UnifiedPerson = { ...person, givenName: null, emails: [], phones: [], addresses: [], birthDate: null, organizationRef: null };
    expect(mapper.toPerson(stored(mapper.personChanges(empty), '12x9')).data).toEqual(empty);
  });

  it('writes the primary email first and a country as its English name', () => {
    const columns = mapper.personChanges({
      emails: [
        { address: 'second@example.org', primary: false, status: 'SUBSCRIBED' },
        { address: 'first@example.org', primary: true, status: 'SUBSCRIBED' },
      ],
      addresses: [{ lines: [], locality: null, region: null, postalCode: null, country: 'DE', primary: true }],
    });
    expect(columns).toMatchObject({ email: 'first@example.org', secondaryemail: 'second@example.org', emailoptout: '0', mailingcountry: 'Germany' });
  });

  it('sends only the columns behind a partial patch', () => {
    expect(mapper.personChanges({ givenName: 'Ann' })).toEqual({ firstname: 'Ann' });
    expect(mapper.organizationChanges({ website: null })).toEqual({ website: '' });
  });

  it('keeps every organization field Accounts can hold', () => {
    const organization: UnifiedOrganization = {
      name: 'Acme & Söhne',
      website: 'https://acme.example',
      emails: [{ address: 'info@acme.example', primary: true, status: 'SUBSCRIBED' }],
      phones: [
        { number: '+49301234567', kind: 'WORK', primary: true },
        { number: '+49307654321', kind: 'OTHER', primary: false },
      ],
      addresses: [{ lines: ['Unter den Linden 1'], locality: 'Berlin', region: null, postalCode: '10117', country: 'DE', primary: true }],
    };
    expect(mapper.toOrganization(stored(mapper.organizationChanges(organization), '11x2')).data).toEqual(organization);
  });
});

describe('time zones', () => {
  it('reads naive times in VTIGER_TIMEZONE across both DST changes of a year', () => {
    const mapper = mapperFor('Europe/Berlin');
    const at = (modifiedtime: string) => mapper.toPerson(stored({ lastname: 'x', modifiedtime }, '12x1')).modifiedAt?.toISO();
    expect(at('2026-03-29 01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(at('2026-03-29 03:00:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-10-25 01:59:59')).toBe('2026-10-24T23:59:59.000Z');
    expect(at('2026-10-25 03:00:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('writes receivedAt as the date it is in VTIGER_TIMEZONE', () => {
    const mapper = mapperFor('America/Los_Angeles');
    const view = mapper.donationChanges({ receivedAt: DateTime.fromISO('2026-03-08T07:30:00Z') });
    expect(view.invoicedate).toBe('2026-03-07');
  });
});
