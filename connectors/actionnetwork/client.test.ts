// The client against the simulator over real HTTP: paging, filters, errors, retries.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { ActionNetworkClient } from './client.js';
import { seedBulkPeople } from './simulator/bulk-seed.js';
import { startActionNetworkSimulator, type ActionNetworkSimulator } from './simulator/server.js';

let sim: ActionNetworkSimulator;
let client: ActionNetworkClient;
let ids: string[];

function clientFor(token: string, options: { timeoutMs?: number; retry?: { maxAttempts: number } } = {}): ActionNetworkClient {
  return new ActionNetworkClient({
    baseUrl: sim.url,
    apiToken: token,
    ratePerSecond: 500,
    timeoutMs: options.timeoutMs ?? 5000,
    retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
  });
}

beforeEach(async () => {
  sim = await startActionNetworkSimulator({ rateLimit: 500, seed: (store) => (ids = seedBulkPeople(store, 60)) });
  client = clientFor(sim.apiToken);
});

afterEach(async () => {
  await client.close();
  await sim.close();
});

async function errorOf(promise: Promise<unknown>): Promise<GatewayError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GatewayError);
  return err as GatewayError;
}

describe('ActionNetworkClient paging', () => {
  it('reads past 25 per page by following each absolute next href, and stops at the empty page', async () => {
    const pages = [];
    for await (const page of client.people(null)) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10]);
    const gets = sim.requests.entries.filter((r) => r.method === 'GET');
    // Three pages with people, then the empty fourth page that ends the walk (people keep offering next).
    expect(gets.map((r) => r.query.get('page'))).toEqual([null, '2', '3', '4']);
    expect(pages[0]?.next).toBe(`${sim.url}/people?per_page=25&page=2`);
    expect(pages[2]?.next).toBe(`${sim.url}/people?per_page=25&page=4`);
  });

  it('sends the modified_date filter with the documented quoting and keeps it on every next page', async () => {
    const since = '2025-01-01T00:20:00Z';
    const seen = [];
    for await (const page of client.people(`modified_date gt '${since}'`)) seen.push(...page.items);
    // Person n is modified n minutes after midnight: 21..59 are after 00:20.
    expect(seen).toHaveLength(39);
    const filters = sim.requests.entries.map((r) => r.query.get('filter'));
    expect(new Set(filters)).toEqual(new Set([`modified_date gt '${since}'`]));
  });

  it('stops when a next link points back to the page just read', async () => {
    sim.faults.inject({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/hal+json' },
      body: JSON.stringify({
        _links: { next: { href: `${sim.url}/tags?per_page=25` } },
        _embedded: { 'osdi:tags': [{ identifiers: ['action_network:1efc3644-af25-4253-90b8-a0baf12dbd1e'], name: 'loop' }] },
      }),
      match: (r) => r.path.endsWith('/tags'),
      times: Infinity,
    });
    const tags = await client.tags();
    expect(tags.map((t) => t.name)).toEqual(['loop']);
    expect(sim.requests.count()).toBe(1);
  });
});

describe('ActionNetworkClient and foreign links', () => {
  /** A plain server elsewhere that records every request (and the token, were one sent). */
  async function bystander(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers['osdi-api-token'] ?? ''));
      res.writeHead(200, { 'content-type': 'application/hal+json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/api/v2`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('refuses a next link to another host instead of sending it the token', async () => {
    const other = await bystander();
    sim.faults.inject({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/hal+json' },
      body: JSON.stringify({
        _links: { next: { href: `${other.url}/tags?page=2` } },
        _embedded: { 'osdi:tags': [{ identifiers: ['action_network:1efc3644-af25-4253-90b8-a0baf12dbd1e'], name: 'first' }] },
      }),
      match: (r) => r.path.endsWith('/tags'),
    });
    const err = await errorOf(client.tags());
    await other.close();
    expect(err.code).toBe('UPSTREAM_REJECTED');
    expect(err.message).toBe(`ACTION_NETWORK GET /tags: refusing to follow a link off ${new URL(sim.url).origin}`);
    expect(other.seen).toEqual([]);
  });

  it('starts a walk over at the first page rather than resume at a href of another host or collection (a stale or forged cursor)', async () => {
    const other = await bystander();
    const pages = [];
    for await (const page of client.people(null, `${other.url}/people?per_page=25&page=2`)) pages.push(page);
    for await (const page of client.people(null, `${sim.url}/donations?per_page=25&page=2`)) pages.push(page);
    await other.close();
    expect(other.seen).toEqual([]);
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10, 25, 25, 10]);
    expect(sim.requests.entries.map((r) => `${r.path} ${r.query.get('page')}`)).toEqual(
      [null, '2', '3', '4', null, '2', '3', '4'].map((page) => `/api/v2/people ${page}`),
    );
  });
});

