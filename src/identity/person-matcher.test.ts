import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePerson } from '../../test/support/sample-records.js';
import type { UnifiedPerson } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { DEFAULT_MATCH_THRESHOLDS } from './match-thresholds.js';
import { PersonMatcher, type PersonMatcherOptions } from './person-matcher.js';

const options: PersonMatcherOptions = { thresholds: DEFAULT_MATCH_THRESHOLDS, defaultPhoneRegion: 'US', externalIdFields: [] };
const at = DateTime.utc(2025, 1, 1);
const home = { lines: ['42 Elm Road'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true };

function record(system: System, remoteId: string, data: Partial<UnifiedPerson>): RemoteRecord<'PERSON'> {
  return { system, entity: 'PERSON', remoteId, createdAt: at, modifiedAt: at, data: samplePerson({ emails: [], phones: [], addresses: [], birthDate: null, ...data }) };
}

describe('PersonMatcher', () => {
  let store: GatewayStore;
  let matcher: PersonMatcher;

  /** Links the record to a new unified id and lets the matcher know it. */
  async function known(r: RemoteRecord<'PERSON'>): Promise<string> {
    const id = await store.identity.linkNew('PERSON', r.system, r.remoteId);
    matcher.remember(r);
    return id;
  }

  beforeEach(async () => {
    store = await openStore('memory://');
    matcher = new PersonMatcher(store.identity, options);
  });

  it('links by a normalised email before anything else', async () => {
    const ada = await known(record('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    const match = matcher.match(record('VTIGER', '12x1', { givenName: 'Ada', familyName: 'Byron', emails: [{ address: ' ADA@Example.org', primary: true, status: 'UNKNOWN' }] }));
    expect(match.link?.unifiedId).toBe(ada);
    expect(match.link?.comparison.agreed[0]).toBe('emails');
    expect(match.held).toEqual([]);
  });

  it('links by an E.164 phone when no email matches', async () => {
    const ada = await known(record('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', phones: [{ number: '(415) 555-0132', kind: 'MOBILE', primary: true }] }));
    const match = matcher.match(record('ACTION_NETWORK', 'u1', { givenName: 'Ada', familyName: 'Lovelace', phones: [{ number: '+14155550132', kind: 'MOBILE', primary: true }] }));
    expect(match.link?.unifiedId).toBe(ada);
  });

  it('links a look-alike by name, address and birth date', async () => {
    const ada = await known(record('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', addresses: [home], birthDate: '1815-12-10' }));
    await known(record('CIVICRM', '2', { givenName: 'Charles', familyName: 'Babbage', addresses: [home], birthDate: '1791-12-26' }));
    const match = matcher.match(record('VTIGER', '12x9', { givenName: 'Adah', familyName: 'Lovelace', addresses: [{ ...home, lines: ['42 Elm Rd'] }], birthDate: '1815-12-10' }));
    expect(match.link?.unifiedId).toBe(ada);
  });

  it('holds a pair between maybe and sure instead of linking it', async () => {
    const john = await known(record('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1950-03-01' }));
    const match = matcher.match(record('VTIGER', '12x2', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1980-07-15' }));
    expect(match.link).toBeNull();
    expect(match.held).toHaveLength(1);
    expect(match.held[0]).toMatchObject({ unifiedId: john, reason: 'SCORE' });
  });

  it('leaves a pair below maybe alone', async () => {
    await known(record('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', addresses: [home] }));
    const match = matcher.match(record('VTIGER', '12x2', { givenName: 'John', familyName: 'Smith', addresses: [{ ...home, lines: ['9 Far Lane'], locality: 'Chicago', postalCode: '60606' }] }));
    expect(match).toEqual({ link: null, held: [] });
  });

  it('follows the thresholds it is given', async () => {
    await known(record('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1950-03-01' }));
    const lenient = new PersonMatcher(store.identity, { ...options, thresholds: { sure: 0.5, maybe: 0.1 } });
    lenient.remember(record('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1950-03-01' }));
    expect(lenient.match(record('VTIGER', '12x2', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1980-07-15' })).link).not.toBeNull();
  });

  it('never links to a person who already has a record in the same system, however alike', async () => {
    const ada = await known(record('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    const match = matcher.match(record('CIVICRM', '2', { givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    expect(match.link).toBeNull();
    expect(match.held).toMatchObject([{ unifiedId: ada, reason: 'SAME_SYSTEM' }]);
  });

  it('holds people of one household who share only a phone', async () => {
    const grace = await known(record('CIVICRM', '1', { givenName: 'Grace', familyName: 'Hopper', phones: [{ number: '+442071234567', kind: 'HOME', primary: true }] }));
    const match = matcher.match(record('ACTION_NETWORK', 'u1', { givenName: 'Ada', familyName: 'Hopper', phones: [{ number: '+442071234567', kind: 'HOME', primary: true }] }));
    expect(match.link).toBeNull();
    expect(match.held).toMatchObject([{ unifiedId: grace, reason: 'NAME_CONFLICT' }]);
  });

  it('prefers a later stage’s sure twin over a held identifier match', async () => {
    await known(record('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', emails: [{ address: 'smiths@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    const jane = await known(record('CIVICRM', '2', { givenName: 'Jane', familyName: 'Smith', phones: [{ number: '+14155550132', kind: 'MOBILE', primary: true }] }));
    const match = matcher.match(
      record('VTIGER', '12x3', {
        givenName: 'Jane',
        familyName: 'Smith',
        emails: [{ address: 'smiths@example.org', primary: true, status: 'SUBSCRIBED' }],
        phones: [{ number: '415-555-0132', kind: 'MOBILE', primary: true }],
      }),
    );
    expect(match.link?.unifiedId).toBe(jane);
  });

  it('compares with every record of a person, and with a record’s new content once told', async () => {
    const ada = await known(record('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace' }));
    await store.identity.link(ada, 'ACTION_NETWORK', 'u1');
    matcher.remember(record('ACTION_NETWORK', 'u1', { givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    const incoming = record('VTIGER', '12x1', { givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] });
    expect(matcher.match(incoming).link?.unifiedId).toBe(ada);
    matcher.forget('ACTION_NETWORK', 'u1');
    // Only the name is left to compare: a look-alike, but not enough to link or hold.
    expect(matcher.lookAlikes(incoming)).toEqual(new Set([ada]));
    expect(matcher.match(incoming)).toEqual({ link: null, held: [] });
  });
});
