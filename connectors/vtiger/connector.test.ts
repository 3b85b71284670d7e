// The connector against the simulator over HTTP: batched loads, writes with revise, invoices whose
// line items carry the designations.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnifiedDonation, UnifiedPerson } from '../../src/model/entities.js';
import type { VtigerConnector } from './connector.js';
import { seedContacts } from './simulator/bulk-seed.js';
import { MODULES } from './simulator/modules.js';
import { startVtigerSimulator, type VtigerSimulator, type VtigerSimulatorOptions } from './simulator/server.js';
import { simulatorConnector } from './test-setup.js';

let running: { sim: VtigerSimulator; connector: VtigerConnector } | undefined;
afterEach(async () => {
  await running?.connector.close();
  await running?.sim.close();
  running = undefined;
});

async function setup(options: VtigerSimulatorOptions = {}, timezone?: string) {
  const sim = await startVtigerSimulator(options);
  const connector = simulatorConnector(sim, timezone ? { timezone } : {});
  running = { sim, connector };
  return { sim, connector };
}

const person: UnifiedPerson = {
  givenName: 'Zoë',
  familyName: 'Ångström',
  emails: [{ address: 'zoe@example.se', primary: true, status: 'SUBSCRIBED' }],
  phones: [{ number: '+46855501234', kind: 'MOBILE', primary: true }],
  addresses: [{ lines: ['Drottninggatan 53'], locality: 'Stockholm', region: null, postalCode: '111 21', country: 'SE', primary: true }],
  languages: [],
  birthDate: '1990-07-21',
  tags: [],
  customFields: null,
  organizationRef: null,
};

const donation = (overrides: Partial<UnifiedDonation> = {}): UnifiedDonation => ({
  amount: { amount: '100.00', currency: 'EUR' },
  receivedAt: DateTime.fromISO('2026-03-28T23:00:00Z', { zone: 'utc' }),
  donorRef: null,
  designations: [
    { name: 'Scholarships', amount: { amount: '60.00', currency: 'EUR' } },
    { name: 'Building Fund', amount: { amount: '40.00', currency: 'EUR' } },
  ],
  recurring: false,
  ...overrides,
});

describe('load', () => {
  it('answers 250 ids with exactly 3 queries, in key order, null for unknown and other-module ids', async () => {
    const { sim, connector } = await setup({ seed: (store) => seedContacts(store, 260) });
    await connector.health();
    sim.requests.clear();
    const keys = [...Array.from({ length: 248 }, (_, i) => `12x${260 - i}`), '12x9999', '11x5'];
    const records = await connector.load('PERSON', keys);
    expect(sim.count('query')).toBe(3);
    expect(records.map((r) => r?.remoteId ?? null)).toEqual([...keys.slice(0, 248), null, null]);
    expect(records[0]?.data.familyName).toBe('Contact0260');
  });
});

