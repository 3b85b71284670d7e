// Small builders of unified data for tests of the core: a complete object with overridable fields.
import { DateTime } from 'luxon';
import type { UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';

export function samplePerson(overrides: Partial<UnifiedPerson> = {}): UnifiedPerson {
  return {
    givenName: 'Ada',
    familyName: 'Lovelace',
    emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }],
    phones: [{ number: '+442071234567', kind: 'MOBILE', primary: true }],
    addresses: [{ lines: ['12 St James Sq'], locality: 'London', region: null, postalCode: 'SW1Y 4JH', country: 'GB', primary: true }],
    languages: ['en'],
    birthDate: '1815-12-10',
    tags: ['volunteer'],
    customFields: null,
    organizationRef: null,
    ...overrides,
  };
}

export function sampleOrganization(overrides: Partial<UnifiedOrganization> = {}): UnifiedOrganization {
  return {
    name: 'Analytical Engines Ltd',
    website: 'https://engines.example.org',
    emails: [{ address: 'info@engines.example.org', primary: true, status: 'UNKNOWN' }],
    phones: [],
    addresses: [],
    ...overrides,
  };
}

export function sampleDonation(overrides: Partial<UnifiedDonation> = {}): UnifiedDonation {
  return {
    amount: { amount: '25.00', currency: 'EUR' },
    receivedAt: DateTime.fromISO('2024-03-01T10:15:00.000Z', { zone: 'utc' }),
    donorRef: null,
    designations: [{ name: 'General fund', amount: { amount: '25.00', currency: 'EUR' } }],
    recurring: false,
    ...overrides,
  };
}
