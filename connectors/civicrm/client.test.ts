// The APIv4 client against the simulator: AuthX headers, the batch form, and errors read from the
// body whether the site sends them with HTTP 200 (WordPress) or with their intended status.
import { afterEach, describe, expect, it } from 'vitest';
import { CiviCrmClient } from './client.js';
import { FAST_RETRY, startCiviCrmTestEnv, type CiviCrmTestEnv } from './civicrm-test-env.js';

let env: CiviCrmTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

describe('CiviCrmClient requests', () => {
  it('sends the AuthX key, the XHR header and no site key when none is configured', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    await env.client.get('Contact', { select: ['id'], limit: 1 });
    const [request] = env.sim.requests.entries;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/civicrm/ajax/api4/Contact/get');
    expect(JSON.parse(request?.query.get('params') ?? '')).toEqual({ select: ['id'], limit: 1 });
    expect(header(request?.headers['x-civi-auth'])).toBe(`Bearer ${env.sim.apiKey}`);
    expect(header(request?.headers['x-requested-with'])).toBe('XMLHttpRequest');
    expect(request?.headers['x-civi-key']).toBeUndefined();
  });

  it('sends X-Civi-Key when a site key is configured, which the guard then requires', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo', siteKey: 'the-site-key' } });
    await expect(env.client.get('Contact', { limit: 1 })).resolves.toHaveLength(1);
    expect(header(env.sim.requests.entries[0]?.headers['x-civi-key'])).toBe('the-site-key');
    const withoutSiteKey = new CiviCrmClient({ ...env.config, siteKey: null });
    await expect(withoutSiteKey.get('Contact', { limit: 1 })).rejects.toMatchObject({
      code: 'UPSTREAM_AUTH',
      upstreamStatus: 401,
      message: 'CIVICRM Contact.get was not authenticated (401): HTTP 401 Login not permitted. Must satisfy guard (site_key, perm).',
    });
    await withoutSiteKey.close();
  });

  it('posts writes form-encoded and runs a batch in one request, failing only the bad call', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const [created] = await env.client.call('Contact', 'create', { values: { first_name: 'Posted' } });
    expect(created?.['id']).toEqual(expect.any(Number));
    env.sim.requests.clear();
    const results = await env.client.batch({
      a: ['Contact', 'get', { select: ['first_name'], where: [['id', '=', created?.['id']]] }],
      b: ['Nope', 'get', {}],
    });
    expect(env.sim.requests.count()).toBe(1);
    expect(env.sim.requests.entries[0]).toMatchObject({ method: 'POST', path: '/civicrm/ajax/api4' });
    expect(results['a']).toEqual({ ok: true, values: [{ id: created?.['id'], first_name: 'Posted' }] });
    expect(results['b']).toMatchObject({ ok: false, error: { code: 'UPSTREAM_REJECTED', upstreamStatus: 500 } });
  });
});

describe('CiviCrmClient retries', () => {
  it('sends a write, or a batch holding one, only once after a 503 or a dropped connection (it may have been applied)', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'none' } });
    const { client, sim } = env;
    sim.faults.inject({ kind: 'status', status: 503 });
    await expect(client.call('Contact', 'create', { values: { first_name: 'Once' } })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
    sim.faults.inject({ kind: 'drop' });
    await expect(client.call('Contact', 'create', { values: { first_name: 'Twice' } })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    sim.faults.inject({ kind: 'status', status: 502 });
    const batch = client.batch({ r: ['Contact', 'get', {}], w: ['Contact', 'create', { values: { first_name: 'Thrice' } }] });
    await expect(batch).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 });
    expect(sim.requests.count()).toBe(3);
    expect(sim.faults.pending).toBe(0);
  });

  it('repeats a read-only batch and a GET after a 503 or a dropped connection', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const { client, sim } = env;
    sim.faults.inject({ kind: 'status', status: 503 });
    const results = await client.batch({ a: ['Contact', 'get', { select: ['id'], limit: 1 }], b: ['Email', 'get', { select: ['id'], limit: 1 }] });
    expect(results['a']).toMatchObject({ ok: true, values: [{ id: expect.any(Number) }] });
    sim.faults.inject({ kind: 'drop' });
    await expect(client.get('Contact', { select: ['id'], limit: 1 })).resolves.toHaveLength(1);
    expect(sim.requests.count()).toBe(4);
  });
});

