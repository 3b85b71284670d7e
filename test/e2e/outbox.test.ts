// Writes a CRM cannot take right now: queued in the durable outbox, visible as pendingWrites,
// delivered in order once the CRM recovers (after a gateway restart too), never repeated once
// they succeeded; and idempotency keys that return the first result instead of making twins.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startCrmSimulators, type CrmSimulators } from '../support/crm-simulators.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const OUTCOMES = 'outcomes { system status remoteId error skippedFields pendingWriteId }';
const PENDING = '{ pendingWrites { totalCount edges { node { id system entity op unifiedId remoteId status attempts nextAttemptAt lastError createdAt } } } }';
const CREATE_PERSON = `mutation($input: PersonInput!, $key: String) { createPerson(input: $input, idempotencyKey: $key) { person { id sources { system remoteId } } ${OUTCOMES} } }`;
const FAST_BACKOFF = { backoff: { baseDelayMs: 20, maxDelayMs: 200 } };
const SERVICE_UNAVAILABLE = { kind: 'status', status: 503, times: Infinity } as const;

type Outcome = { system: string; status: string; remoteId: string | null; error: string | null; skippedFields: string[]; pendingWriteId: string | null };
const bySystem = (outcomes: Outcome[]): Record<string, Outcome> => Object.fromEntries(outcomes.map((o) => [o.system, o]));

let sims: CrmSimulators;
let gw: TestGateway;

beforeAll(async () => {
  sims = await startCrmSimulators();
  gw = await startTestGateway({ connectors: sims.connectors(), writes: FAST_BACKOFF });
});
afterEach(() => {
  sims.civi.faults.clear();
  sims.an.faults.clear();
  sims.vtiger.faults.clear();
});
afterAll(async () => {
  await gw.close();
  await sims.close();
});

function vtigerContacts(lastname: string) {
  return [...Array(400).keys()].map((n) => sims.vtiger.store.byCrmid(n)).filter((r) => r?.module.name === 'Contacts' && !r.deleted && r.values['lastname'] === lastname);
}

function civiContacts(lastName: string) {
  return sims.civi.db.list('Contact').filter((c) => c['last_name'] === lastName);
}

function anPeople(familyName: string) {
  return [...sims.an.store.people.values()].filter((p) => p.family_name === familyName);
}

