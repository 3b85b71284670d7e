// The shared connector conformance suite, run against the Action Network connector and its simulator.
import { DateTime } from 'luxon';
import { describeConnectorConformance, type ConformanceHarness } from '../../test/conformance/connector-conformance.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import { ActionNetworkConnector } from './connector.js';
import type { ActionNetworkConfig } from './config.js';
import { startActionNetworkSimulator } from './simulator/server.js';

const TIMEOUT_MS = 300;

const harness: ConformanceHarness = {
  async start() {
    const sim = await startActionNetworkSimulator({ rateLimit: 1000 });
    const page = sim.store.createPage('Conformance', 'tests');
    const config: ActionNetworkConfig = { url: sim.url, apiToken: sim.apiToken, ratePerSecond: 1000, fundraisingPage: page.id, timeoutMs: TIMEOUT_MS };
    const retry = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 };
    const connector = new ActionNetworkConnector(config, { retry });
    const badCredentialsConnector = new ActionNetworkConnector({ ...config, apiToken: 'rejected-token' }, { retry });
    let seeded = 0;

    const seedPerson = (): string => {
      const n = seeded++;
      const now = sim.store.now();
      return sim.store.insertPerson({
        created_date: now,
        modified_date: now,
        given_name: `Seeded ${n}`,
        family_name: 'Person',
        email_addresses: [{ address: `seeded.${n}@example.org`, primary: true, status: 'subscribed' }],
        phone_numbers: [],
        postal_addresses: [],
        languages_spoken: ['en'],
        custom_fields: {},
      }).id;
    };

    return {
      connector,
      badCredentialsConnector,
      faults: sim.faults,
      requests: sim.requests,
      pageSize: 25,
      timeoutMs: TIMEOUT_MS,
      async seedMany(entity: EntityType, n: number) {
        return Array.from({ length: n }, () => {
          if (entity === 'PERSON') return seedPerson();
          const donor = seedPerson();
          return sim.store.donate(page.id, { recipients: [{ display_name: 'General', amount: '15.00' }], currency: 'usd', personId: donor }).id;
        });
      },
      sample<E extends EntityType>(entity: E, refs: Partial<Record<EntityType, string>>): UnifiedData[E] {
        const person: UnifiedData['PERSON'] = {
          givenName: 'Róisín',
          familyName: 'Nic Mhathúna',
          emails: [{ address: 'roisin.sample@example.ie', primary: true, status: 'SUBSCRIBED' }],
          phones: [{ number: '+35315550147', kind: 'MOBILE', primary: true }],
          addresses: [{ lines: ['12 Grafton Street'], locality: 'Dublin', region: 'Leinster', postalCode: 'D02 X285', country: 'IE', primary: true }],
          languages: ['ga'],
          birthDate: null,
          tags: ['conformance'],
          customFields: { 'Member since': '2021' },
          organizationRef: null,
        };
        const donation: UnifiedData['DONATION'] = {
          amount: { amount: '42.00', currency: 'USD' },
          receivedAt: DateTime.fromISO('2026-02-03T04:05:06Z', { zone: 'utc' }),
          donorRef: refs.PERSON ?? null,
          designations: [{ name: 'General', amount: { amount: '42.00', currency: 'USD' } }],
          recurring: false,
        };
        return (entity === 'PERSON' ? person : donation) as UnifiedData[E];
      },
      unknownId: () => '00000000-0000-4000-8000-000000000000',
      async stop() {
        await connector.close();
        await badCredentialsConnector.close();
        await sim.close();
      },
    };
  },
};

describeConnectorConformance('Action Network', harness);
