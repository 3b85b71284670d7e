// The connector against the simulator over real HTTP: reads, change listing, writes and the rate budget.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangePage } from '../connector.js';
import type { UnifiedPerson } from '../../src/model/entities.js';
import { ActionNetworkConnector } from './connector.js';
import type { ActionNetworkConfig } from './config.js';
import { seedBulkPeople } from './simulator/bulk-seed.js';
import { startActionNetworkSimulator, type ActionNetworkSimulator } from './simulator/server.js';

let sim: ActionNetworkSimulator;
let connector: ActionNetworkConnector;
let ids: string[];
let pageId: string;

function configFor(overrides: Partial<ActionNetworkConfig> = {}): ActionNetworkConfig {
  return { url: sim.url, apiToken: sim.apiToken, ratePerSecond: 500, fundraisingPage: pageId, timeoutMs: 5000, ...overrides };
}

async function start(count: number, rateLimit = 500): Promise<void> {
  sim = await startActionNetworkSimulator({
    rateLimit,
    seed: (store) => {
      ids = seedBulkPeople(store, count, { donationEvery: 10 });
      pageId = store.createPage('API page', 'contact-gateway').id;
    },
  });
  connector = new ActionNetworkConnector(configFor());
}

afterEach(async () => {
  await connector.close();
  await sim.close();
});

