// Runs the shared connector conformance suite against the CiviCRM simulator over real HTTP.
import { DateTime } from 'luxon';
import type { UnifiedData } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import type { ConformanceHarness, SampleRefs } from '../../test/conformance/conformance-harness.js';
import { describeConnectorConformance } from '../../test/conformance/connector-conformance.js';
import type { CiviCrmConfig } from './config.js';
import { CiviCrmConnector } from './connector.js';
import { startCiviCrmSimulator } from './simulator/civicrm-simulator.js';
import type { SimulatorDatabase } from './simulator/simulator-database.js';

const PAGE_SIZE = 10;
const TIMEOUT_MS = 300;

/** Seeds are a second apart, from a day ago, so listings see distinct, increasing change times. */
function seeder(db: SimulatorDatabase) {
  let tick = 0;
  const at = () => new Date(Date.now() - 86_400_000 + tick++ * 1000);
  let donor: number | undefined;
  const values: Record<EntityType, (i: number) => Record<string, unknown>> = {
    PERSON: (i) => ({ contact_type: 'Individual', first_name: `Seed${i}`, last_name: 'Person', 'email_primary.email': `seed${i}@example.org` }),
    ORGANIZATION: (i) => ({ contact_type: 'Organization', organization_name: `Seed Org ${i}` }),
    DONATION: (i) => {
      donor ??= db.insert('Contact', { contact_type: 'Individual', first_name: 'Seed', last_name: 'Donor' }, { at: at() }).id as number;
      return { contact_id: donor, total_amount: 10 + i, 'financial_type_id:name': 'Donation', receive_date: '2024-01-01 12:00:00' };
    },
  };
  return async (entity: EntityType, n: number): Promise<string[]> =>
    Array.from({ length: n }, (_, i) => String(db.insert(entity === 'DONATION' ? 'Contribution' : 'Contact', values[entity](i), { at: at() }).id));
}

const contactPoints = {
  emails: [
    { address: 'zoe.conformance@example.org', primary: true, status: 'SUBSCRIBED' as const },
    { address: 'zoë.old@exämple.org', primary: false, status: 'BOUNCING' as const },
  ],
  phones: [
    { number: '+14155550132', kind: 'MOBILE' as const, primary: true },
    { number: '+442079460958', kind: 'WORK' as const, primary: false },
    { number: 'ask at reception', kind: 'OTHER' as const, primary: false },
  ],
  addresses: [
    { lines: ['1234 rue Saint-Denis', 'Appartement 5 — côté cour'], locality: 'Montréal', region: 'QC', postalCode: 'H2X 3K8', country: 'CA', primary: true },
    { lines: [], locality: 'Berlin', region: null, postalCode: null, country: 'DE', primary: false },
  ],
};

function sample<E extends EntityType>(entity: E, refs: SampleRefs): UnifiedData[E] {
  const samples: UnifiedData = {
    ORGANIZATION: { name: 'Ærø Fællesskab 協会', website: 'https://aero.example', ...contactPoints },
    PERSON: {
      givenName: 'Zoë',
      familyName: 'Ñúñez-Łukasz 山田',
      ...contactPoints,
      languages: ['fr'],
      birthDate: '1990-02-28',
      tags: [],
      customFields: null,
      organizationRef: refs.ORGANIZATION ?? null,
    },
    DONATION: {
      amount: { amount: '100.00', currency: 'EUR' },
      receivedAt: DateTime.fromISO('2024-03-10T07:30:00Z', { zone: 'utc' }),
      donorRef: refs.PERSON ?? null,
      designations: [
        { name: 'Wasser für alle', amount: { amount: '60.50', currency: 'EUR' } },
        { name: 'Schools', amount: { amount: '39.50', currency: 'EUR' } },
      ],
      recurring: false,
    },
  };
  return samples[entity];
}

const harness: ConformanceHarness = {
  async start() {
    const sim = await startCiviCrmSimulator({ seed: 'none', timeZone: 'America/New_York' });
    const config: CiviCrmConfig = {
      url: sim.url,
      apiKey: sim.apiKey,
      siteKey: null,
      timezone: 'America/New_York',
      defaultPhoneRegion: 'US',
      timeoutMs: TIMEOUT_MS,
    };
    const options = { listPageSize: PAGE_SIZE, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } };
    const connector = new CiviCrmConnector(config, options);
    const badCredentialsConnector = new CiviCrmConnector({ ...config, apiKey: 'not-the-key' }, options);
    return {
      connector,
      badCredentialsConnector,
      faults: sim.faults,
      requests: sim.requests,
      pageSize: PAGE_SIZE,
      timeoutMs: TIMEOUT_MS,
      seedMany: seeder(sim.db),
      sample,
      unknownId: () => '987654',
      async stop() {
        await Promise.all([connector.close(), badCredentialsConnector.close()]);
        await sim.close();
      },
    };
  },
};

describeConnectorConformance('CiviCRM', harness);
