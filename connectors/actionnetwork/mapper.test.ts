// Fixture pairs: a raw Action Network record beside the unified record it must map to, and writes back.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { UnifiedPerson } from '../../src/model/entities.js';
import { ActionNetworkMapper } from './mapper.js';
import { donationSchema, personSchema } from './raw.js';

interface Pair {
  case: string;
  raw: Record<string, unknown>;
  unified: { remoteId: string; createdAt?: string; modifiedAt?: string; data: Record<string, unknown> };
}

const load = (name: string): Pair[] => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Pair[];
const mapper = new ActionNetworkMapper('https://actionnetwork.org/api/v2/');

describe('ActionNetworkMapper people', () => {
  it.each(load('people.json'))('$case', (pair) => {
    const { tag_names, ...raw } = pair.raw;
    const record = mapper.personFromRaw({ ...personSchema.parse(raw), tag_names: tag_names as string[] });
    expect(record.remoteId).toBe(pair.unified.remoteId);
    expect(record.createdAt?.toISO()).toBe(pair.unified.createdAt);
    expect(record.modifiedAt?.toISO()).toBe(pair.unified.modifiedAt);
    expect(record.data).toEqual(pair.unified.data);
  });

  it('writes only the fields present, one email/phone/address (the primary), and only statuses the helper accepts', () => {
    const patch: Partial<UnifiedPerson> = {
      givenName: 'Ana',
      emails: [
        { address: 'second@example.org', primary: false, status: 'SUBSCRIBED' },
        { address: 'main@example.org', primary: true, status: 'BOUNCING' },
      ],
      phones: [{ number: '+14155550132', kind: 'WORK', primary: true }],
      languages: ['pt_BR', 'en'],
      customFields: { size: 'L', count: 3, gone: null },
      birthDate: '1990-01-01',
      organizationRef: '7',
      tags: ['a'],
    };
    expect(mapper.personToRaw(patch)).toEqual({
      given_name: 'Ana',
      email_addresses: [{ address: 'main@example.org', primary: true }],
      phone_numbers: [{ number: '+14155550132', number_type: 'Work', primary: true }],
      languages_spoken: ['pt', 'en'],
      custom_fields: { size: 'L', count: '3' },
      tag_names: ['a'],
    });
  });

  it('reads a person without an action_network identifier as a MAPPING error', () => {
    const raw = personSchema.parse({ identifiers: ['salsa:1'], created_date: '2025-01-01T00:00:00Z', modified_date: '2025-01-01T00:00:00Z' });
    expect(() => mapper.personFromRaw({ ...raw, tag_names: [] })).toThrow('ACTION_NETWORK person has no "action_network:" identifier, but got: ["salsa:1"]');
  });
});

describe('ActionNetworkMapper donations', () => {
  it.each(load('donations.json'))('$case', (pair) => {
    const record = mapper.donationFromRaw(donationSchema.parse(pair.raw));
    expect(record.remoteId).toBe(pair.unified.remoteId);
    expect({ ...record.data, receivedAt: record.data.receivedAt.toISO() }).toEqual(pair.unified.data);
  });

  it('writes the donation body Action Network documents: lowercase currency, recipients, links, UTC created_date', () => {
    const body = mapper.donationToRaw(
      {
        amount: { amount: '12.5', currency: 'USD' },
        receivedAt: DateTime.fromISO('2026-01-02T03:04:05+02:00'),
        donorRef: 'p-1',
        designations: [],
        recurring: false,
      },
      'page-1',
    );
    expect(body).toEqual({
      recipients: [{ display_name: 'General', amount: '12.50' }],
      currency: 'usd',
      created_date: '2026-01-02T01:04:05Z',
      'action_network:recurrence': { recurring: false },
      _links: {
        'osdi:person': { href: 'https://actionnetwork.org/api/v2/people/p-1' },
        'osdi:fundraising_page': { href: 'https://actionnetwork.org/api/v2/fundraising_pages/page-1' },
      },
    });
  });

  it('refuses a donation without a donor', () => {
    expect(() =>
      mapper.donationToRaw({ amount: { amount: '1.00', currency: 'USD' }, receivedAt: DateTime.utc(), donorRef: null, designations: [], recurring: false }, 'p'),
    ).toThrow('Action Network donations need a donor (donorRef), but got: null');
  });
});