async function mutate(target: TestGateway, query: string, variables: Record<string, unknown>) {
  const res = await target.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function pendingWrites(target: TestGateway = gw) {
  const res = await target.query(PENDING);
  expect(res.errors).toBeUndefined();
  return res.data!.pendingWrites as { totalCount: number; edges: { node: Record<string, any> }[] };
}

/** The entries still to be delivered (FAILED ones stay listed too, for operators to see). */
async function stillPending(target: TestGateway = gw) {
  return (await pendingWrites(target)).edges.filter((e) => e.node['status'] === 'PENDING');
}

/** Waits for the outbox to deliver everything (the simulators answer again). */
async function drained(target: TestGateway = gw): Promise<void> {
  await vi.waitFor(async () => expect(await stillPending(target)).toEqual([]), { timeout: 10_000, interval: 25 });
}

describe('the outbox', () => {
  it('queues a write a CRM answers with 503, shows it in pendingWrites, and delivers it once the CRM recovers', async () => {
    sims.vtiger.faults.inject(SERVICE_UNAVAILABLE);
    const data = await mutate(gw, CREATE_PERSON, { input: { givenName: 'Ada', familyName: 'Queued', emails: [{ address: 'ada.queued@example.org' }] } });
    const outcomes = bySystem(data.createPerson.outcomes);
    const id = data.createPerson.person.id;
    expect(outcomes['CIVICRM']?.status).toBe('CREATED');
    expect(outcomes['ACTION_NETWORK']?.status).toBe('CREATED');
    expect(outcomes['VTIGER']).toMatchObject({ status: 'QUEUED', remoteId: null, error: expect.stringContaining('HTTP 503'), pendingWriteId: expect.stringMatching(/^wr_/) });
    expect(data.createPerson.person.sources.map((s: { system: string }) => s.system).sort()).toEqual(['ACTION_NETWORK', 'CIVICRM']);

    const pending = await pendingWrites();
    expect(pending.totalCount).toBe(1);
    expect(pending.edges[0]!.node).toMatchObject({
      id: outcomes['VTIGER']!.pendingWriteId,
      system: 'VTIGER',
      entity: 'PERSON',
      op: 'CREATE',
      unifiedId: id,
      remoteId: null,
      status: 'PENDING',
      lastError: expect.stringContaining('HTTP 503'),
      nextAttemptAt: expect.any(String),
    });
    expect(pending.edges[0]!.node['attempts']).toBeGreaterThanOrEqual(1);
    expect(vtigerContacts('Queued')).toEqual([]);

    sims.vtiger.faults.clear();
    await drained();
    const [contact] = vtigerContacts('Queued');
    expect(contact?.values).toMatchObject({ firstname: 'Ada', email: 'ada.queued@example.org' });
    const after = await gw.query(`query($id: ID!) { person(id: $id) { sources { system remoteId } } }`, { id });
    expect(after.data!.person.sources).toContainEqual({ system: 'VTIGER', remoteId: `12x${contact?.crmid}` });
    // Delivered once; the writes that succeeded at first were not repeated.
    expect(vtigerContacts('Queued')).toHaveLength(1);
    expect(civiContacts('Queued')).toHaveLength(1);
    expect(anPeople('Queued')).toHaveLength(1);
  });

  it('holds later writes to a queued person, and a donation that needs its record, behind its create, then delivers them in order', async () => {
    sims.vtiger.faults.inject(SERVICE_UNAVAILABLE);
    const created = await mutate(gw, CREATE_PERSON, { input: { givenName: 'Charles', familyName: 'Ordered', emails: [{ address: 'charles.ordered@example.org' }] } });
    const id = created.createPerson.person.id;
    const createEntry = bySystem(created.createPerson.outcomes)['VTIGER']!.pendingWriteId;

    const updated = await mutate(gw, `mutation($id: ID!) { updatePerson(id: $id, input: { familyName: "Ordered-Babbage" }) { ${OUTCOMES} } }`, { id });
    expect(bySystem(updated.updatePerson.outcomes)).toMatchObject({
      CIVICRM: { status: 'UPDATED' },
      ACTION_NETWORK: { status: 'UPDATED' },
      VTIGER: { status: 'QUEUED', error: `waits for an earlier write to VTIGER (${createEntry})` },
    });
    const donation = await mutate(gw, `mutation($input: DonationInput!) { createDonation(input: $input) { donation { id } ${OUTCOMES} } }`, {
      input: { donorId: id, amount: { amount: '12.50', currency: 'USD' } },
    });
    expect(bySystem(donation.createDonation.outcomes)['VTIGER']).toMatchObject({ status: 'QUEUED', error: `waits for an earlier write to VTIGER (${createEntry})` });
    expect((await pendingWrites()).edges.map((e) => e.node['op'])).toEqual(['CREATE', 'UPDATE', 'CREATE']);

    sims.vtiger.faults.clear();
    await drained();
    const [contact] = vtigerContacts('Ordered-Babbage');
    expect(contact).toBeDefined();
    const invoices = [...Array(400).keys()].map((n) => sims.vtiger.store.byCrmid(n)).filter((r) => r?.module.name === 'Invoice' && r.values['contact_id'] === `12x${contact?.crmid}`);
    expect(invoices).toHaveLength(1);
    const read = await gw.query(`query($id: ID!) { donation(id: $id) { sources { system } } }`, { id: donation.createDonation.donation.id });
    expect(read.data!.donation.sources.map((s: { system: string }) => s.system).sort()).toEqual(['ACTION_NETWORK', 'CIVICRM', 'VTIGER']);
  });

  it('reports a partial failure: one CRM takes the write, one refuses it for good, one is queued', async () => {
    sims.vtiger.faults.inject(SERVICE_UNAVAILABLE);
    const data = await mutate(gw, CREATE_PERSON, { input: { givenName: 'Nameonly', familyName: 'Partial' } });
    expect(bySystem(data.createPerson.outcomes)).toMatchObject({
      CIVICRM: { status: 'CREATED', error: null },
      ACTION_NETWORK: { status: 'FAILED', error: 'Action Network needs an email address or a phone number to create a person, but got neither', pendingWriteId: null },
      VTIGER: { status: 'QUEUED', pendingWriteId: expect.stringMatching(/^wr_/) },
    });
    expect(data.createPerson.person.sources).toEqual([{ system: 'CIVICRM', remoteId: expect.any(String) }]);
    // Only the queued write is in the outbox; the refused one was reported and is gone.
    expect((await pendingWrites()).edges.map((e) => e.node['system'])).toEqual(['VTIGER']);
    sims.vtiger.faults.clear();
    await drained();
    expect(vtigerContacts('Partial')).toHaveLength(1);
  });

  it('turns a queued write that the CRM refuses on a retry into FAILED with the CRM message, and stops retrying it', async () => {
    sims.an.faults.inject(SERVICE_UNAVAILABLE);
    const data = await mutate(gw, CREATE_PERSON, { input: { givenName: 'Refused', familyName: 'Later', emails: [{ address: 'refused@example.org' }] } });
    expect(bySystem(data.createPerson.outcomes)['ACTION_NETWORK']?.status).toBe('QUEUED');
    sims.an.faults.clear();
    sims.an.faults.inject({ kind: 'status', status: 422, times: Infinity, headers: { 'content-type': 'application/json' }, body: '{"error":"Email address is on the suppression list"}' });
    await vi.waitFor(async () => expect((await pendingWrites()).edges[0]?.node['status']).toBe('FAILED'), { timeout: 10_000, interval: 25 });
    const [entry] = (await pendingWrites()).edges;
    expect(entry!.node).toMatchObject({ system: 'ACTION_NETWORK', op: 'CREATE', status: 'FAILED', nextAttemptAt: null, lastError: expect.stringContaining('(HTTP 422): Email address is on the suppression list') });
    const requestsWhenFailed = sims.an.requests.count();
    sims.an.faults.clear();
    // Another pass of the worker finds nothing to do: a FAILED write is not attempted again.
    await gw.query('mutation { createOrganization(input: { name: "Kick" }, systems: [CIVICRM]) { organization { id } } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sims.an.requests.count()).toBe(requestsWhenFailed);
    expect(anPeople('Later')).toEqual([]);
  });
});

describe('idempotency keys', () => {
  it('returns the first result for a repeated create, sequential or concurrent, without twins', async () => {
    const input = { givenName: 'Ada', familyName: 'Idempotent', emails: [{ address: 'ada.idem@example.org' }] };
    const first = await mutate(gw, CREATE_PERSON, { input, key: 'signup-1' });
    const again = await mutate(gw, CREATE_PERSON, { input, key: 'signup-1' });
    expect(again.createPerson).toEqual(first.createPerson);

    const concurrentInput = { givenName: 'Bea', familyName: 'Concurrent', emails: [{ address: 'bea@example.org' }] };
    const [a, b] = await Promise.all([mutate(gw, CREATE_PERSON, { input: concurrentInput, key: 'signup-2' }), mutate(gw, CREATE_PERSON, { input: concurrentInput, key: 'signup-2' })]);
    expect(a.createPerson.person.id).toBe(b.createPerson.person.id);

    for (const name of ['Idempotent', 'Concurrent']) {
      expect(civiContacts(name)).toHaveLength(1);
      expect(anPeople(name)).toHaveLength(1);
      expect(vtigerContacts(name)).toHaveLength(1);
    }
  });

  it('returns the first, queued result again rather than sending the write twice', async () => {
    sims.vtiger.faults.inject(SERVICE_UNAVAILABLE);
    const input = { givenName: 'Queued', familyName: 'Twice', emails: [{ address: 'twice@example.org' }] };
    const first = await mutate(gw, CREATE_PERSON, { input, key: 'signup-3' });
    const again = await mutate(gw, CREATE_PERSON, { input, key: 'signup-3' });
    expect(again.createPerson.outcomes).toEqual(first.createPerson.outcomes);
    expect(bySystem(again.createPerson.outcomes)['VTIGER']?.status).toBe('QUEUED');
    expect(await stillPending()).toHaveLength(1);
    sims.vtiger.faults.clear();
    await drained();
    expect(vtigerContacts('Twice')).toHaveLength(1);
    expect(civiContacts('Twice')).toHaveLength(1);
  });

  it('returns the first result even when the repeated input would no longer pass validation', async () => {
    const org = await mutate(gw, 'mutation { createOrganization(input: { name: "Short-lived" }, systems: [CIVICRM]) { organization { id } outcomes { remoteId } } }', {});
    const input = { givenName: 'Loyal', familyName: 'Employee', emails: [{ address: 'loyal@example.org' }], organizationId: org.createOrganization.organization.id };
    const first = await mutate(gw, CREATE_PERSON, { input, key: 'signup-5' });
    // The organization goes away (as when its last record is deleted in the CRM and the indexer sees it).
    await gw.store.identity.unlink('CIVICRM', 'ORGANIZATION', org.createOrganization.outcomes[0].remoteId);
    const fresh = await gw.query(CREATE_PERSON, { input });
    expect(fresh.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.organizationId' });
    const again = await mutate(gw, CREATE_PERSON, { input, key: 'signup-5' });
    expect(again.createPerson.outcomes).toEqual(first.createPerson.outcomes);
    expect(civiContacts('Employee')).toHaveLength(1);
  });

  it('refuses a key used before for other input', async () => {
    await mutate(gw, CREATE_PERSON, { input: { givenName: 'Key', familyName: 'Owner', emails: [{ address: 'owner@example.org' }] }, key: 'signup-4' });
    const before = sims.civi.requests.count();
    const res = await gw.query(CREATE_PERSON, { input: { givenName: 'Other', familyName: 'Input', emails: [{ address: 'other@example.org' }] }, key: 'signup-4' });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'idempotencyKey "signup-4" was first used for a createPerson; a repeat must send the same mutation and input, but got: createPerson with other input',
        extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' },
      }),
    ]);
    expect(sims.civi.requests.count()).toBe(before);
  });
});

