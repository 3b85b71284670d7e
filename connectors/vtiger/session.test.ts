// One login shared by every caller, renewed once when Vtiger says the session is gone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isGatewayError } from '../../src/errors/gateway-error.js';
import type { VtigerClient } from './client.js';
import { loginSchema } from './raw.js';
import { seedContacts } from './simulator/bulk-seed.js';
import { startVtigerSimulator, type VtigerSimulator, type VtigerSimulatorOptions } from './simulator/server.js';
import { simulatorClient } from './test-setup.js';

let sim: VtigerSimulator | undefined;
let client: VtigerClient | undefined;
afterEach(async () => {
  await client?.close();
  await sim?.close();
  [client, sim] = [undefined, undefined];
});

/** Starts a simulator and a client for it; both are closed after the test. */
async function setup(options: VtigerSimulatorOptions = {}, accessKey?: string): Promise<{ sim: VtigerSimulator; client: VtigerClient }> {
  sim = await startVtigerSimulator(options);
  client = simulatorClient(sim, accessKey);
  return { sim, client };
}

describe('VtigerSession', () => {
  it('logs in once for a concurrent burst of calls', async () => {
    const { sim, client } = await setup({ seed: (store) => seedContacts(store, 5) });
    const answers = await Promise.all(Array.from({ length: 25 }, () => client.query('SELECT * FROM Contacts ORDER BY id;')));
    expect(answers.every((rows) => rows.length === 5)).toBe(true);
    expect([client.logins, sim.auth.logins, sim.count('getchallenge'), sim.count('login')]).toEqual([1, 1, 1, 1]);
  });

  it('recovers a session that expired mid-run with exactly one new login shared by concurrent callers', async () => {
    let now = Date.UTC(2026, 2, 1);
    const { sim, client } = await setup({ now: () => now, timings: { sessionIdleMs: 1_000 }, seed: (store) => seedContacts(store, 3) });
    expect(await client.query('SELECT * FROM Contacts;')).toHaveLength(3);
    now += 1_001;
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.query('SELECT * FROM Contacts;')));
    expect(answers.map((rows) => rows.length)).toEqual(Array(8).fill(3));
    expect([client.logins, sim.auth.logins]).toEqual([2, 2]);
  });

  it('repeats a write refused for an expired session once, creating one record', async () => {
    const { sim, client } = await setup();
    const owner = await client.userId();
    sim.auth.expireAllSessions();
    const created = await client.create('Contacts', { lastname: 'Once', assigned_user_id: owner });
    expect(created.fields['lastname']).toBe('Once');
    expect(sim.store.live(sim.store.resolve(created.fields['id']).module)).toHaveLength(1);
    expect(client.logins).toBe(2);
  });

  it('sends md5(token + key), never the key, and reports a wrong key as UPSTREAM_AUTH without it', async () => {
    const { sim, client } = await setup({}, 'wrongKey-secret');
    const error = await client.listTypes().catch((err: unknown) => err);
    expect(isGatewayError(error) && [error.code, error.upstreamCode, error.message]).toEqual([
      'UPSTREAM_AUTH',
      'INVALID_USER_CREDENTIALS',
      'VTIGER login failed: Invalid username or password (INVALID_USER_CREDENTIALS)',
    ]);
    const login = sim.requests.entries.find((r) => r.body.includes('operation=login'));
    expect(new URLSearchParams(login?.body).get('accessKey')).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.requests.entries.some((r) => r.body.includes('wrongKey') || r.query.toString().includes('wrongKey'))).toBe(false);
  });

  it('does not keep a failed login: the next call tries again', async () => {
    const { sim, client } = await setup();
    // Twice: a refused login is tried once more with a fresh challenge (another client may have replaced the token).
    sim.faults.inject({ kind: 'status', status: 200, body: '{"success":false,"error":{"message":"x","code":"INVALID_AUTH_TOKEN"}}', match: (r) => r.body.includes('operation=login'), times: 2 });
    await expect(client.listTypes()).rejects.toMatchObject({ code: 'UPSTREAM_AUTH' });
    expect((await client.listTypes()).types).toContain('Contacts');
  });

  it('challenges again once when another client of the same user replaced the token before its login', async () => {
    const { sim, client } = await setup({ seed: (store) => seedContacts(store, 2) });
    const other = simulatorClient(sim);
    // Holds this client's login at the server while the other client challenges (replacing the token) and logs in.
    sim.faults.inject({ kind: 'latency', ms: 300, match: (r) => r.body.includes('operation=login') });
    const rows = client.query('SELECT * FROM Contacts;');
    await vi.waitFor(() => expect(sim?.count('login')).toBe(1));
    await other.listTypes();
    await other.close();
    expect(await rows).toHaveLength(2);
    expect([sim.count('getchallenge'), sim.count('login'), sim.auth.logins, client.logins]).toEqual([3, 3, 2, 1]);
  });

  it("reads the session from `sessionName`, or from `sessionId` as some published docs call it", () => {
    expect(loginSchema.parse({ sessionName: 'abc', userId: '19x1' })).toEqual({ sessionName: 'abc', userId: '19x1' });
    expect(loginSchema.parse({ sessionId: 'def', userId: '19x1' })).toEqual({ sessionName: 'def', userId: '19x1' });
    expect(loginSchema.safeParse({ userId: '19x1' }).success).toBe(false);
  });
});
