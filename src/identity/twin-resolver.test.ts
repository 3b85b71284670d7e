import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { sampleDonation, sampleOrganization, samplePerson } from '../../test/support/sample-records.js';
import { createLogger } from '../logger.js';
import type { UnifiedPerson } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { Indexer } from '../sync/indexer.js';
import { MatchCandidates } from './match-candidates.js';
import { DEFAULT_TWIN_MATCHING } from './twin-matching.js';
import { TwinResolver } from './twin-resolver.js';

const at = DateTime.utc(2025, 1, 1);
const home = { lines: ['42 Elm Road'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true };
const email = (address: string) => [{ address, primary: true, status: 'SUBSCRIBED' as const }];

function person(system: System, remoteId: string, data: Partial<UnifiedPerson>): RemoteRecord<'PERSON'> {
  return { system, entity: 'PERSON', remoteId, createdAt: at, modifiedAt: at, data: samplePerson({ emails: [], phones: [], addresses: [], birthDate: null, ...data }) };
}

describe('TwinResolver', () => {
  let store: GatewayStore;
  let candidates: MatchCandidates;
  let resolver: TwinResolver;

  beforeEach(async () => {
    store = await openStore('memory://');
    candidates = await MatchCandidates.load(store.keyv(STORE_NAMESPACES.matchCandidates), store.entries(STORE_NAMESPACES.matchCandidates));
    resolver = new TwinResolver({ identity: store.identity, records: store.records, candidates }, DEFAULT_TWIN_MATCHING);
  });

  it('links a twin from another system to the known person, and a stranger to a new id', async () => {
    const ada = await resolver.resolve(person('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') }));
    expect(await resolver.resolve(person('VTIGER', '12x1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ADA@example.org') }))).toBe(ada);
    const grace = await resolver.resolve(person('VTIGER', '12x2', { givenName: 'Grace', familyName: 'Hopper', emails: email('grace@example.org') }));
    expect(grace).not.toBe(ada);
    expect(store.identity.get(ada)?.links.map((l) => l.system)).toEqual(['CIVICRM', 'VTIGER']);
    expect(candidates.all()).toEqual([]);
  });

  it('gives a "maybe" record its own id and stores a candidate instead of linking', async () => {
    const senior = await resolver.resolve(person('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1950-03-01' }));
    const junior = await resolver.resolve(person('VTIGER', '12x1', { givenName: 'John', familyName: 'Smith', addresses: [home], birthDate: '1980-07-15' }));
    expect(junior).not.toBe(senior);
    expect(store.identity.get(junior)?.links).toHaveLength(1);
    const [candidate] = candidates.all();
    expect(candidates.all()).toHaveLength(1);
    expect(candidate).toMatchObject({
      personIds: [senior, junior],
      record: { system: 'VTIGER', remoteId: '12x1' },
      reason: 'SCORE',
      agreed: ['addresses', 'familyName', 'givenName'],
      disagreed: ['birthDate'],
    });
    expect(candidate!.score).toBeGreaterThanOrEqual(DEFAULT_TWIN_MATCHING.thresholds.maybe);
    expect(candidate!.score).toBeLessThan(DEFAULT_TWIN_MATCHING.thresholds.sure);
  });

  it('never links two records of the same system automatically: the pair is held for review', async () => {
    const first = await resolver.resolve(person('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org'), addresses: [home] }));
    const second = await resolver.resolve(person('CIVICRM', '2', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org'), addresses: [home] }));
    expect(second).not.toBe(first);
    expect(candidates.all()).toMatchObject([{ personIds: [first, second], reason: 'SAME_SYSTEM' }]);
    // A third system's record joins one of them, and is not held against the other.
    expect(await resolver.resolve(person('VTIGER', '12x1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org'), addresses: [home] }))).toBe(first);
  });

  it('links organizations by name and website, and gives every donation its own id', async () => {
    const org = (system: System, remoteId: string, name: string, website: string | null): RemoteRecord<'ORGANIZATION'> => ({ system, entity: 'ORGANIZATION', remoteId, createdAt: at, modifiedAt: at, data: sampleOrganization({ name, website }) });
    const acme = await resolver.resolve(org('CIVICRM', '1', 'Acme Widgets Ltd', null));
    expect(await resolver.resolve(org('VTIGER', '11x1', 'ACME Widgets Limited', 'https://acme.example'))).toBe(acme);
    expect(await resolver.resolve(org('VTIGER', '11x2', 'Globex', null))).not.toBe(acme);
    const donation = (remoteId: string): RemoteRecord<'DONATION'> => ({ system: 'CIVICRM', entity: 'DONATION', remoteId, createdAt: at, modifiedAt: at, data: sampleDonation() });
    expect(await resolver.resolve(donation('d1'))).not.toBe(await resolver.resolve(donation('d2')));
  });

  it('leaves a record that a write linked while the match was pending with the write\'s object', async () => {
    // The indexer lists a record a mutation has just created, and the write links it to its own
    // (reserved) id before the matcher's link to the twin runs: the twin must not take it away.
    const ada = await resolver.resolve(person('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') }));
    const created = await store.identity.reserve('PERSON');
    const writeLink = store.identity.link(created, 'VTIGER', '12x9');
    const resolved = await resolver.resolve(person('VTIGER', '12x9', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') }));
    await writeLink;
    expect(resolved).toBe(created);
    expect(store.identity.find('VTIGER', 'PERSON', '12x9')).toBe(created);
    expect(store.identity.get(created)?.links.map((l) => l.remoteId)).toEqual(['12x9']);
    expect(store.identity.get(ada)?.links.map((l) => l.remoteId)).toEqual(['1']);
  });

  it('starts from the people in the identity index and record cache', async () => {
    const ada = person('CIVICRM', '1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') });
    const id = await store.identity.linkNew('PERSON', 'CIVICRM', '1');
    await store.records.put(ada);
    const restarted = new TwinResolver({ identity: store.identity, records: store.records, candidates }, DEFAULT_TWIN_MATCHING);
    expect(restarted.people.size).toBe(1);
    expect(await restarted.resolve(person('ACTION_NETWORK', 'u1', { givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org') }))).toBe(id);
  });

  it('through the indexer: matches records of one page with each other, follows edits, forgets deletions', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    civi.seed('PERSON', samplePerson({ givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org'), phones: [] }), { remoteId: '1' });
    vtiger.seed('PERSON', samplePerson({ givenName: 'Ada', familyName: 'Lovelace', emails: email('Ada@Example.org'), phones: [] }), { remoteId: '12x1' });
    vtiger.seed('PERSON', samplePerson({ givenName: 'Charles', familyName: 'Babbage', emails: email('charles@example.org'), phones: [] }), { remoteId: '12x2' });
    const indexer = new Indexer({ store, connectors: [civi, vtiger], logger: createLogger('silent'), intervalMs: 0, resolveIdentity: resolver.resolve });
    indexer.onPage(resolver.observe);
    await indexer.runOnce();
    const ada = store.identity.find('CIVICRM', 'PERSON', '1');
    expect(store.identity.find('VTIGER', 'PERSON', '12x1')).toBe(ada);
    expect(store.identity.ids('PERSON')).toHaveLength(2);

    // Charles gets a new email in Vtiger; a later CiviCRM record sharing only that email is his twin.
    vtiger.edit('PERSON', '12x2', { emails: email('babbage@example.org') });
    vtiger.remove('PERSON', '12x1');
    await indexer.runOnce();
    civi.seed('PERSON', samplePerson({ givenName: 'Charles', familyName: 'Babbage', emails: email('babbage@example.org'), phones: [], addresses: [], birthDate: null }), { remoteId: '2' });
    await indexer.runOnce();
    expect(store.identity.find('CIVICRM', 'PERSON', '2')).toBe(store.identity.find('VTIGER', 'PERSON', '12x2'));
    expect(resolver.people.size).toBe(3);
  });
});
