// Fault injection and the request log on the CiviCRM simulator: faults run before auth, every request is logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi, callBatch } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.requests.clear();
});

describe('faults', () => {
  it('answers with an injected 503 even without valid credentials, then recovers', async () => {
    sim.faults.inject({ kind: 'status', status: 503, body: 'Service Unavailable', headers: { 'retry-after': '1' } });
    const failed = await callApi(sim, 'Contact', 'get', {}, { key: 'wrong' });
    expect(failed).toMatchObject({ status: 503, text: 'Service Unavailable' });
    expect((await callApi(sim, 'Contact', 'get', { limit: 1 })).status).toBe(200);
  });

  it('can target one entity by path and be used up after `times`', async () => {
    sim.faults.inject({ kind: 'status', status: 429, times: 2, match: (r) => r.path.endsWith('/Email/get') });
    expect((await callApi(sim, 'Contact', 'get', { limit: 1 })).status).toBe(200);
    expect((await callApi(sim, 'Email', 'get', { limit: 1 })).status).toBe(429);
    expect((await callApi(sim, 'Email', 'get', { limit: 1 })).status).toBe(429);
    expect((await callApi(sim, 'Email', 'get', { limit: 1 })).status).toBe(200);
  });

  it('can match on the form body (the params) of a POST', async () => {
    sim.faults.inject({ kind: 'drop', match: (r) => new URLSearchParams(r.body).get('params')?.includes('"offset":100') === true });
    await expect(callApi(sim, 'Contact', 'get', { limit: 100, offset: 100 })).rejects.toMatchObject({ code: expect.any(String) });
    expect((await callApi(sim, 'Contact', 'get', { limit: 100, offset: 0 })).status).toBe(200);
  });

  it('delays with latency and then answers normally', async () => {
    sim.faults.inject({ kind: 'latency', ms: 120 });
    const started = Date.now();
    expect((await callApi(sim, 'Contact', 'get', { limit: 1 })).json).toMatchObject({ countFetched: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('request log', () => {
  it('records every request with its path, so tests can count upstream calls per entity', async () => {
    await callApi(sim, 'Contact', 'get', { limit: 1 });
    await callApi(sim, 'Email', 'get', { limit: 1 }, { method: 'GET' });
    await callApi(sim, 'Email', 'get', { limit: 1 }, { key: 'wrong' });
    await callBatch(sim, { a: ['Phone', 'get', {}] });
    expect(sim.requests.count()).toBe(4);
    expect(sim.requests.count((r) => r.path.endsWith('/Email/get'))).toBe(2);
    const [, viaGet] = sim.requests.entries;
    expect(viaGet?.method).toBe('GET');
    expect(JSON.parse(viaGet?.query.get('params') ?? '{}')).toEqual({ limit: 1 });
    expect(sim.requests.entries[3]?.path).toBe('/civicrm/ajax/api4');
  });
});