describe('ActionNetworkClient errors', () => {
  it('reports a refused token as UPSTREAM_AUTH with Action Network’s words and without the token', async () => {
    const wrong = clientFor('not-the-token-s3cret');
    const err = await errorOf(wrong.entryPoint());
    await wrong.close();
    expect(err.code).toBe('UPSTREAM_AUTH');
    expect(err.upstreamStatus).toBe(401);
    expect(err.message).toBe('ACTION_NETWORK GET / refused the API token (HTTP 401): API Key invalid or not present');
  });

  it('never quotes the token even when the upstream echoes it', async () => {
    sim.faults.inject({ kind: 'status', status: 401, body: JSON.stringify({ error: `API Key invalid or not present: ${sim.apiToken}` }) });
    const err = await errorOf(client.entryPoint());
    expect(err.message).not.toContain(sim.apiToken);
    expect(err.message).toContain('(hidden)');
  });

  it('answers null for an unknown person', async () => {
    expect(await client.person('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('retries a 429 after its Retry-After and a 503 with backoff, then succeeds', async () => {
    sim.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    sim.faults.inject({ kind: 'status', status: 503 });
    const person = await client.person(ids[0] ?? '');
    expect(person?.given_name).toBe('Ana');
    expect(sim.requests.count()).toBe(3);
  });

  it('gives up with UPSTREAM_UNAVAILABLE when 5xx persists, and RATE_LIMITED when 429 does', async () => {
    sim.faults.inject({ kind: 'status', status: 502, times: Infinity });
    expect((await errorOf(client.person(ids[0] ?? ''))).code).toBe('UPSTREAM_UNAVAILABLE');
    sim.faults.clear();
    sim.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '0' }, times: Infinity });
    expect((await errorOf(client.person(ids[0] ?? ''))).code).toBe('RATE_LIMITED');
  });

  it('does not repeat a signup on a 500 (it may have been applied), only on 429', async () => {
    sim.faults.inject({ kind: 'status', status: 500 });
    const err = await errorOf(client.signup({ email_addresses: [{ address: 'x@example.org' }] }, []));
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(sim.requests.count((r) => r.method === 'POST')).toBe(1);
  });

  it('times out a response that does not come', async () => {
    // undici checks timeouts on a coarse (about one second) tick; one attempt keeps the test short.
    const impatient = clientFor(sim.apiToken, { timeoutMs: 100, retry: { maxAttempts: 1 } });
    sim.faults.inject({ kind: 'latency', ms: 3000 });
    const err = await errorOf(impatient.person(ids[0] ?? ''));
    await impatient.close();
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(err.message).toContain('timed out');
  });

  it('reports a body that is not the documented shape as MAPPING', async () => {
    sim.faults.inject({ kind: 'status', status: 200, body: JSON.stringify({ given_name: 'no identifiers' }) });
    const err = await errorOf(client.person(ids[0] ?? ''));
    expect(err.code).toBe('MAPPING');
    expect(err.message).toBe('ACTION_NETWORK GET /people/{id} answered with a body that is not the documented shape');
  });

  it('reports a dropped connection on a read as UPSTREAM_UNAVAILABLE after retrying', async () => {
    sim.faults.inject({ kind: 'drop', times: Infinity });
    const err = await errorOf(client.person(ids[0] ?? ''));
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(sim.requests.count()).toBe(4);
  });
});
