// The shared connector conformance suite, run against the Vtiger connector and its simulator.
import { DateTime } from 'luxon';
import { describeConnectorConformance, type ConformanceEnv, type SampleRefs } from '../../test/conformance/connector-conformance.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import { seedAccounts, seedContacts, seedInvoices } from './simulator/bulk-seed.js';
import type { StoredRecord } from './simulator/record-store.js';
import { startVtigerSimulator } from './simulator/server.js';
import { simulatorConnector } from './test-setup.js';

const TIMEOUT_MS = 300;
const PREFIXES: Record<EntityType, string> = { ORGANIZATION: '11', PERSON: '12', DONATION: '7' };

function sample<E extends EntityType>(entity: E, refs: SampleRefs): UnifiedData[E] {
  const samples: { [K in EntityType]: UnifiedData[K] } = {
    ORGANIZATION: {
      name: `Conformance Org ${Math.random().toString(36).slice(2, 8)}`,
      website: 'https://conformance.example',
      emails: [{ address: 'info@conformance.example', primary: true, status: 'SUBSCRIBED' }],
      phones: [{ number: '+14155550100', kind: 'WORK', primary: true }],
      addresses: [{ lines: ['1 Main St'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true }],
    },
    PERSON: {
      givenName: 'Siobhán',
      familyName: 'Ó Briain',
      emails: [
        { address: 'siobhan@example.ie', primary: true, status: 'SUBSCRIBED' },
        { address: 'siobhan@work.example', primary: false, status: 'SUBSCRIBED' },
      ],
      phones: [
        { number: '+35315550147', kind: 'WORK', primary: true },
        { number: '+353871234567', kind: 'MOBILE', primary: false },
      ],
      addresses: [{ lines: ['12 Grafton Street'], locality: 'Dublin', region: null, postalCode: 'D02 X285', country: 'IE', primary: true }],
      languages: [],
      birthDate: '1980-02-29',
      tags: [],
      customFields: null,
      organizationRef: refs.ORGANIZATION ?? null,
    },
    DONATION: {
      amount: { amount: '75.50', currency: 'USD' },
      // Invoices hold a date: midnight in the user's zone (UTC here) keeps the instant exact.
      receivedAt: DateTime.fromISO('2026-02-14T00:00:00Z', { zone: 'utc' }),
      donorRef: refs.PERSON ?? null,
      designations: [
        { name: 'General Fund', amount: { amount: '50.00', currency: 'USD' } },
        { name: 'Scholarships', amount: { amount: '25.50', currency: 'USD' } },
      ],
      recurring: false,
    },
  };
  return samples[entity] as UnifiedData[E];
}

describeConnectorConformance('Vtiger', {
  async start(): Promise<ConformanceEnv> {
    const sim = await startVtigerSimulator();
    const connector = simulatorConnector(sim, { timeoutMs: TIMEOUT_MS });
    const badCredentialsConnector = simulatorConnector(sim, { timeoutMs: TIMEOUT_MS, accessKey: 'not-the-key' });
    // Seeded records get distinct past seconds, as records written over time would have.
    let tick = Date.now() - 86_400_000;
    const at = () => (tick += 1000);
    const seeders: Record<EntityType, (n: number) => StoredRecord[]> = {
      ORGANIZATION: (n) => seedAccounts(sim.store, n, { at }),
      PERSON: (n) => seedContacts(sim.store, n, { at }),
      DONATION: (n) => seedInvoices(sim.store, n, { at }),
    };
    return {
      connector,
      badCredentialsConnector,
      faults: sim.faults,
      requests: sim.requests,
      pageSize: 100,
      timeoutMs: TIMEOUT_MS,
      seedMany: async (entity, n) => seeders[entity](n).map((r) => `${r.module.idPrefix}x${r.crmid}`),
      sample,
      unknownId: (entity) => `${PREFIXES[entity]}x999999`,
      async stop() {
        await connector.close();
        await badCredentialsConnector.close();
        await sim.close();
      },
    };
  },
});
