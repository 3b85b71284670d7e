// GatewayWrites over an in-memory CRM: what counts as the same request under an idempotency key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryConnector } from '../../test/support/memory-connector.js';
import { createLogger } from '../logger.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { GatewayWrites } from './gateway-writes.js';

let store: GatewayStore;
let crm: MemoryConnector;
let writes: GatewayWrites;

beforeEach(async () => {
  store = await openStore('memory://');
  crm = new MemoryConnector({ system: 'CIVICRM' });
  writes = await GatewayWrites.open({ store, connectors: [crm], logger: createLogger('silent') });
});
afterEach(async () => {
  await writes.close();
  await store.close();
});

describe('idempotency keys', () => {
  it('treat systems left out and systems: null as the same request (both mean every system)', async () => {
    const input = { familyName: 'Lovelace' };
    const first = await writes.createPerson(input, undefined, 'signup-null');
    const again = await writes.createPerson(input, null, 'signup-null');
    expect(again).toEqual(first);
    const other = await writes.createOrganization({ name: 'Analytical Engines' }, null, 'org-null');
    expect(await writes.createOrganization({ name: 'Analytical Engines' }, undefined, 'org-null')).toEqual(other);
    expect(crm.calls.create).toHaveLength(2);
  });
});
