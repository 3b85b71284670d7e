// The write path over an in-memory CRM: retries with backoff, no repeated creates, deletes of
// records already gone, and reserved ids given back when no CRM took the create.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WriteOutcome } from '../../connectors/connector.js';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { GatewayError } from '../errors/gateway-error.js';
import { createLogger } from '../logger.js';
import type { UnifiedData } from '../model/entities.js';
import type { EntityType } from '../model/system.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { newWriteJobId, Outbox } from '../store/outbox.js';
import { GatewayWrites } from './gateway-writes.js';
import { DELIVERY_LANES, DELIVERY_ROUND } from './outbox-worker.js';

const NOW = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });
const BACKOFF = { baseDelayMs: 10, maxDelayMs: 40 };

let store: GatewayStore;
let crm: MemoryConnector;
let writes: GatewayWrites;

async function open(now?: () => DateTime): Promise<GatewayWrites> {
  writes = await GatewayWrites.open({ store, connectors: [crm], logger: createLogger('silent'), settings: { backoff: BACKOFF }, ...(now ? { now } : {}) });
  return writes;
}

const pending = () => writes.pendingWrites({ first: 100 }).items;

beforeEach(async () => {
  store = await openStore('memory://');
  crm = new MemoryConnector({ system: 'CIVICRM' });
});
afterEach(async () => {
  await writes.close();
  await store.close();
});