describe.each([true, false])('CiviCrmClient errors (errorsAsHttp200: %s)', (errorsAsHttp200) => {
  it('reads an API error from the body, with the message and code, and does not retry it', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo', errorsAsHttp200 } });
    const failure = env.client.get('Contact', { where: [['no_such_field', '=', 1]] });
    await expect(failure).rejects.toMatchObject({
      code: 'UPSTREAM_REJECTED',
      system: 'CIVICRM',
      retryable: false,
      upstreamStatus: 500,
      upstreamCode: '0',
      message: "CIVICRM Contact.get was rejected (500): Invalid field 'no_such_field'",
    });
    expect(env.sim.requests.count()).toBe(1);
  });

  it('reads a write error from the body', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'none', errorsAsHttp200 } });
    await expect(env.client.call('Contribution', 'create', { values: { contact_id: 1, total_amount: 5 } })).rejects.toMatchObject({
      code: 'UPSTREAM_REJECTED',
      message: expect.stringContaining('Mandatory values missing from Api4 Contribution::create'),
    });
  });

  it('treats a permission error (403 in the body) as UPSTREAM_AUTH', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo', errorsAsHttp200 } });
    const masked = { error_code: '1', error_message: 'Sorry an error occurred and your request was not completed. (Error ID: TExP-COCN-q5Cr)', status: 403 };
    env.sim.faults.inject({ kind: 'status', status: errorsAsHttp200 ? 200 : 403, body: JSON.stringify(masked), headers: { 'content-type': 'application/json' } });
    await expect(env.client.get('Contact', {})).rejects.toMatchObject({ code: 'UPSTREAM_AUTH', upstreamStatus: 403, upstreamCode: '1' });
  });

  it('treats the CSRF gate (400 only in error_code) as a rejection', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo', errorsAsHttp200 } });
    const alert = { error_code: 400, error_message: 'SECURITY ALERT: Ajax requests can only be issued by javascript clients, eg. CRM.api4().' };
    env.sim.faults.inject({ kind: 'status', status: errorsAsHttp200 ? 200 : 400, body: JSON.stringify(alert) });
    await expect(env.client.get('Contact', {})).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamStatus: 400 });
  });
});

describe('CiviCrmClient failures outside the API', () => {
  it('maps a wrong key to UPSTREAM_AUTH without echoing the key', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const client = new CiviCrmClient({ ...env.config, apiKey: 'wrong-secret' });
    const error = await client.get('Contact', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamStatus: 401, message: 'CIVICRM Contact.get was not authenticated (401): HTTP 401 Invalid credential' });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
    await client.close();
  });

  it('maps an HTML error page (PHP fatal) to UPSTREAM_UNAVAILABLE', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    env.sim.faults.inject({ kind: 'status', status: 500, body: '<html><body>There has been a critical error on this website.</body></html>', times: 3 });
    await expect(env.client.get('Contact', {})).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 });
    await expect(env.client.call('Contact', 'create', { values: {} })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('says to check CIVICRM_URL when the endpoint is not there', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const client = new CiviCrmClient({ ...env.config, url: `${env.sim.siteUrl}/wp-json/civicrm/v3/rest` }, { retry: FAST_RETRY });
    await expect(client.get('Contact', {})).rejects.toMatchObject({
      code: 'UPSTREAM_REJECTED',
      message: 'CIVICRM Contact.get found no APIv4 endpoint (404); check CIVICRM_URL',
    });
    await client.close();
  });
});
