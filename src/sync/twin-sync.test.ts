// The twin sync's page step against a real (memory) store: echoes recognized by the ledger, changes
// noted write-ahead so a crash before the reconcile loses nothing, deletions carried once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.js';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { samplePerson } from '../../test/support/sample-records.js';
import { DEFAULT_MERGE_POLICY } from '../identity/merge-policy.js';
import { createLogger } from '../logger.js';
import type { RemoteRecord } from '../model/remote-record.js';
import { ConflictLog } from '../store/conflict-log.js';
import { EchoLedger } from '../store/echo-ledger.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { Outbox } from '../store/outbox.js';
import { SyncBacklog } from '../store/sync-backlog.js';
import { fieldHashes } from './field-values.js';
import type { IndexedPage } from './page-applier.js';
import { DEFAULT_SYNC_POLICY } from './sync-policy.js';
import { RECONCILE_CHUNK, TwinSync } from './twin-sync.js';

let store: GatewayStore;
let connectors: Connector[];
let unifiedId: string;

const ns = (name: string) => [store.keyv(name), store.entries(name)] as const;

async function twinSync(undecided: ReadonlySet<string> = new Set(), queued: number[] = []): Promise<{ sync: TwinSync; outbox: Outbox; echoes: EchoLedger; backlog: SyncBacklog }> {
  const [outbox, echoes, backlog, conflicts] = await Promise.all([
    Outbox.load(...ns(STORE_NAMESPACES.outbox)),
    EchoLedger.load(...ns(STORE_NAMESPACES.echoes)),
    SyncBacklog.load(...ns(STORE_NAMESPACES.syncBacklog)),
    ConflictLog.load(...ns(STORE_NAMESPACES.conflicts)),
  ]);
  const sync = new TwinSync({
    identity: store.identity,
    records: store.records,
    backlog,
    echoes,
    conflicts,
    outbox,
    queue: async (jobs) => {
      queued.push(jobs.length);
      await outbox.add(jobs);
    },
    connectors,
    undecided: () => undecided,
    policy: DEFAULT_SYNC_POLICY,
    mergePolicy: DEFAULT_MERGE_POLICY,
    logger: createLogger('silent'),
  });
  return { sync, outbox, echoes, backlog };
}

function person(system: RemoteRecord['system'], remoteId: string, overrides = {}): RemoteRecord<'PERSON'> {
  return { system, entity: 'PERSON', remoteId, createdAt: null, modifiedAt: null, data: samplePerson(overrides) };
}

function page(upserts: { record: RemoteRecord; previous: RemoteRecord | null }[], deletions: IndexedPage['deletions'] = []): IndexedPage {
  return {
    system: 'VTIGER',
    entity: 'PERSON',
    fromCursor: 'c0',
    cursor: 'c1',
    upserts: upserts.map(({ record, previous }) => ({ record, previous, unifiedId, newlyLinked: false, contentChanged: true })),
    deletions,
    counts: { received: upserts.length, changed: upserts.length, unchanged: 0, deleted: deletions.length },
  };
}

beforeEach(async () => {
  store = await openStore('memory://');
  connectors = [new MemoryConnector({ system: 'CIVICRM' }), new MemoryConnector({ system: 'VTIGER' })];
  unifiedId = await store.identity.linkNew('PERSON', 'CIVICRM', 'c1');
  await store.identity.link(unifiedId, 'VTIGER', 'v1');
  await store.records.putMany([person('CIVICRM', 'c1'), person('VTIGER', 'v1')]);
});
afterEach(async () => {
  await store.close();
});