async function collect<E extends 'PERSON' | 'DONATION'>(iterable: AsyncIterable<ChangePage<E>>): Promise<ChangePage<E>[]> {
  const pages: ChangePage<E>[] = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

const person = (overrides: Partial<UnifiedPerson> = {}): UnifiedPerson => ({
  givenName: 'Zoë',
  familyName: 'Ångström',
  emails: [{ address: 'zoe@example.net', primary: true, status: 'SUBSCRIBED' }],
  phones: [{ number: '+14155550132', kind: 'MOBILE', primary: true }],
  addresses: [{ lines: ['1 Market St', 'Suite 5'], locality: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', primary: true }],
  languages: ['es'],
  birthDate: null,
  tags: ['member', 'new-tag'],
  customFields: { shirt_size: 'M' },
  organizationRef: null,
  ...overrides,
});

describe('ActionNetworkConnector reads', () => {
  beforeEach(() => start(60));

  it('loads in id order with null for unknown or malformed ids, fetching a repeated id once', async () => {
    const [a = '', b = ''] = ids;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const records = await connector.load('PERSON', [b, unknown, a, 'not-a-uuid', b]);
    expect(records.map((r) => r?.remoteId ?? null)).toEqual([b, null, a, null, b]);
    expect(records[2]?.data.givenName).toBe('Ana');
    expect(records[2]?.data.tags).toEqual(['volunteer']);
    expect(sim.requests.count((r) => r.method === 'GET' && r.path === `/api/v2/people/${b}`)).toBe(1);
    expect(sim.requests.count((r) => r.path.includes('not-a-uuid'))).toBe(0);
  });

  it('loads donations with their donor, designations and amount', async () => {
    const donationId = [...sim.store.donations.keys()][1] ?? '';
    const [donation] = await connector.load('DONATION', [donationId]);
    expect(donation?.data.donorRef).toBe(ids[10]);
    expect(donation?.data.amount).toEqual({ amount: '20.00', currency: 'USD' });
    expect(donation?.data.designations).toEqual([{ name: 'General', amount: { amount: '20.00', currency: 'USD' } }]);
    expect(donation?.data.receivedAt.toISO()).toBe('2025-01-01T00:10:00.000Z');
  });

  it('does not hold organizations', async () => {
    expect(connector.capabilities.ORGANIZATION).toBeNull();
    await expect(connector.load('ORGANIZATION', ['1'])).rejects.toMatchObject({ code: 'UNSUPPORTED', message: 'Action Network does not hold organizations' });
  });

  it('reports a refused token from health as UPSTREAM_AUTH', async () => {
    const wrong = new ActionNetworkConnector(configFor({ apiToken: 'wrong' }));
    await expect(wrong.health()).rejects.toMatchObject({ code: 'UPSTREAM_AUTH', upstreamStatus: 401 });
    await wrong.close();
    await expect(connector.health()).resolves.toBeUndefined();
  });
});

describe('ActionNetworkConnector change listing', () => {
  beforeEach(() => start(60));

  it('lists everyone past the 25-per-page cap with their tags; the last page carries the finished cursor', async () => {
    const pages = await collect(connector.listChanged('PERSON', null));
    expect(pages.map((p) => p.records.length)).toEqual([25, 25, 10]);
    const all = pages.flatMap((p) => p.records);
    expect(new Set(all.map((r) => r.remoteId))).toEqual(new Set(ids));
    expect(all.find((r) => r.remoteId === ids[2])?.data.tags).toEqual(['member']);
    expect(all.find((r) => r.remoteId === ids[1])?.data.tags).toEqual([]);
    expect(JSON.parse(pages[0]?.cursor ?? '{}')).toMatchObject({ since: null, next: `${sim.url}/people?per_page=25&page=2` });
    expect(JSON.parse(pages[2]?.cursor ?? '{}')).toMatchObject({ next: null });
    expect(pages.every((p) => p.deletedIds.length === 0)).toBe(true);
  });

  it('resumes a walk from a mid-walk cursor at the page after it', async () => {
    const [first] = await collect(connector.listChanged('PERSON', null));
    const rest = await collect(connector.listChanged('PERSON', first?.cursor ?? null));
    expect(rest.map((p) => p.records.length)).toEqual([25, 10]);
  });

  it('lists what changed since a finished walk, reaching back 10 s by the server clock without repeating what it yielded', async () => {
    await sim.close();
    let clock = Date.parse('2025-01-01T00:40:30Z');
    sim = await startActionNetworkSimulator({ rateLimit: 500, now: () => clock, seed: (store) => (ids = seedBulkPeople(store, 60)) });
    await connector.close();
    connector = new ActionNetworkConnector(configFor());
    const first = await collect(connector.listChanged('PERSON', null));
    expect(first.flatMap((p) => p.records)).toHaveLength(60);
    const unchanged = await collect(connector.listChanged('PERSON', first.at(-1)?.cursor ?? null));
    expect(sim.requests.entries.at(-1)?.query.get('filter')).toBe("modified_date gt '2025-01-01T00:40:20Z'");
    // Person 40 (00:40:00) is outside the overlap; 41..59 are inside it but were yielded unchanged.
    expect(unchanged.flatMap((p) => p.records)).toEqual([]);
    clock += 60_000;
    sim.store.update(ids[5] ?? '', { given_name: 'Changed' });
    sim.store.update(ids[59] ?? '', { given_name: 'Changed too' });
    const changed = await collect(connector.listChanged('PERSON', unchanged.at(-1)?.cursor ?? null));
    expect(changed.flatMap((p) => p.records).map((r) => r.data.givenName).sort()).toEqual(['Changed', 'Changed too']);
  });

  it('lists a record again when it changed twice within the second its last listing saw (same modified_date, new content)', async () => {
    await sim.close();
    const clock = Date.parse('2025-01-01T00:40:30Z');
    sim = await startActionNetworkSimulator({ rateLimit: 500, now: () => clock, seed: (store) => (ids = seedBulkPeople(store, 3)) });
    await connector.close();
    connector = new ActionNetworkConnector(configFor());
    sim.store.update(ids[1] ?? '', { given_name: 'First edit' });
    const first = await collect(connector.listChanged('PERSON', null));
    expect(first.flatMap((p) => p.records).find((r) => r.remoteId === ids[1])?.data.givenName).toBe('First edit');
    // The clock has not moved: the second edit carries the same modified_date as the first.
    sim.store.update(ids[1] ?? '', { given_name: 'Second edit' });
    const again = await collect(connector.listChanged('PERSON', first.at(-1)?.cursor ?? null));
    expect(again.flatMap((p) => p.records).map((r) => [r.remoteId, r.data.givenName])).toEqual([[ids[1], 'Second edit']]);
  });

  it('keeps its bound when a walk finds nothing', async () => {
    const cursor = JSON.stringify({ since: '2030-01-01T00:00:00Z', next: null, startedAt: null, skip: {}, seen: {} });
    const pages = await collect(connector.listChanged('PERSON', cursor));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.records).toEqual([]);
    expect(JSON.parse(pages[0]?.cursor ?? '{}')).toMatchObject({ since: '2030-01-01T00:00:00Z', next: null });
  });

  it('lists donations with totals-carrying pages', async () => {
    const pages = await collect(connector.listChanged('DONATION', null));
    expect(pages.flatMap((p) => p.records)).toHaveLength(6);
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(collect(connector.listChanged('PERSON', 'page=2'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'ACTION_NETWORK change cursor must be one this connector handed out, but got: page=2',
    });
  });
});

describe('ActionNetworkConnector writes', () => {
  beforeEach(() => start(12));

  it('creates a new person through the signup helper and round-trips every mapped field', async () => {
    const [outcome] = await connector.create('PERSON', [person()]);
    expect(outcome).toMatchObject({ ok: true, status: 'CREATED' });
    const id = outcome?.ok ? outcome.remoteId : '';
    const [loaded] = await connector.load('PERSON', [id]);
    expect(loaded?.data).toEqual(person());
    expect(connector.capabilities.PERSON?.fields).toEqual(['givenName', 'familyName', 'emails', 'phones', 'addresses', 'languages', 'customFields', 'tags']);
  });

  it('reports UPDATED when the signup helper merged into an existing person by email (any case)', async () => {
    const existing = sim.store.people.get(ids[3] ?? '');
    const email = existing?.email_addresses[0]?.address.toUpperCase() ?? '';
    const [outcome] = await connector.create('PERSON', [person({ emails: [{ address: email, primary: true, status: 'UNKNOWN' }], tags: [] })]);
    expect(outcome).toMatchObject({ ok: true, status: 'UPDATED', remoteId: ids[3] });
    expect(sim.store.people.size).toBe(12);
    // UNKNOWN sends no status: an existing person's subscription is left alone.
    expect(existing?.email_addresses[0]?.status).toBe('subscribed');
  });

  it('refuses to create a person with neither email nor phone', async () => {
    const [outcome] = await connector.create('PERSON', [person({ emails: [], phones: [] })]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'Action Network needs an email address or a phone number to create a person, but got neither' } });
  });

  it('updates fields with PUT and makes the taggings match the wanted tags', async () => {
    const id = ids[0] ?? '';
    const [outcome] = await connector.update('PERSON', [{ remoteId: id, patch: { familyName: 'Okafor-Reyes', tags: ['press', 'board'] } }]);
    expect(outcome).toMatchObject({ ok: true, status: 'UPDATED' });
    expect(outcome?.ok && outcome.record?.data).toMatchObject({ givenName: 'Ana', familyName: 'Okafor-Reyes', tags: ['board', 'press'] });
    const tagNames = [...sim.store.taggings.values()].filter((t) => t.personId === id).map((t) => sim.store.tags.get(t.tagId)?.name);
    expect(tagNames.sort()).toEqual(['board', 'press']);
    expect(sim.requests.count((r) => r.method === 'DELETE')).toBe(1);
  });

  it('reports an unknown id as NOT_FOUND and a malformed one as BAD_USER_INPUT, without failing the others', async () => {
    const outcomes = await connector.update('PERSON', [
      { remoteId: '00000000-0000-4000-8000-000000000000', patch: { givenName: 'X' } },
      { remoteId: '42', patch: { givenName: 'X' } },
      { remoteId: ids[1] ?? '', patch: { givenName: 'Bea' } },
    ]);
    expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(outcomes[1]).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: 'Action Network person ids are uuids such as 1efc3644-af25-4253-90b8-a0baf12dbd1e, but got: "42"' },
    });
    expect(outcomes[2]).toMatchObject({ ok: true, status: 'UPDATED' });
  });

  it('"deletes" a person by unsubscribing every email and phone; the person stays readable', async () => {
    const id = ids[4] ?? '';
    expect(connector.capabilities.PERSON?.delete).toBe('UNSUBSCRIBE');
    const [outcome] = await connector.delete('PERSON', [id]);
    expect(outcome).toMatchObject({ ok: true, status: 'UNSUBSCRIBED', remoteId: id });
    expect(sim.requests.count((r) => r.method === 'DELETE')).toBe(0);
    const [loaded] = await connector.load('PERSON', [id]);
    expect(loaded?.data.emails.map((e) => e.status)).toEqual(['UNSUBSCRIBED']);
    expect(sim.store.people.get(id)?.phone_numbers.map((p) => p.status)).toEqual(['unsubscribed']);
  });

  it('records a donation on the configured fundraising page', async () => {
    const receivedAt = DateTime.fromISO('2026-02-03T04:05:06Z', { zone: 'utc' });
    const [outcome] = await connector.create('DONATION', [
      {
        amount: { amount: '30.00', currency: 'EUR' },
        receivedAt,
        donorRef: ids[0] ?? null,
        designations: [
          { name: 'Campaign', amount: { amount: '20.00', currency: 'EUR' } },
          { name: 'General', amount: { amount: '10', currency: 'EUR' } },
        ],
        recurring: true,
      },
    ]);
    expect(outcome).toMatchObject({ ok: true, status: 'CREATED' });
    const stored = [...sim.store.donations.values()].at(-1);
    expect(stored).toMatchObject({ amount: '30.00', currency: 'eur', pageId, personId: ids[0], created_date: '2026-02-03T04:05:06Z', recurrence: { recurring: true } });
    expect(outcome?.ok && outcome.record?.data.designations[1]).toEqual({ name: 'General', amount: { amount: '10.00', currency: 'EUR' } });
  });

  it('reports donation writes unsupported without a fundraising page, and refuses designations that do not add up', async () => {
    const pageless = new ActionNetworkConnector(configFor({ fundraisingPage: null }));
    const donation = { amount: { amount: '30.00', currency: 'USD' }, receivedAt: DateTime.utc(), donorRef: ids[0] ?? null, designations: [], recurring: false };
    const [unsupported] = await pageless.create('DONATION', [donation]);
    await pageless.close();
    expect(pageless.capabilities.DONATION?.create).toBe(false);
    expect(unsupported).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: 'Action Network donation writes need ACTIONNETWORK_FUNDRAISING_PAGE (an API-created fundraising page id), but it is not set' },
    });
    const [mismatch] = await connector.create('DONATION', [{ ...donation, designations: [{ name: 'A', amount: { amount: '5.00', currency: 'USD' } }] }]);
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'Action Network donation designations must add up to the amount 30.00 USD, but got: 5.00' } });
    const [update] = await connector.update('DONATION', [{ remoteId: 'x', patch: { recurring: true } }]);
    expect(update).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});