describe('a restart with a pending outbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-outbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers a write queued before the gateway stopped mid-retry, once, after it starts again on the same store', async () => {
    const storeUrl = `sqlite://${join(dir, 'state.sqlite')}`;
    const first = await startTestGateway({ connectors: sims.connectors(), store: await openStore(storeUrl), writes: FAST_BACKOFF });
    sims.vtiger.faults.inject(SERVICE_UNAVAILABLE);
    const input = { givenName: 'Ada', familyName: 'Restarted', emails: [{ address: 'ada.restarted@example.org' }] };
    const created = await mutate(first, CREATE_PERSON, { input, key: 'restart-1' });
    const id = created.createPerson.person.id;
    expect(bySystem(created.createPerson.outcomes)['VTIGER']?.status).toBe('QUEUED');
    // Stop while the outbox is retrying.
    await vi.waitFor(async () => expect((await pendingWrites(first)).edges[0]?.node['attempts']).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 10 });
    await first.close();
    expect(vtigerContacts('Restarted')).toEqual([]);

    sims.vtiger.faults.clear();
    const second = await startTestGateway({ connectors: sims.connectors(), store: await openStore(storeUrl), writes: FAST_BACKOFF });
    try {
      await drained(second);
      expect(vtigerContacts('Restarted')).toHaveLength(1);
      expect(civiContacts('Restarted')).toHaveLength(1);
      expect(anPeople('Restarted')).toHaveLength(1);
      const person = await second.query(`query($id: ID!) { person(id: $id) { sources { system } } }`, { id });
      expect(person.data!.person.sources.map((s: { system: string }) => s.system).sort()).toEqual(['ACTION_NETWORK', 'CIVICRM', 'VTIGER']);
      // The key outlived the restart: the repeat gets the first result, and nothing is written again.
      const repeat = await mutate(second, CREATE_PERSON, { input, key: 'restart-1' });
      expect(repeat.createPerson.person.id).toBe(id);
      expect(repeat.createPerson.outcomes).toEqual(created.createPerson.outcomes);
      expect(civiContacts('Restarted')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
