import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error.js';
import type { RemoteRecord } from '../model/remote-record.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { sampleDonation, sampleOrganization, samplePerson } from '../../test/support/sample-records.js';
import { Indexer, type IndexerOptions } from './indexer.js';
import type { IndexedPage } from './page-applier.js';

/** A pino logger whose lines land in `lines`, parsed. */
function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const names = (page: IndexedPage) => page.upserts.map((u) => (u.record as RemoteRecord<'PERSON'>).data.givenName);

describe('Indexer', () => {
  let store: GatewayStore;
  let log: ReturnType<typeof captureLogger>;
  const indexers: Indexer[] = [];

  beforeEach(async () => {
    store = await openStore('memory://');
    log = captureLogger();
  });

  afterEach(async () => {
    await Promise.all(indexers.splice(0).map((i) => i.stop()));
    await store.close();
  });

  function indexer(connectors: MemoryConnector[], options: Partial<IndexerOptions> = {}): Indexer {
    const created = new Indexer({ store, connectors, logger: log.logger, intervalMs: 0, ...options });
    indexers.push(created);
    return created;
  }

  it('lists everything in pages on the first run, in dependency order, and links every record', async () => {
    const crm = new MemoryConnector({ pageSize: 2 });
    const org = crm.seed('ORGANIZATION', sampleOrganization());
    for (const name of ['a', 'b', 'c', 'd', 'e']) crm.seed('PERSON', samplePerson({ givenName: name, organizationRef: org.remoteId }));
    crm.seed('DONATION', sampleDonation());
    const pages: IndexedPage[] = [];
    const idx = indexer([crm]);
    idx.onPage((page) => {
      pages.push(page);
    });

    const run = await idx.runOnce();

    expect(run.connectors).toEqual([{ system: 'CIVICRM', ok: true, error: null, counts: { pages: 5, received: 7, changed: 7, deleted: 0 } }]);
    expect(crm.calls.listChanged).toEqual([
      { entity: 'ORGANIZATION', cursor: null },
      { entity: 'PERSON', cursor: null },
      { entity: 'DONATION', cursor: null },
    ]);
    expect(pages.filter((p) => p.entity === 'PERSON').map(names)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.every((p) => p.upserts.every((u) => u.newlyLinked && u.contentChanged && u.previous === null))).toBe(true);
    expect(store.records.count('CIVICRM', 'PERSON')).toBe(5);
    expect(store.identity.ids('PERSON')).toHaveLength(5);
    expect(store.identity.ids('ORGANIZATION')).toHaveLength(1);
    expect(store.identity.ids('DONATION')).toHaveLength(1);
    for (const record of crm.records('PERSON')) expect(store.identity.find('CIVICRM', 'PERSON', record.remoteId)).not.toBeNull();
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('6');
    expect(store.cursors.get('CIVICRM', 'PERSON').lastRunAt).not.toBeNull();
    expect(idx.ready).toBe(true);
  });

  it('then lists only what changed since the stored cursor', async () => {
    const crm = new MemoryConnector({ pageSize: 10 });
    const a = crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    crm.seed('PERSON', samplePerson({ givenName: 'b' }));
    const idx = indexer([crm]);
    await idx.runOnce();
    const idOfA = store.identity.find('CIVICRM', 'PERSON', a.remoteId);

    crm.edit('PERSON', a.remoteId, { givenName: 'a2' });
    crm.seed('PERSON', samplePerson({ givenName: 'c' }));
    const pages: IndexedPage[] = [];
    idx.onPage((page) => {
      pages.push(page);
    });
    const run = await idx.runOnce();

    expect(crm.calls.listChanged.filter((c) => c.entity === 'PERSON').map((c) => c.cursor)).toEqual([null, '2']);
    expect(run.connectors[0]?.counts).toEqual({ pages: 1, received: 2, changed: 2, deleted: 0 });
    const [page] = pages.filter((p) => p.entity === 'PERSON');
    expect(page?.fromCursor).toBe('2');
    expect(page?.upserts.map((u) => ({ name: (u.record as RemoteRecord<'PERSON'>).data.givenName, previous: (u.previous as RemoteRecord<'PERSON'> | null)?.data.givenName ?? null, newlyLinked: u.newlyLinked }))).toEqual([
      { name: 'a2', previous: 'a', newlyLinked: false },
      { name: 'c', previous: null, newlyLinked: true },
    ]);
    // An edited record keeps its unified id.
    expect(store.identity.find('CIVICRM', 'PERSON', a.remoteId)).toBe(idOfA);
    expect(store.identity.ids('PERSON')).toHaveLength(3);
    expect((store.records.get(a)?.record as RemoteRecord<'PERSON'>).data.givenName).toBe('a2');
  });

  it('recognises records listed again unchanged and reports no change for them', async () => {
    const crm = new MemoryConnector();
    crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    const idx = indexer([crm]);
    await idx.runOnce();
    await store.cursors.set('CIVICRM', 'PERSON', null);
    const pages: IndexedPage[] = [];
    idx.onPage((page) => {
      pages.push(page);
    });
    const version = store.identity.version;
    await idx.runOnce();
    const page = pages.find((p) => p.entity === 'PERSON');
    expect(page?.counts).toEqual({ received: 1, changed: 0, unchanged: 1, deleted: 0 });
    expect(page?.upserts).toEqual([]);
    expect(store.identity.version).toBe(version);
  });

  it('applies a page before storing its cursor', async () => {
    const crm = new MemoryConnector({ pageSize: 1 });
    crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    crm.seed('PERSON', samplePerson({ givenName: 'b' }));
    const idx = indexer([crm]);
    const observed: Array<{ cursorStored: string | null; pageCursor: string; cachedBefore: boolean; linked: boolean }> = [];
    idx.onPage((page) => {
      const remoteId = page.upserts[0]!.record.remoteId;
      observed.push({
        cursorStored: store.cursors.get('CIVICRM', 'PERSON').cursor,
        pageCursor: page.cursor,
        cachedBefore: store.records.get({ system: 'CIVICRM', entity: 'PERSON', remoteId }) !== null,
        linked: store.identity.find('CIVICRM', 'PERSON', remoteId) !== null,
      });
    });
    await idx.runOnce();
    // Listeners see the page linked but not yet cached; the cursor is stored after both.
    expect(observed).toEqual([
      { cursorStored: null, pageCursor: '1', cachedBefore: false, linked: true },
      { cursorStored: '1', pageCursor: '2', cachedBefore: false, linked: true },
    ]);
    expect(store.records.count('CIVICRM', 'PERSON')).toBe(2);
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('2');
  });

  it('keeps the cursor of the last stored page when a listing fails mid-run, and replays only the rest', async () => {
    const crm = new MemoryConnector({ pageSize: 2 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) crm.seed('PERSON', samplePerson({ givenName: name }));
    crm.seed('DONATION', sampleDonation());
    crm.injectFault({ operation: 'listChanged', entity: 'PERSON', afterPages: 1 });
    const idx = indexer([crm]);
    const pages: IndexedPage[] = [];
    idx.onPage((page) => {
      pages.push(page);
    });

    const first = await idx.runOnce();
    expect(first.connectors[0]).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' }, counts: { pages: 1 } });
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('2');
    expect(store.records.count('CIVICRM', 'PERSON')).toBe(2);
    // The connector's run stops at the failure: donations wait for the next run.
    expect(crm.calls.listChanged.map((c) => c.entity)).toEqual(['ORGANIZATION', 'PERSON']);
    expect(idx.status()[0]?.lastError).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', entity: 'PERSON' });

    pages.length = 0;
    const second = await idx.runOnce();
    expect(second.connectors[0]?.ok).toBe(true);
    expect(crm.calls.listChanged.filter((c) => c.entity === 'PERSON').map((c) => c.cursor)).toEqual([null, '2']);
    expect(pages.filter((p) => p.entity === 'PERSON').map(names)).toEqual([['c', 'd'], ['e']]);
    expect(store.records.count('CIVICRM', 'PERSON')).toBe(5);
    expect(store.records.count('CIVICRM', 'DONATION')).toBe(1);
    expect(idx.status()[0]?.lastError).toBeNull();
  });

  it('does not advance the cursor past a page whose listener failed, and lists that page again', async () => {
    const crm = new MemoryConnector({ pageSize: 2 });
    for (const name of ['a', 'b', 'c', 'd']) crm.seed('PERSON', samplePerson({ givenName: name }));
    const idx = indexer([crm]);
    let failOnce = true;
    const seen: Array<Array<string | null>> = [];
    idx.onPage((page) => {
      if (page.entity !== 'PERSON') return;
      seen.push(names(page));
      if (page.cursor === '4' && failOnce) {
        failOnce = false;
        throw new GatewayError('UPSTREAM_UNAVAILABLE', 'propagation target down', { system: 'VTIGER' });
      }
    });
    const first = await idx.runOnce();
    expect(first.connectors[0]?.error?.message).toBe('propagation target down');
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('2');
    await idx.runOnce();
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('4');
    // The failed page was not cached, so its replay reports the same changes again.
    expect(seen).toEqual([['a', 'b'], ['c', 'd'], ['c', 'd']]);
  });

  it('drops deleted records from the cache and the index', async () => {
    const crm = new MemoryConnector();
    const a = crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    const b = crm.seed('PERSON', samplePerson({ givenName: 'b' }));
    const idx = indexer([crm]);
    await idx.runOnce();
    const idOfA = store.identity.find('CIVICRM', 'PERSON', a.remoteId);
    crm.remove('PERSON', a.remoteId);
    const pages: IndexedPage[] = [];
    idx.onPage((page) => {
      pages.push(page);
    });
    await idx.runOnce();
    const page = pages.find((p) => p.entity === 'PERSON');
    expect(page?.deletions).toEqual([{ remoteId: a.remoteId, previous: expect.objectContaining({ remoteId: a.remoteId }), unifiedId: idOfA, identityRemoved: true }]);
    expect(page?.counts.deleted).toBe(1);
    expect(store.records.get(a)).toBeNull();
    expect(store.identity.find('CIVICRM', 'PERSON', a.remoteId)).toBeNull();
    expect(store.identity.get(idOfA!)).toBeNull();
    expect(store.identity.ids('PERSON')).toEqual([store.identity.find('CIVICRM', 'PERSON', b.remoteId)]);
  });

  it('reports a deleted twin without removing the unified object it still belongs to, and ignores unknown deletions', async () => {
    const crm = new MemoryConnector();
    const a = crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    const b = crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    const idx = indexer([crm]);
    await idx.runOnce();
    const id = store.identity.find('CIVICRM', 'PERSON', a.remoteId)!;
    await store.identity.link(id, 'CIVICRM', b.remoteId);
    crm.remove('PERSON', b.remoteId);
    const ghost = crm.seed('PERSON', samplePerson({ givenName: 'ghost' }));
    crm.remove('PERSON', ghost.remoteId);
    const pages: IndexedPage[] = [];
    idx.onPage((page) => {
      pages.push(page);
    });
    await idx.runOnce();
    const page = pages.find((p) => p.entity === 'PERSON')!;
    expect(page.deletions.map((d) => [d.remoteId, d.unifiedId, d.identityRemoved])).toEqual([[b.remoteId, id, false]]);
    expect(page.counts).toMatchObject({ received: 0, deleted: 1 });
    expect(store.identity.get(id)?.links.map((l) => l.remoteId)).toEqual([a.remoteId]);
  });

  it('picks up where it left off after a restart: same ids, incremental listing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gateway-indexer-'));
    try {
      const url = `sqlite://${join(dir, 'state.sqlite')}`;
      const crm = new MemoryConnector({ pageSize: 2 });
      for (const name of ['a', 'b', 'c']) crm.seed('PERSON', samplePerson({ givenName: name }));
      const before = await openStore(url);
      await new Indexer({ store: before, connectors: [crm], logger: log.logger, intervalMs: 0 }).runOnce();
      const ids = before.identity.ids('PERSON');
      await before.close();

      crm.seed('PERSON', samplePerson({ givenName: 'd' }));
      const after = await openStore(url);
      const run = await new Indexer({ store: after, connectors: [crm], logger: log.logger, intervalMs: 0 }).runOnce();
      expect(crm.calls.listChanged.filter((c) => c.entity === 'PERSON').map((c) => c.cursor)).toEqual([null, '3']);
      expect(run.connectors[0]?.counts.received).toBe(1);
      expect(after.identity.ids('PERSON')).toEqual(expect.arrayContaining([...ids]));
      expect(after.identity.ids('PERSON')).toHaveLength(4);
      await after.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps indexing the other connectors when one fails, and logs the failure with its code and system', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    civi.seed('PERSON', samplePerson());
    vtiger.seed('PERSON', samplePerson());
    civi.injectFault({ operation: 'listChanged', times: Infinity, error: new GatewayError('UPSTREAM_AUTH', 'CiviCRM refused the API key (HTTP 401)', { system: 'CIVICRM' }) });
    const idx = indexer([civi, vtiger]);

    const run = await idx.runOnce();

    expect(run.connectors.map((c) => [c.system, c.ok])).toEqual([
      ['CIVICRM', false],
      ['VTIGER', true],
    ]);
    expect(store.records.count('VTIGER', 'PERSON')).toBe(1);
    expect(store.records.count('CIVICRM')).toBe(0);
    expect(idx.ready).toBe(true);
    const [civiStatus, vtigerStatus] = idx.status();
    expect(civiStatus).toMatchObject({ system: 'CIVICRM', firstRunDone: true, lastSuccessAt: null, lastError: { code: 'UPSTREAM_AUTH', message: 'CiviCRM refused the API key (HTTP 401)', entity: 'ORGANIZATION' } });
    expect(civiStatus?.lastRunAt).not.toBeNull();
    expect(vtigerStatus).toMatchObject({ system: 'VTIGER', firstRunDone: true, lastError: null, indexed: { PERSON: 1, ORGANIZATION: 0, DONATION: 0 }, lastRunCounts: { pages: 1, received: 1 } });
    const failure = log.lines.find((l) => l.level === 40);
    expect(failure).toMatchObject({ system: 'CIVICRM', entity: 'ORGANIZATION', code: 'UPSTREAM_AUTH', retryable: false, error: 'CiviCRM refused the API key (HTTP 401)' });
  });

  it('keeps an unexpected error\'s text out of its status (readyz shows it), and logs it whole', async () => {
    const crm = new MemoryConnector({});
    crm.injectFault({ operation: 'listChanged', error: new TypeError('connect to postgres://gateway:s3cret@10.0.0.5 refused') });
    const idx = indexer([crm]);
    await idx.runOnce();
    expect(idx.status()[0]?.lastError).toMatchObject({ code: 'INTERNAL', message: 'indexing CIVICRM failed unexpectedly; the gateway log has the details' });
    const logged = log.lines.find((line) => line['code'] === 'INTERNAL');
    expect(JSON.stringify(logged?.['err'])).toContain('s3cret');
  });

  it('only lists the entities a connector can list', async () => {
    const an = new MemoryConnector({ system: 'ACTION_NETWORK', capabilities: { ORGANIZATION: null, DONATION: { read: true, list: false, create: false, update: false, delete: 'NONE', maxBatchSize: 25, fields: [] } } });
    await indexer([an]).runOnce();
    expect(an.calls.listChanged.map((c) => c.entity)).toEqual(['PERSON']);
  });

  it('is ready once every connector finished its first run', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    const idx = indexer([civi, vtiger]);
    const hold = vtiger.holdListings();
    let readyResolved = false;
    void idx.whenReady().then(() => {
      readyResolved = true;
    });
    const run = idx.runOnce();
    await waitFor(() => idx.status()[0]!.firstRunDone, 'CiviCRM to finish');
    expect(idx.ready).toBe(false);
    expect(idx.status()[1]).toMatchObject({ system: 'VTIGER', firstRunDone: false, running: true });
    expect(readyResolved).toBe(false);
    hold.release();
    await run;
    expect(idx.ready).toBe(true);
    await waitFor(() => readyResolved, 'whenReady');
  });

  it('never overlaps runs: calls during a run share one follow-up run', async () => {
    const crm = new MemoryConnector();
    crm.seed('PERSON', samplePerson());
    const idx = indexer([crm]);
    const hold = crm.holdListings();
    const first = idx.runOnce();
    const second = idx.runOnce();
    const third = idx.runOnce();
    expect(second).toBe(third);
    await waitFor(() => crm.activeListings === 1, 'the first listing');
    hold.release();
    const runs = await Promise.all([first, second, third]);
    expect(runs[1]!.startedAt.toMillis()).toBeGreaterThanOrEqual(runs[0]!.finishedAt.toMillis());
    expect(crm.maxConcurrentListings).toBe(1);
    expect(crm.calls.listChanged.filter((c) => c.entity === 'PERSON')).toHaveLength(2);
  });

  it('lists only the pairs a scope names, and widens a shared follow-up pass to every caller\'s scope', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    const idx = indexer([civi, vtiger]);
    const scoped = await idx.runOnce(new Set(['VTIGER:PERSON']));
    expect(scoped.listings.map((l) => `${l.system}:${l.entity}`)).toEqual(['VTIGER:PERSON']);
    const hold = civi.holdListings();
    const first = idx.runOnce();
    const a = idx.runOnce(new Set(['CIVICRM:DONATION']));
    const b = idx.runOnce(new Set(['VTIGER:ORGANIZATION']));
    expect(a).toBe(b);
    hold.release();
    await first;
    expect((await a).listings.map((l) => `${l.system}:${l.entity}`).sort()).toEqual(['CIVICRM:DONATION', 'VTIGER:ORGANIZATION']);
  });

  it('runs the after-entity hook once per entity, after every connector\'s listing of it, in dependency order', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    civi.seed('PERSON', samplePerson());
    const calls: string[] = [];
    const idx = indexer([civi, vtiger], {
      afterEntity: async (entity, listings, pass) => {
        calls.push(`${pass.trigger} ${entity} ${listings.map((l) => `${l.system}:${l.counts.received}`).sort().join(',')}`);
      },
    });
    await idx.runOnce(null, 'MANUAL');
    expect(calls).toEqual(['MANUAL ORGANIZATION CIVICRM:0,VTIGER:0', 'MANUAL PERSON CIVICRM:1,VTIGER:0', 'MANUAL DONATION CIVICRM:0,VTIGER:0']);
  });

  it('runs at start and then every interval, without overlap, until stopped', async () => {
    const crm = new MemoryConnector();
    crm.seed('PERSON', samplePerson());
    const idx = indexer([crm], { intervalMs: 5 });
    idx.start();
    idx.start(); // a second start changes nothing
    await waitFor(() => crm.calls.listChanged.filter((c) => c.entity === 'PERSON').length >= 3, 'three runs');
    await idx.stop();
    const runs = crm.calls.listChanged.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(crm.calls.listChanged.length).toBe(runs);
    expect(crm.maxConcurrentListings).toBe(1);
    // Later runs are incremental.
    expect(crm.calls.listChanged.filter((c) => c.entity === 'PERSON').map((c) => c.cursor).slice(0, 3)).toEqual([null, '1', '1']);
  });

  it('runs only once at start when the interval is 0', async () => {
    const crm = new MemoryConnector();
    const idx = indexer([crm], { intervalMs: 0 });
    idx.start();
    await idx.whenReady();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(crm.calls.listChanged.map((c) => c.entity)).toEqual(['ORGANIZATION', 'PERSON', 'DONATION']);
  });

  it('stops a run after the page in progress, with the cursor covering what was applied', async () => {
    const crm = new MemoryConnector({ pageSize: 1 });
    for (const name of ['a', 'b', 'c']) crm.seed('PERSON', samplePerson({ givenName: name }));
    const idx = indexer([crm]);
    const hold = crm.holdListings();
    let stopping: Promise<void> | null = null;
    idx.onPage((page) => {
      if (page.entity === 'PERSON' && !stopping) stopping = idx.stop();
    });
    const run = idx.runOnce();
    await waitFor(() => crm.activeListings === 1, 'the listing');
    hold.release();
    const result = await run;
    await stopping;
    expect(result.stopped).toBe(true);
    expect(result.connectors[0]?.ok).toBe(false);
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBe('1');
    expect(store.records.count('CIVICRM', 'PERSON')).toBe(1);
    expect(crm.activeListings).toBe(0);
    expect(idx.ready).toBe(false);
  });

  it('hands first-seen records to resolveIdentity, one at a time, so twins can share an id', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    civi.seed('PERSON', samplePerson({ emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }] }));
    vtiger.seed('PERSON', samplePerson({ emails: [{ address: 'ADA@example.org', primary: true, status: 'UNKNOWN' }] }));
    vtiger.seed('PERSON', samplePerson({ givenName: 'Bob', emails: [{ address: 'bob@example.org', primary: true, status: 'UNKNOWN' }] }));
    const byEmail = new Map<string, string>();
    let active = 0;
    let maxActive = 0;
    const resolved: string[] = [];
    const idx = indexer([civi, vtiger], {
      resolveIdentity: async (record) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 1));
        resolved.push(`${record.system}:${record.remoteId}`);
        const email = (record as RemoteRecord<'PERSON'>).data.emails[0]!.address.toLowerCase();
        const twin = byEmail.get(email);
        const id = twin ? await store.identity.link(twin, record.system, record.remoteId) : await store.identity.linkNew(record.entity, record.system, record.remoteId);
        byEmail.set(email, id);
        active -= 1;
        return id;
      },
    });
    await idx.runOnce();
    expect(maxActive).toBe(1);
    expect(resolved.sort()).toEqual(['CIVICRM:1', 'VTIGER:1', 'VTIGER:2']);
    expect(store.identity.ids('PERSON')).toHaveLength(2);
    expect(store.identity.find('CIVICRM', 'PERSON', '1')).toBe(store.identity.find('VTIGER', 'PERSON', '1'));
    // Already linked records are not resolved again.
    await store.cursors.set('VTIGER', 'PERSON', null);
    await idx.runOnce();
    expect(resolved).toHaveLength(3);
  });

  it('fails the page when resolveIdentity does not link the record', async () => {
    const crm = new MemoryConnector();
    crm.seed('PERSON', samplePerson());
    const idx = indexer([crm], { resolveIdentity: async () => 'per_aaaaaaaaaaaaaaaaaaaa' });
    const run = await idx.runOnce();
    expect(run.connectors[0]?.error).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('resolveIdentity must link CIVICRM PERSON 1') });
    expect(store.cursors.get('CIVICRM', 'PERSON').cursor).toBeNull();
  });

  it('refuses a listing that yields another system’s records', async () => {
    const crm = new MemoryConnector({ system: 'VTIGER' });
    crm.seed('PERSON', samplePerson());
    const wrong = Object.assign(Object.create(crm) as MemoryConnector, { system: 'CIVICRM' as const });
    const run = await indexer([wrong]).runOnce();
    expect(run.connectors[0]?.error).toMatchObject({ code: 'MAPPING', message: 'a CIVICRM PERSON listing must yield CIVICRM PERSON records, but got VTIGER PERSON 1' });
  });

  it('checks its options at construction', () => {
    expect(() => new Indexer({ store, connectors: [], logger: log.logger, intervalMs: -1 })).toThrowError('intervalMs must be a non-negative integer (0: only at start), but got: -1');
    expect(() => new Indexer({ store, connectors: [new MemoryConnector(), new MemoryConnector()], logger: log.logger, intervalMs: 0 })).toThrowError(
      'connectors must name each system once, but got CIVICRM twice',
    );
  });

  it('is ready at once with no connectors', async () => {
    const idx = indexer([]);
    expect(idx.ready).toBe(true);
    await expect(idx.runOnce()).resolves.toMatchObject({ connectors: [] });
  });
});
