// Writes through the gateway are recorded in the change log (origin null), one change per
// mutation, and one more when a queued write is delivered later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { ChangeLog } from '../events/change-log.js';
import { createLogger } from '../logger.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { GatewayWrites } from './gateway-writes.js';

let store: GatewayStore;
let changes: ChangeLog;
let civi: MemoryConnector;
let vtiger: MemoryConnector;
let writes: GatewayWrites;

beforeEach(async () => {
  store = await openStore('memory://');
  changes = await ChangeLog.load(store.keyv(STORE_NAMESPACES.changelog), store.entries(STORE_NAMESPACES.changelog));
  civi = new MemoryConnector({ system: 'CIVICRM' });
  vtiger = new MemoryConnector({ system: 'VTIGER' });
  writes = await GatewayWrites.open({ store, connectors: [civi, vtiger], logger: createLogger('silent'), changes, settings: { backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
});
afterEach(async () => {
  await writes.close();
  await store.close();
});

const log = () => changes.after(null, 100).map(({ op, id, origin, changedFields, entity }) => ({ op, id, origin, entity, changedFields: [...changedFields] }));

describe('changes made through the gateway', () => {
  it('records one change per mutation: created, the fields an update changed, deleted', async () => {
    const { unifiedId: id } = await writes.createPerson({ givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org' }] }, null, null);
    await writes.updatePerson(id, { familyName: 'King' });
    await writes.updatePerson(id, { familyName: 'King' });
    await writes.deletePerson(id);
    expect(log()).toEqual([
      { op: 'CREATED', id, origin: null, entity: 'PERSON', changedFields: expect.arrayContaining(['givenName', 'familyName', 'emails', 'sources']) },
      { op: 'UPDATED', id, origin: null, entity: 'PERSON', changedFields: ['familyName'] },
      // The repeated update changed nothing a reader sees: no change.
      { op: 'DELETED', id, origin: null, entity: 'PERSON', changedFields: [] },
    ]);
  });

  it('records a queued write when it is delivered: the create when the first CRM took it, the new source later', async () => {
    vtiger.injectFault({ operation: 'create' });
    const { unifiedId: id, outcomes } = await writes.createPerson({ familyName: 'Queued' }, null, null);
    expect(outcomes.map((o) => o.status)).toEqual(['CREATED', 'QUEUED']);
    expect(log().map((c) => c.op)).toEqual(['CREATED']);
    writes.start();
    await vi.waitFor(() => expect(log()).toHaveLength(2), { timeout: 5_000, interval: 10 });
    expect(log()[1]).toEqual({ op: 'UPDATED', id, origin: null, entity: 'PERSON', changedFields: ['sources'] });
  });

  it('records nothing while every write of a create is queued, and the creation once one is delivered', async () => {
    civi.injectFault({ operation: 'create' });
    vtiger.injectFault({ operation: 'create' });
    const { unifiedId: id } = await writes.createOrganization({ name: 'Engines' }, null, null);
    expect(log()).toEqual([]);
    writes.start();
    await vi.waitFor(() => expect(writes.pendingWrites({ first: 10 }).totalCount).toBe(0), { timeout: 5_000, interval: 10 });
    expect(log()).toEqual([
      { op: 'CREATED', id, origin: null, entity: 'ORGANIZATION', changedFields: ['name', 'sources'] },
      { op: 'UPDATED', id, origin: null, entity: 'ORGANIZATION', changedFields: ['sources'] },
    ]);
  });
});