describe('ActionNetworkConnector rate budget', () => {
  it('keeps 100 loads and an indexer run at once at or under the limit, with no 429 (measured at the simulator)', async () => {
    await start(100, 50);
    connector = new ActionNetworkConnector(configFor({ ratePerSecond: 50 }));
    const loads = ids.map((id) => connector.load('PERSON', [id]));
    const indexed = collect(connector.listChanged('PERSON', null));
    const [records, pages] = await Promise.all([Promise.all(loads), indexed]);
    expect(records.every(([r]) => r !== null)).toBe(true);
    expect(pages.flatMap((p) => p.records)).toHaveLength(100);
    expect(sim.rate.rejected).toBe(0);
    expect(sim.rate.peakPerSecond()).toBeLessThanOrEqual(50);
    expect(sim.rate.accepted.length).toBeGreaterThan(200);
  });

  it('recovers from an injected 429, and every client of the same token waits out its Retry-After', async () => {
    await start(5);
    const second = new ActionNetworkConnector(configFor());
    expect(second.client.budget).toBe(connector.client.budget);
    sim.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: '{"error":"slow down"}' });
    const firstLoad = connector.load('PERSON', [ids[1] ?? '']);
    // Once the 429 has come back, the other connector asks for someone else.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [[first], [other]] = await Promise.all([firstLoad, second.load('PERSON', [ids[3] ?? ''])]);
    await second.close();
    expect(first?.remoteId).toBe(ids[1]);
    expect(other?.remoteId).toBe(ids[3]);
    const [rejected, ...rest] = sim.requests.entries;
    const secondsRequests = rest.filter((r) => r.path.includes(ids[3] ?? ''));
    expect(secondsRequests).toHaveLength(2);
    expect(secondsRequests.every((r) => r.at - (rejected?.at ?? 0) >= 950)).toBe(true);
  });
});
