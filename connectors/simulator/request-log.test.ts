// The request log over real HTTP: what is recorded, counting with predicates, clearing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { FaultInjector } from './fault-injector.js';
import { sendJson } from './http-helpers.js';
import { RequestLog } from './request-log.js';
import { createSimulatorHandler } from './simulator-handler.js';
import { startSimulatorServer, type RunningSimulator } from './simulator-server.js';

let requests: RequestLog;
let server: RunningSimulator;

beforeEach(async () => {
  requests = new RequestLog({ now: () => 1_700_000_000_000 });
  server = await startSimulatorServer(
    createSimulatorHandler({
      requests,
      faults: new FaultInjector(),
      handle: (req, res) => sendJson(res, 200, { echo: req.body }),
      maxBodyBytes: 64,
    }),
  );
});
afterEach(() => server.close());

describe('RequestLog', () => {
  it('records method, path, query, body and time of every request', async () => {
    await (await request(`${server.url}/a/b?x=1&x=2&y=z`)).body.text();
    await (await request(`${server.url}/c`, { method: 'POST', body: 'k=v' })).body.text();
    const [first, second] = requests.entries;
    expect(first).toMatchObject({ method: 'GET', path: '/a/b', body: '', at: 1_700_000_000_000 });
    expect(first?.query.getAll('x')).toEqual(['1', '2']);
    expect(first?.query.get('y')).toBe('z');
    expect(second).toMatchObject({ method: 'POST', path: '/c', body: 'k=v' });
  });

  it('counts all requests or those matching a predicate, and clears', async () => {
    for (const path of ['/p', '/p', '/q']) await (await request(`${server.url}${path}`)).body.text();
    expect(requests.count()).toBe(3);
    expect(requests.count((r) => r.path === '/p')).toBe(2);
    requests.clear();
    expect(requests.count()).toBe(0);
    expect(requests.entries).toEqual([]);
  });

  it('hands out snapshots that later requests do not change', async () => {
    const before = requests.entries;
    await (await request(`${server.url}/later`)).body.text();
    expect(before).toHaveLength(0);
    expect(requests.entries).toHaveLength(1);
  });

  it('answers 413 to an oversized body but still records the request', async () => {
    const res = await request(`${server.url}/big`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(res.statusCode).toBe(413);
    await res.body.text();
    expect(requests.count((r) => r.path === '/big')).toBe(1);
  });
});

describe('startSimulatorServer', () => {
  it('binds an ephemeral loopback port and reports it in the url', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('closes even while a keep-alive connection is open, and close is idempotent', async () => {
    await (await request(`${server.url}/keepalive`)).body.text();
    await server.close();
    await server.close();
    await expect(request(`${server.url}/after`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
