// The client against the simulator over HTTP: paging at the 100-row cap, batched ids, typed errors.
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { VtigerClient } from './client.js';
import { seedContacts } from './simulator/bulk-seed.js';
import { SIMULATOR_ACCESS_KEY, startVtigerSimulator, type VtigerSimulator, type VtigerSimulatorOptions } from './simulator/server.js';
import { simulatorClient } from './test-setup.js';

let running: { sim: VtigerSimulator; client: VtigerClient } | undefined;
afterEach(async () => {
  await running?.client.close();
  await running?.sim.close();
  running = undefined;
});

async function setup(options: VtigerSimulatorOptions = {}): Promise<{ sim: VtigerSimulator; client: VtigerClient }> {
  const sim = await startVtigerSimulator(options);
  running = { sim, client: simulatorClient(sim) };
  return running;
}

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}

describe('queryPages', () => {
  it.each([
    [99, 1],
    [100, 2],
    [101, 2],
    [250, 3],
  ])('reads all %i rows in %i queries, none skipped or repeated', async (count, queries) => {
    const { sim, client } = await setup({ seed: (store) => seedContacts(store, count) });
    const ids: string[] = [];
    for await (const rows of client.queryPages({ module: 'Contacts', columns: ['lastname'], orderBy: ['id'] })) ids.push(...rows.map((r) => r.fields['id'] ?? ''));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(sim.count('query')).toBe(queries);
  });
});

describe('queryByIds', () => {
  it('loads 250 ids with exactly 3 queries and matches rows by id, not position', async () => {
    const { sim, client } = await setup({ seed: (store) => seedContacts(store, 300) });
    const ids = Array.from({ length: 250 }, (_, i) => `12x${300 - i}`);
    const rows = await client.queryByIds('Contacts', [...ids, '12x9999']);
    expect(sim.count('query')).toBe(3);
    expect(rows.size).toBe(250);
    expect(rows.get('12x70')?.fields['lastname']).toBe('Contact0070');
    expect(rows.has('12x9999')).toBe(false);
  });
});