describe('writes', () => {
  it('creates a contact owned by the logged-in user and reads every field back', async () => {
    const { sim, connector } = await setup();
    const [outcome] = await connector.create('PERSON', [person]);
    expect(outcome).toMatchObject({ ok: true, status: 'CREATED' });
    if (!outcome?.ok) return;
    expect(outcome.record?.data).toEqual(person);
    expect(sim.store.resolve(outcome.remoteId).ownerId).toBe(1);
    expect((await connector.load('PERSON', [outcome.remoteId]))[0]?.data).toEqual(person);
  });

  it('updates with revise, sending only the columns behind the patched fields', async () => {
    const { sim, connector } = await setup();
    const [created] = await connector.create('PERSON', [person]);
    if (!created?.ok) throw new Error('create failed');
    sim.requests.clear();
    const [updated] = await connector.update('PERSON', [{ remoteId: created.remoteId, patch: { givenName: 'Zoe', birthDate: null } }]);
    expect(updated).toMatchObject({ ok: true, status: 'UPDATED', record: { data: { ...person, givenName: 'Zoe', birthDate: null } } });
    const revise = sim.requests.entries.find((r) => new URLSearchParams(r.body).get('operation') === 'revise');
    expect(JSON.parse(new URLSearchParams(revise?.body).get('element') ?? '')).toEqual({ firstname: 'Zoe', birthday: '', id: created.remoteId });
  });

  it('reports one failing item as its outcome while the others succeed', async () => {
    const { connector } = await setup();
    const outcomes = await connector.create('PERSON', [person, { ...person, familyName: null }]);
    expect(outcomes[0]).toMatchObject({ ok: true });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', upstreamCode: 'MANDATORY_FIELDS_MISSING' } });
  });

  it('deletes, then loads null and answers a second delete NOT_FOUND', async () => {
    const { connector } = await setup({ seed: (store) => seedContacts(store, 2) });
    expect(await connector.delete('PERSON', ['12x1'])).toEqual([{ ok: true, status: 'DELETED', remoteId: '12x1', record: null }]);
    expect(await connector.load('PERSON', ['12x1', '12x2'])).toMatchObject([null, { remoteId: '12x2' }]);
    expect((await connector.delete('PERSON', ['12x1']))[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', upstreamCode: 'ACCESS_DENIED' } });
  });

  it('links a person to an organization by its Accounts id', async () => {
    const { connector } = await setup();
    const [org] = await connector.create('ORGANIZATION', [{ name: 'Acme', website: null, emails: [], phones: [], addresses: [] }]);
    if (!org?.ok) throw new Error('create failed');
    expect(org.remoteId).toMatch(/^11x\d+$/);
    const [linked] = await connector.create('PERSON', [{ ...person, organizationRef: org.remoteId }]);
    expect(linked).toMatchObject({ ok: true, record: { data: { organizationRef: org.remoteId } } });
  });
});

describe('donations as invoices with line items', () => {
  it('round-trips designations as line items whose products are the designations', async () => {
    const { sim, connector } = await setup({}, 'Europe/Berlin');
    const [donor] = await connector.create('PERSON', [person]);
    if (!donor?.ok) throw new Error('create failed');
    const gift = donation({ donorRef: donor.remoteId });
    const [created] = await connector.create('DONATION', [gift]);
    expect(created).toMatchObject({ ok: true, status: 'CREATED' });
    if (!created?.ok) return;
    expect(created.remoteId).toMatch(/^7x\d+$/);
    const [loaded] = await connector.load('DONATION', [created.remoteId]);
    expect(JSON.parse(JSON.stringify(loaded?.data))).toEqual(JSON.parse(JSON.stringify(gift)));
    const stored = sim.store.resolve(created.remoteId);
    expect([stored.values['invoicedate'], stored.values['invoicestatus'], stored.values['currency_id'], stored.values['hdnGrandTotal']]).toEqual([
      '2026-03-29',
      'AutoCreated',
      '21x2',
      '100.00000000',
    ]);
    const products = MODULES.get('Products');
    expect(products && sim.store.live(products).map((p) => p.values['productname']).sort()).toEqual(['Building Fund', 'Scholarships']);
  });

  it('puts what no designation names on a "Donation" line, and refuses designations above the amount', async () => {
    const { connector } = await setup();
    const [plain] = await connector.create('DONATION', [donation({ amount: { amount: '30.00', currency: 'USD' }, designations: [] })]);
    expect(plain).toMatchObject({ ok: true, record: { data: { amount: { amount: '30.00', currency: 'USD' }, designations: [{ name: 'Donation', amount: { amount: '30.00', currency: 'USD' } }] } } });
    const [tooMuch] = await connector.create('DONATION', [donation({ amount: { amount: '50.00', currency: 'EUR' } })]);
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', argument: 'designations' } });
  });

  it('rewrites the lines when a donation’s designations change, and shares one product create between writers', async () => {
    const { sim, connector } = await setup();
    const [created] = await connector.create('DONATION', [donation()]);
    if (!created?.ok) throw new Error('create failed');
    const designations = [{ name: 'Scholarships', amount: { amount: '100.00', currency: 'EUR' } }];
    const [updated] = await connector.update('DONATION', [{ remoteId: created.remoteId, patch: { designations } }]);
    expect(updated).toMatchObject({ ok: true, status: 'UPDATED', record: { data: { designations, amount: { amount: '100.00', currency: 'EUR' } } } });
    const outcomes = await connector.create('DONATION', Array.from({ length: 4 }, () => donation({ designations: [{ name: 'New Appeal', amount: { amount: '100.00', currency: 'EUR' } }] })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // Scholarships and Building Fund for the first gift, then one New Appeal for four concurrent gifts.
    const productCreates = sim.requests.count((r) => new URLSearchParams(r.body).get('elementType') === 'Products');
    expect(productCreates).toBe(3);
  });
});