describe('the outbox worker', () => {
  it('schedules the retry of a passing failure after the backoff, or after Retry-After when the CRM asks for longer', async () => {
    await open(() => NOW);
    crm.injectFault({ operation: 'create' });
    const first = await writes.createPerson({ familyName: 'Lovelace' }, null, null);
    expect(first.outcomes).toEqual([expect.objectContaining({ system: 'CIVICRM', status: 'QUEUED', error: 'memory CIVICRM was told to fail create' })]);
    const [entry] = pending();
    expect(entry).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'memory CIVICRM was told to fail create' });
    const delay = entry!.nextAttemptAt!.toMillis() - NOW.toMillis();
    expect(delay).toBeGreaterThanOrEqual(BACKOFF.baseDelayMs / 2);
    expect(delay).toBeLessThanOrEqual(BACKOFF.baseDelayMs);

    crm.injectFault({ operation: 'create', error: new GatewayError('RATE_LIMITED', 'slow down', { system: 'CIVICRM', retryAfterMs: 60_000 }) });
    await writes.createPerson({ familyName: 'Babbage' }, null, null);
    expect(pending()[1]!.nextAttemptAt!.toMillis() - NOW.toMillis()).toBe(60_000);
  });

  it('never sets a timer longer than Node can wait, even when the CRM asks for a month', async () => {
    // Node fires a longer timer after 1 ms: the worker would wake nonstop until the retry is due.
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      await open(() => NOW);
      writes.start();
      crm.injectFault({ operation: 'create', error: new GatewayError('RATE_LIMITED', 'slow down', { system: 'CIVICRM', retryAfterMs: 31 * 24 * 3600_000 }) });
      await writes.createPerson({ familyName: 'Patient' }, null, null);
      const delays = () => timers.mock.calls.map((call) => call[1] ?? 0);
      // The worker's pass after the attempt sleeps until the retry is due: as long as it can.
      await vi.waitFor(() => expect(Math.max(...delays())).toBeGreaterThanOrEqual(2_147_483_647), { timeout: 2_000, interval: 10 });
      expect(delays().filter((delay) => delay > 2_147_483_647)).toEqual([]);
    } finally {
      timers.mockRestore();
    }
  });

  it('retries until the CRM recovers, then links the new record to the unified id', async () => {
    await open();
    crm.injectFault({ operation: 'create', times: 3 });
    const result = await writes.createPerson({ familyName: 'Lovelace' }, null, null);
    expect(store.identity.get(result.unifiedId)).toBeNull();
    expect(store.identity.reserved(result.unifiedId)).toBe('PERSON');
    writes.start();
    await vi.waitFor(() => expect(pending()).toEqual([]), { timeout: 5_000, interval: 10 });
    expect(crm.calls.create).toHaveLength(4);
    const [record] = crm.records('PERSON');
    expect(store.identity.find('CIVICRM', 'PERSON', record!.remoteId)).toBe(result.unifiedId);
    expect(store.records.get(record!)?.record.data.familyName).toBe('Lovelace');
  });

  it('delivers a backlog a few writes at a time per CRM, each object\'s writes still in order', async () => {
    await open();
    const create = crm.create.bind(crm);
    const update = crm.update.bind(crm);
    let inFlight = 0;
    let most = 0;
    const seen: string[] = [];
    crm.create = async (entity, items) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight -= 1;
      seen.push(`create ${(items[0] as UnifiedData['PERSON']).familyName}`);
      return create(entity, items);
    };
    crm.update = async (entity, patches) => {
      seen.push(`update ${(patches[0]!.patch as Partial<UnifiedData['PERSON']>).familyName}`);
      return update(entity, patches);
    };
    const createdAt = DateTime.utc();
    const ids = await Promise.all(Array.from({ length: 10 }, () => store.identity.reserve('PERSON')));
    const jobs = ids.map((unifiedId, i) => ({ id: newWriteJobId(createdAt), system: 'CIVICRM' as const, entity: 'PERSON' as const, op: 'CREATE' as const, unifiedId, remoteId: null, payload: { familyName: `P${i}` }, dependsOn: [], createdAt }));
    jobs.push({ ...jobs[0]!, id: newWriteJobId(createdAt), op: 'UPDATE' as never, payload: { familyName: 'P0 again' } });
    await writes.queue(jobs);
    writes.start();
    await vi.waitFor(() => expect(pending()).toEqual([]), { timeout: 5_000, interval: 10 });
    expect(most).toBe(DELIVERY_LANES);
    expect(seen.indexOf('update P0 again')).toBeGreaterThan(seen.indexOf('create P0'));
    expect(crm.records('PERSON').map((r) => r.data.familyName).sort()).toEqual(['P0 again', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
  });

  it('takes a backlog larger than one round a round at a time, and delivers all of it', async () => {
    await open();
    const create = crm.create.bind(crm);
    let inFlight = 0;
    const rounds: number[] = [];
    crm.create = async (entity, items) => {
      inFlight += 1;
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      if (inFlight === 0) rounds.push(crm.records('PERSON').length + 1);
      return create(entity, items);
    };
    const createdAt = DateTime.utc();
    const count = DELIVERY_ROUND * 2 + 10;
    const ids = await Promise.all(Array.from({ length: count }, () => store.identity.reserve('PERSON')));
    await writes.queue(ids.map((unifiedId, i) => ({ id: newWriteJobId(createdAt), system: 'CIVICRM' as const, entity: 'PERSON' as const, op: 'CREATE' as const, unifiedId, remoteId: null, payload: { familyName: `P${i}` }, dependsOn: [], createdAt })));
    writes.start();
    await vi.waitFor(() => expect(pending()).toEqual([]), { timeout: 10_000, interval: 10 });
    expect(crm.records('PERSON')).toHaveLength(count);
    // Lanes run dry at the end of each round before the next one starts.
    expect(rounds).toEqual(expect.arrayContaining([DELIVERY_ROUND, DELIVERY_ROUND * 2, count]));
  });

  it('keeps delivering to one CRM while another CRM\'s writes are held up', async () => {
    const vtiger = new MemoryConnector({ system: 'VTIGER' });
    writes = await GatewayWrites.open({ store, connectors: [crm, vtiger], logger: createLogger('silent'), settings: { backoff: BACKOFF } });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const create = crm.create.bind(crm);
    let held = 0;
    crm.create = async (entity, items) => {
      held += 1;
      await gate;
      return create(entity, items);
    };
    const job = async (system: 'CIVICRM' | 'VTIGER', familyName: string) => {
      const createdAt = DateTime.utc();
      const unifiedId = await store.identity.reserve('PERSON');
      return { id: newWriteJobId(createdAt), system, entity: 'PERSON' as const, op: 'CREATE' as const, unifiedId, remoteId: null, payload: { familyName }, dependsOn: [], createdAt };
    };
    writes.start();
    try {
      await writes.queue(await Promise.all(['A', 'B', 'C', 'D', 'E'].map((name) => job('CIVICRM', name))));
      await vi.waitFor(() => expect(held).toBe(DELIVERY_LANES), { timeout: 5_000, interval: 5 });
      await writes.queue([await job('VTIGER', 'V')]);
      await vi.waitFor(() => expect(vtiger.records('PERSON').map((r) => r.data.familyName)).toEqual(['V']), { timeout: 5_000, interval: 5 });
      expect(crm.records('PERSON')).toEqual([]);
    } finally {
      release();
    }
    await vi.waitFor(() => expect(pending()).toEqual([]), { timeout: 5_000, interval: 10 });
    expect(crm.records('PERSON')).toHaveLength(5);
  });

  it('never sends again a create whose link was recorded before the process stopped', async () => {
    // The state a crash leaves between recording the link and removing the entry.
    const unifiedId = await store.identity.reserve('PERSON');
    await store.identity.link(unifiedId, 'CIVICRM', '77');
    const outbox = await Outbox.load(store.keyv(STORE_NAMESPACES.outbox), store.entries(STORE_NAMESPACES.outbox));
    const createdAt = DateTime.utc();
    await outbox.add([{ id: newWriteJobId(createdAt), system: 'CIVICRM', entity: 'PERSON', op: 'CREATE', unifiedId, remoteId: null, payload: { familyName: 'Once' }, dependsOn: [], createdAt }]);
    await open();
    expect(pending()).toHaveLength(1);
    writes.start();
    await vi.waitFor(() => expect(pending()).toEqual([]), { timeout: 5_000, interval: 10 });
    expect(crm.calls.create).toEqual([]);
  });

  it('takes back a new record that the indexer linked before the write could', async () => {
    // The indexer lists the record between the CRM's answer and the write's own link.
    class RacedConnector extends MemoryConnector {
      override async create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
        const outcomes = await super.create(entity, items);
        for (const outcome of outcomes) if (outcome.ok) await store.identity.linkNew(entity, this.system, outcome.remoteId);
        return outcomes;
      }
    }
    crm = new RacedConnector({ system: 'CIVICRM' });
    await open();
    const result = await writes.createPerson({ familyName: 'Raced' }, null, null);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'CREATED', error: null })]);
    expect(store.identity.find('CIVICRM', 'PERSON', result.outcomes[0]!.remoteId!)).toBe(result.unifiedId);
    expect(store.identity.ids('PERSON')).toEqual([result.unifiedId]);
  });

  it('counts a delete of a record the CRM no longer has as done', async () => {
    await open();
    const person = await writes.createPerson({ familyName: 'Gone' }, null, null);
    const [record] = crm.records('PERSON');
    crm.remove('PERSON', record!.remoteId);
    const deleted = await writes.deletePerson(person.unifiedId);
    expect(deleted.outcomes).toEqual([expect.objectContaining({ status: 'DELETED', remoteId: record!.remoteId, error: `CIVICRM record ${record!.remoteId} was already gone` })]);
    expect(store.identity.get(person.unifiedId)).toBeNull();
    expect(store.records.get(record!)).toBeNull();
  });

  it('reports an unexpected throw from a connector without its text, which may hold internals', async () => {
    await open();
    crm.injectFault({ operation: 'create', error: new TypeError("Cannot read properties of undefined (reading 'apiKey') at https://crm.example.org/?key=s3cret") });
    const result = await writes.createPerson({ familyName: 'Masked' }, null, null);
    expect(result.outcomes).toEqual([
      expect.objectContaining({ status: 'FAILED', error: 'CIVICRM write failed unexpectedly; the gateway log has the details', pendingWriteId: null }),
    ]);
  });

  it('gives back the reserved id when no CRM took the create', async () => {
    await open();
    crm.injectFault({ operation: 'create', error: new GatewayError('UPSTREAM_REJECTED', 'DB Error: already exists', { system: 'CIVICRM' }) });
    const result = await writes.createPerson({ familyName: 'Refused' }, null, null);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'FAILED', error: 'DB Error: already exists', pendingWriteId: null })]);
    expect(store.identity.reserved(result.unifiedId)).toBeNull();
    expect(pending()).toEqual([]);
  });
});
