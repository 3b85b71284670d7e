// Client authentication with GATEWAY_API_KEYS, over HTTP and graphql-ws.
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MemoryConnector } from '../support/memory-connector.js';
import { samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

describe('client API keys', () => {
  const civi = new MemoryConnector({ system: 'CIVICRM' });
  let gw: TestGateway;

  beforeAll(async () => {
    civi.seed('PERSON', samplePerson());
    gw = await startTestGateway({ connectors: [civi], apiKeys: ['key-one', 'key-two'] });
  });
  afterAll(() => gw.close());

  it('answers 401 with a GraphQL error body when the key is missing or wrong', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'key-one' }] as Record<string, string>[]) {
      const res = await gw.query(`{ people { totalCount } }`, {}, headers);
      expect(res.status).toBe(401);
      expect(res.errors).toEqual([
        { message: 'Missing or invalid API key: send "Authorization: Bearer <key>"', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    }
  });

  it('serves requests carrying any configured key', async () => {
    const res = await gw.query(`{ people { totalCount } }`, {}, { authorization: 'Bearer key-two' });
    expect(res).toEqual({ status: 200, data: { people: { totalCount: 1 } } });
  });

  it('leaves /healthz open for orchestrators', async () => {
    const res = await request(gw.url.replace(/graphql$/, 'healthz'));
    expect(res.statusCode).toBe(200);
    await res.body.text();
  });

  function wsRun(authorization: string | undefined, key = 'authorization'): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const client = createClient({
        url: gw.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        connectionParams: authorization ? { [key]: authorization } : {},
        on: { closed: (event) => resolve({ closed: (event as { code: number }).code }) },
      });
      client.subscribe(
        { query: '{ people { totalCount } }' },
        {
          next: (value) => {
            resolve(value);
            void client.dispose();
          },
          error: (err) => (err && typeof err === 'object' && 'code' in err ? resolve({ closed: (err as { code: number }).code }) : reject(err)),
          complete: () => undefined,
        },
      );
    });
  }

  it('closes a websocket with 4403 when connection_init carries no valid key', async () => {
    expect(await wsRun(undefined)).toEqual({ closed: 4403 });
    expect(await wsRun('Bearer wrong')).toEqual({ closed: 4403 });
  });

  it('accepts a websocket whose connection_init carries a valid key', async () => {
    expect(await wsRun('Bearer key-one')).toEqual({ data: { people: { totalCount: 1 } } });
    expect(await wsRun('Bearer key-two', 'Authorization')).toEqual({ data: { people: { totalCount: 1 } } });
  });
});