describe('errors', () => {
  it('reads a missing or deleted id (ACCESS_DENIED on 8.2) as null on retrieve and NOT_FOUND on writes', async () => {
    const { client } = await setup({ seed: (store) => seedContacts(store, 1) });
    expect(await client.retrieve('12x99999')).toBeNull();
    const error = await failure(client.revise('12x99999', { title: 'x' }));
    expect([error.code, error.upstreamCode, error.message]).toEqual(['NOT_FOUND', 'ACCESS_DENIED', 'VTIGER revise 12x99999 failed: Permission to perform the operation is denied (ACCESS_DENIED)']);
    expect((await failure(client.delete('12x99999'))).code).toBe('NOT_FOUND');
  });

  it('turns validation failures into BAD_USER_INPUT carrying Vtiger’s code and message', async () => {
    const { client } = await setup();
    const owner = await client.userId();
    const missing = await failure(client.create('Contacts', { firstname: 'No last name', assigned_user_id: owner }));
    expect([missing.code, missing.upstreamCode, missing.message]).toEqual([
      'BAD_USER_INPUT',
      'MANDATORY_FIELDS_MISSING',
      'VTIGER create Contacts failed: lastname does not have a value (MANDATORY_FIELDS_MISSING)',
    ]);
    await client.create('Accounts', { accountname: 'Acme', assigned_user_id: owner });
    const duplicate = await failure(client.create('Accounts', { accountname: 'Acme', assigned_user_id: owner }));
    expect([duplicate.code, duplicate.upstreamCode]).toEqual(['BAD_USER_INPUT', '0']);
    expect((await failure(client.create('Contacts', { lastname: 'x', account_id: '2', assigned_user_id: owner }))).upstreamCode).toBe('REFERENCE_INVALID');
  });

  it('refuses what the server refuses: access denied and query syntax as UPSTREAM_REJECTED', async () => {
    const { client } = await setup();
    expect(await failure(client.describe('Nope'))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'ACCESS_DENIED' });
    expect(await failure(client.query('SELECT * FROM Contacts'))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'QUERY_SYNTAX_ERROR' });
  });

  it('retries reads after an empty HTTP 500 and reports UPSTREAM_UNAVAILABLE once retries run out', async () => {
    const { sim, client } = await setup({ seed: (store) => seedContacts(store, 2) });
    await client.userId();
    sim.faults.inject({ kind: 'status', status: 500, times: 2, match: (r) => r.query.get('operation') === 'query' });
    expect(await client.query('SELECT * FROM Contacts;')).toHaveLength(2);
    sim.faults.inject({ kind: 'status', status: 500, times: Infinity, match: (r) => r.query.get('operation') === 'query' });
    const error = await failure(client.query('SELECT * FROM Contacts;'));
    expect([error.code, error.upstreamStatus, error.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', 500, true]);
    expect(error.message).toBe('VTIGER query Contacts failed: expected the JSON envelope, but got HTTP 500 with an empty body');
    expect(sim.count('query')).toBe(3 + 4);
  });

  it('gives up on a slow answer after the timeout, precisely, as UPSTREAM_UNAVAILABLE "timed out"', async () => {
    const sim = await startVtigerSimulator();
    const client = new VtigerClient({ siteUrl: sim.url, credentials: { username: 'admin', accessKey: SIMULATOR_ACCESS_KEY }, timeoutMs: 200, retry: { maxAttempts: 1 } });
    running = { sim, client };
    sim.faults.inject({ kind: 'latency', ms: 600 });
    const error = await failure(client.listTypes());
    expect([error.code, error.retryable, error.message]).toEqual(['UPSTREAM_UNAVAILABLE', true, 'VTIGER getchallenge timed out']);
  });

  it('does not repeat a write after an HTTP 500, but does after a 429', async () => {
    const { sim, client } = await setup();
    const owner = await client.userId();
    const isCreate = (r: { body: string }): boolean => r.body.includes('operation=create');
    sim.faults.inject({ kind: 'status', status: 500, match: isCreate });
    expect((await failure(client.create('Contacts', { lastname: 'x', assigned_user_id: owner }))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(sim.count('create')).toBe(1);
    sim.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '0' }, match: isCreate });
    expect((await client.create('Contacts', { lastname: 'y', assigned_user_id: owner })).fields['lastname']).toBe('y');
    expect(sim.count('create')).toBe(3);
  });

  it('reports the HTML page Vtiger sends for an orphan owner as UPSTREAM_REJECTED', async () => {
    const { client } = await setup();
    const error = await failure(client.create('Contacts', { lastname: 'Orphan', assigned_user_id: '19x999' }));
    expect([error.code, error.message]).toEqual([
      'UPSTREAM_REJECTED',
      'VTIGER create Contacts failed: expected the JSON envelope, but got HTTP 200 with a non-JSON body starting "Sorry! Attempt to access restricted file."',
    ]);
  });
});

describe('sync', () => {
  it('follows sync pages and reads the deleted list', async () => {
    const base = Date.UTC(2026, 0, 1);
    const { client, sim } = await setup({ now: () => base + 1_000_000, seed: (store) => seedContacts(store, 150, { at: (i) => base + i * 1000 }) });
    await client.delete('12x3');
    const first = await client.sync('Contacts', 0, 'application');
    expect([first.updated.length, first.more, first.deleted]).toEqual([100, true, []]);
    const second = await client.sync('Contacts', first.lastModifiedTime, 'application');
    expect([second.updated.length, second.more, second.deleted]).toEqual([49, false, ['12x3']]);
    expect(sim.requests.entries.find((r) => r.query.get('operation') === 'sync')?.query.get('modifiedTime')).toBe('1');
  });
});
