// Fidelity of the simulator to the documented Action Network behaviour, spoken to with plain fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBulkPeople } from './bulk-seed.js';
import { startActionNetworkSimulator, type ActionNetworkSimulator } from './server.js';

let sim: ActionNetworkSimulator;
let ids: string[];
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2026-03-01T12:00:00Z');
  sim = await startActionNetworkSimulator({ rateLimit: 1000, now: () => clock, seed: (store) => (ids = seedBulkPeople(store, 30, { donationEvery: 10 })) });
});

afterEach(() => sim.close());

async function call(method: string, path: string, body?: unknown, token = sim.apiToken): Promise<{ status: number; json: any; headers: Headers; text: string }> {
  const res = await fetch(path.startsWith('http') ? path : `${sim.url}${path}`, {
    method,
    headers: { 'OSDI-API-Token': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers, text };
}

describe('Action Network simulator collections', () => {
  it('pages people without totals, offers next on the last full page, and drops it on the empty page', async () => {
    const first = await call('GET', '/people?per_page=100');
    expect(first.json.per_page).toBe(25);
    expect(first.json).not.toHaveProperty('total_pages');
    expect(first.json).not.toHaveProperty('total_records');
    expect(first.json._embedded['osdi:people']).toHaveLength(25);
    const second = await call('GET', first.json._links.next.href);
    expect(second.json._embedded['osdi:people']).toHaveLength(5);
    expect(second.json._links.next.href).toBe(`${sim.url}/people?per_page=100&page=3`);
    const third = await call('GET', second.json._links.next.href);
    expect(third.json._embedded['osdi:people']).toEqual([]);
    expect(third.json._links.next).toBeUndefined();
  });

  it('gives other collections totals and a next only before their last page', async () => {
    const tags = await call('GET', '/tags');
    expect(tags.json).toMatchObject({ total_pages: 1, total_records: 5, page: 1 });
    expect(tags.json._links.next).toBeUndefined();
  });

  it('writes absolute self links from its own base and action_network identifiers', async () => {
    const person = await call('GET', `/people/${ids[0]}`);
    expect(person.json.identifiers).toEqual([`action_network:${ids[0]}`]);
    expect(person.json._links.self.href).toBe(`${sim.url}/people/${ids[0]}`);
    expect(person.headers.get('content-type')).toContain('application/hal+json');
  });

  it('filters people with OData on modified_date and email_address', async () => {
    const recent = await call('GET', `/people?filter=${encodeURIComponent("modified_date gt '2025-01-01T00:25:00Z'")}`);
    expect(recent.json._embedded['osdi:people']).toHaveLength(4);
    const byEmail = await call('GET', `/people?filter=${encodeURIComponent("email_address eq 'ANA.OKAFOR.0@example.org'")}`);
    expect(byEmail.json._embedded['osdi:people'].map((p: any) => p.identifiers[0])).toEqual([`action_network:${ids[0]}`]);
    const bad = await call('GET', `/people?filter=${encodeURIComponent('modified_date gt 2025')}`);
    expect(bad.status).toBe(400);
  });
});

describe('Action Network simulator errors and limits', () => {
  it('answers a bad token with 401 and the real error body', async () => {
    const res = await call('GET', '/people', undefined, 'wrong');
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'API Key invalid or not present' });
  });

  it('answers an unknown id with 404 and Action Network’s wording', async () => {
    const res = await call('GET', '/people/00000000-0000-4000-8000-000000000000');
    expect(res).toMatchObject({ status: 404, json: { error: "Couldn't find person with id = 00000000-0000-4000-8000-000000000000" } });
  });

  it('has no DELETE for people', async () => {
    expect((await call('DELETE', `/people/${ids[0]}`)).status).toBe(405);
    expect(sim.store.people.has(ids[0] ?? '')).toBe(true);
  });

  it('enforces 4 requests per second per key by default with 429 and Retry-After', async () => {
    const strict = await startActionNetworkSimulator({ now: () => clock });
    const statuses = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${strict.url}/`, { headers: { 'OSDI-API-Token': strict.apiToken } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.text();
    }
    clock += 1000;
    const after = await fetch(`${strict.url}/`, { headers: { 'OSDI-API-Token': strict.apiToken } });
    await after.text();
    await strict.close();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(retryAfter).toBe('1');
    expect(after.status).toBe(200);
  });

  it('answers a background_processing write at once with an empty body, and applies it', async () => {
    const res = await call('PUT', `/people/${ids[0]}?background_processing=true`, { given_name: 'Queued' });
    expect(res).toMatchObject({ status: 200, text: '' });
    expect(sim.store.people.get(ids[0] ?? '')?.given_name).toBe('Queued');
  });
});

describe('Action Network simulator writes', () => {
  it('signup creates a subscribed person; email subscribed and mobile unsubscribed by default', async () => {
    const res = await call('POST', '/people', { person: { given_name: 'New', email_addresses: [{ address: 'new@example.org' }], phone_numbers: [{ number: '14155559999' }] } });
    expect(res.json.created_date).toBe(res.json.modified_date);
    expect(res.json.email_addresses[0].status).toBe('subscribed');
    expect(res.json.phone_numbers[0].status).toBe('unsubscribed');
  });

  it('signup merges into the person with that email (any case), keeping status unless one is passed', async () => {
    clock += 60_000;
    const email = sim.store.people.get(ids[17] ?? '')?.email_addresses[0]?.address.toUpperCase();
    const res = await call('POST', '/people', { person: { family_name: 'Merged', email_addresses: [{ address: email }] }, add_tags: ['press', 'no-such-tag'] });
    expect(res.json.identifiers).toEqual([`action_network:${ids[17]}`]);
    expect(res.json.created_date).not.toBe(res.json.modified_date);
    // Person 17 was seeded unsubscribed; no status passed, so it stays.
    expect(res.json.email_addresses[0].status).toBe('unsubscribed');
    expect(sim.store.people.size).toBe(30);
    const resubscribed = await call('POST', '/people', { person: { email_addresses: [{ address: email, status: 'subscribed' }] } });
    expect(resubscribed.json.email_addresses[0].status).toBe('subscribed');
    expect([...sim.store.tags.values()].map((t) => t.name)).not.toContain('no-such-tag');
  });

  it('signup matches by phone when the email is new', async () => {
    const phone = sim.store.people.get(ids[2] ?? '')?.phone_numbers[0]?.number;
    const res = await call('POST', '/people', { person: { email_addresses: [{ address: 'fresh@example.org' }], phone_numbers: [{ number: `+${phone}` }] } });
    expect(res.json.identifiers).toEqual([`action_network:${ids[2]}`]);
  });

  it('refuses a signup with neither email nor phone', async () => {
    const res = await call('POST', '/people', { person: { given_name: 'Nobody' } });
    expect(res).toMatchObject({ status: 400, json: { error: 'A person needs an email address or a phone number' } });
  });

  it('PUT merges, ignores nulls, silently drops an email another person holds, and bumps modified_date', async () => {
    clock += 60_000;
    const other = sim.store.people.get(ids[1] ?? '')?.email_addresses[0]?.address;
    const res = await call('PUT', `/people/${ids[0]}`, { given_name: null, family_name: 'Changed', email_addresses: [{ address: other }] });
    expect(res.json.given_name).toBe('Ana');
    expect(res.json.family_name).toBe('Changed');
    expect(res.json.email_addresses[0].address).toBe('ana.okafor.0@example.org');
    expect(res.json.modified_date).toBe('2026-03-01T12:01:00Z');
  });

  it('keeps one tagging per person per tag and deletes taggings', async () => {
    const tag = [...sim.store.tags.values()][0];
    const body = { _links: { 'osdi:person': { href: `${sim.url}/people/${ids[1]}` } } };
    const first = await call('POST', `/tags/${tag?.id}/taggings`, body);
    const again = await call('POST', `/tags/${tag?.id}/taggings`, body);
    expect(again.json.identifiers).toEqual(first.json.identifiers);
    const removed = await call('DELETE', first.json._links.self.href);
    expect(removed.status).toBe(200);
    expect((await call('GET', first.json._links.self.href)).status).toBe(404);
  });

  it('records donations only on a known page, with amount the sum of recipients and lowercase currency', async () => {
    const page = await call('POST', '/fundraising_pages', { title: 'API page', origin_system: 'tests' });
    const pageId = page.json.identifiers[0].slice('action_network:'.length);
    const res = await call('POST', `/fundraising_pages/${pageId}/donations`, {
      recipients: [{ display_name: 'A', amount: '10.00' }, { display_name: 'B', amount: '2.5' }],
      currency: 'USD',
      _links: { 'osdi:person': { href: `${sim.url}/people/${ids[0]}` } },
    });
    expect(res.json).toMatchObject({ amount: '12.50', currency: 'usd', payment: { method: 'Credit Card' } });
    expect((await call('POST', '/fundraising_pages/00000000-0000-4000-8000-000000000000/donations', {})).status).toBe(404);
    expect((await call('DELETE', `/donations/${res.json.identifiers[0].slice(15)}`)).status).toBe(405);
  });
});
