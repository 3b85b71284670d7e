// Fault injection over real HTTP: times, match, latency, status and dropped connections.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { FaultInjector } from './fault-injector.js';
import { sendText } from './http-helpers.js';
import { RequestLog } from './request-log.js';
import { createSimulatorHandler } from './simulator-handler.js';
import { startSimulatorServer, type RunningSimulator } from './simulator-server.js';

let faults: FaultInjector;
let requests: RequestLog;
let server: RunningSimulator;

beforeEach(async () => {
  faults = new FaultInjector();
  requests = new RequestLog();
  server = await startSimulatorServer(
    createSimulatorHandler({ requests, faults, handle: (_req, res) => sendText(res, 200, 'ok') }),
  );
});
afterEach(() => server.close());

async function get(path = '/thing'): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const res = await request(`${server.url}${path}`);
  return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
}

describe('FaultInjector', () => {
  it('answers once with the injected status by default, then lets requests through', async () => {
    faults.inject({ kind: 'status', status: 503, body: 'down', headers: { 'retry-after': '2' } });
    const first = await get();
    expect(first).toMatchObject({ status: 503, text: 'down' });
    expect(first.headers['retry-after']).toBe('2');
    expect((await get()).status).toBe(200);
    expect(faults.pending).toBe(0);
  });

  it('honours times, including Infinity', async () => {
    faults.inject({ kind: 'status', status: 429, times: 2 });
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);
    faults.inject({ kind: 'status', status: 500, times: Infinity });
    for (let i = 0; i < 5; i++) expect((await get()).status).toBe(500);
    faults.clear();
    expect((await get()).status).toBe(200);
  });

  it('applies only to requests that match, without using itself up on others', async () => {
    faults.inject({ kind: 'status', status: 502, match: (r) => r.path === '/only-this' });
    expect((await get('/other')).status).toBe(200);
    expect((await get('/only-this')).status).toBe(502);
    expect((await get('/only-this')).status).toBe(200);
  });

  it('can match on the query string', async () => {
    faults.inject({ kind: 'status', status: 500, match: (r) => r.query.get('page') === '2' });
    expect((await get('/list?page=1')).status).toBe(200);
    expect((await get('/list?page=2')).status).toBe(500);
  });

  it('delays a request by the latency and then handles it normally', async () => {
    faults.inject({ kind: 'latency', ms: 150 });
    const started = Date.now();
    const res = await get();
    expect(res).toMatchObject({ status: 200, text: 'ok' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const quick = Date.now();
    await get();
    expect(Date.now() - quick).toBeLessThan(140);
  });

  it('combines a latency fault with a later status fault', async () => {
    faults.inject({ kind: 'latency', ms: 50 });
    faults.inject({ kind: 'status', status: 504 });
    expect((await get()).status).toBe(504);
  });

  it('drops the connection without answering', async () => {
    faults.inject({ kind: 'drop' });
    await expect(get()).rejects.toMatchObject({ code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    expect((await get()).status).toBe(200);
  });

  it('records requests that a fault answered, so retries can be counted', async () => {
    faults.inject({ kind: 'status', status: 500, times: 2 });
    await get();
    await get();
    await get();
    expect(requests.count()).toBe(3);
  });

  it('rejects nonsense fault definitions with the value received', () => {
    expect(() => faults.inject({ kind: 'status', status: 500, times: 0 })).toThrow(
      'fault times must be a positive integer or Infinity, but got: 0',
    );
    expect(() => faults.inject({ kind: 'status', status: 42 })).toThrow(
      'status fault needs an HTTP status between 100 and 599, but got: 42',
    );
    expect(() => faults.inject({ kind: 'latency', ms: -1 })).toThrow('latency fault needs ms >= 0, but got: -1');
  });
});