describe('TwinSync', () => {
  it('takes a pulled change whose changed fields all hold what the sync wrote there for an echo: not reported, not noted', async () => {
    const { sync, echoes, backlog } = await twinSync();
    await echoes.expect([{ system: 'VTIGER', unifiedId, fields: fieldHashes({ familyName: 'King' }, ['familyName']) }]);
    const observed = await sync.observe(page([{ record: person('VTIGER', 'v1', { familyName: 'King' }), previous: person('VTIGER', 'v1') }]));
    expect(observed.effects.echoes).toBe(1);
    expect(observed.page.upserts).toEqual([]);
    expect(backlog.pending('PERSON')).toEqual([]);
  });

  it('notes the rest of a change that also carries an echo, with the echoed field counted as settled', async () => {
    const { sync, echoes, outbox } = await twinSync();
    await echoes.expect([{ system: 'VTIGER', unifiedId, fields: fieldHashes({ familyName: 'King' }, ['familyName']) }]);
    const changed = person('VTIGER', 'v1', { familyName: 'King', givenName: 'Augusta' });
    const observed = await sync.observe(page([{ record: changed, previous: person('VTIGER', 'v1') }]));
    expect(observed.page.upserts).toHaveLength(1);
    await store.records.put(changed);
    await sync.reconcile('PERSON');
    // Only the given name travels: the family name in CiviCRM is the user's, not the echo's.
    expect(outbox.list().map((e) => [e.system, e.op, e.remoteId, e.payload, e.origin])).toEqual([['CIVICRM', 'UPDATE', 'c1', { givenName: 'Augusta' }, 'VTIGER']]);
  });

  it('notes changes before the page is committed, so a crash before the reconcile loses nothing', async () => {
    const first = await twinSync();
    const changed = person('VTIGER', 'v1', { familyName: 'King' });
    await first.sync.observe(page([{ record: changed, previous: person('VTIGER', 'v1') }]));
    await store.records.put(changed);
    await first.backlog.idle();
    // The process dies here; the next one opens the same store.
    const second = await twinSync();
    const effects = await second.sync.reconcile('PERSON');
    expect(second.outbox.list().map((e) => [e.system, e.op, e.payload])).toEqual([['CIVICRM', 'UPDATE', { familyName: 'King' }]]);
    expect(effects.get('VTIGER')).toMatchObject({ pushed: 1 });
    expect(second.backlog.pending('PERSON')).toEqual([]);
  });

  it('reconciles a backlog larger than a chunk a chunk at a time: each chunk queued and settled before the next', async () => {
    const count = RECONCILE_CHUNK + 20;
    const upserts: { record: RemoteRecord; previous: RemoteRecord | null }[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = await store.identity.linkNew('PERSON', 'CIVICRM', `c-${i}`);
      await store.identity.link(id, 'VTIGER', `v-${i}`);
      await store.records.putMany([person('CIVICRM', `c-${i}`), person('VTIGER', `v-${i}`)]);
      upserts.push({ record: person('VTIGER', `v-${i}`, { familyName: `King ${i}` }), previous: person('VTIGER', `v-${i}`) });
    }
    const queued: number[] = [];
    const { sync, outbox, backlog } = await twinSync(new Set(), queued);
    const listed = page(upserts);
    await sync.observe({ ...listed, upserts: listed.upserts.map((u, i) => ({ ...u, unifiedId: store.identity.find('VTIGER', 'PERSON', `v-${i}`)! })) });
    await store.records.putMany(upserts.map((u) => u.record));
    const effects = await sync.reconcile('PERSON');
    expect(queued).toEqual([RECONCILE_CHUNK, 20]);
    expect(effects.get('VTIGER')).toMatchObject({ pushed: count });
    expect(outbox.list().map((e) => `${e.remoteId} ${(e.payload as { familyName?: string }).familyName}`)).toContain(`c-${count - 1} King ${count - 1}`);
    expect(backlog.pending('PERSON')).toEqual([]);
  });

  it('carries a deletion to the other twins once, even when the page is listed again', async () => {
    const { sync, outbox } = await twinSync();
    const deletion = { remoteId: 'v1', previous: person('VTIGER', 'v1'), unifiedId, identityRemoved: false };
    await sync.observe(page([], [deletion]));
    await sync.observe(page([], [deletion]));
    expect(outbox.list().map((e) => [e.system, e.op, e.remoteId, e.origin])).toEqual([['CIVICRM', 'DELETE', 'c1', 'VTIGER']]);
  });

  it('creates no twin for a person a match candidate holds until someone decides, and does once it is decided', async () => {
    connectors.push(new MemoryConnector({ system: 'ACTION_NETWORK' }));
    const changed = person('VTIGER', 'v1', { familyName: 'King' });
    const held = await twinSync(new Set([unifiedId]));
    await held.sync.observe(page([{ record: changed, previous: person('VTIGER', 'v1') }]));
    await store.records.put(changed);
    await held.sync.reconcile('PERSON');
    expect(held.outbox.list().map((e) => [e.system, e.op])).toEqual([['CIVICRM', 'UPDATE']]);

    const decided = await twinSync();
    const again = person('VTIGER', 'v1', { familyName: 'Kingsley' });
    await decided.sync.observe(page([{ record: again, previous: changed }]));
    await store.records.put(again);
    await decided.sync.reconcile('PERSON');
    expect(decided.outbox.list().map((e) => [e.system, e.op])).toEqual([['CIVICRM', 'UPDATE'], ['CIVICRM', 'UPDATE'], ['ACTION_NETWORK', 'CREATE']]);
  });
});
