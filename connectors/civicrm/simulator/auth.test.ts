// AuthX, the CSRF gate, the GET gate, the error statuses and the non-JSON failures, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi, callBatch } from './simulator-test-client.js';

const SECURITY_ALERT = {
  error_code: 400,
  error_message: 'SECURITY ALERT: Ajax requests can only be issued by javascript clients, eg. CRM.api4().',
};
const MASKED = /^Sorry an error occurred and your request was not completed\. \(Error ID: [A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\)$/;

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator();
});
afterAll(() => sim.close());

describe('credentials', () => {
  it('accepts X-Civi-Auth without X-Requested-With', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], limit: 1 });
    expect(res.json).toMatchObject({ count: 1 });
  });

  it('accepts the _authx form field without X-Requested-With', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], limit: 1 }, { auth: 'param' });
    expect(res.json).toMatchObject({ count: 1 });
  });

  it('accepts Authorization: Bearer, but that flow still needs X-Requested-With', async () => {
    expect((await callApi(sim, 'Contact', 'get', { limit: 1 }, { auth: 'header', xhr: true })).json).toMatchObject({ count: 1 });
    const bare = await callApi(sim, 'Contact', 'get', { limit: 1 }, { auth: 'header' });
    expect(bare.json).toEqual(SECURITY_ALERT);
  });

  it('rejects a wrong key with a real 401 text/plain body, no newline', async () => {
    for (const auth of ['xheader', 'header', 'param'] as const) {
      const res = await callApi(sim, 'Contact', 'get', {}, { auth, key: 'wrongkey', xhr: true });
      expect(res.status).toBe(401);
      expect(res.contentType).toBe('text/plain;charset=UTF-8');
      expect(res.text).toBe('HTTP 401 Invalid credential');
    }
  });

  it('rejects X-Civi-Auth without "Bearer" and Basic credentials', async () => {
    for (const value of [sim.apiKey, 'Basic ZGVtbzpkZW1v']) {
      const res = await callApi(sim, 'Contact', 'get', {}, { auth: 'none', headers: { 'x-civi-auth': value } });
      expect(res.status).toBe(401);
      expect(res.text).toBe('HTTP 401 Invalid credential');
    }
  });

  it('answers no credential and no X-Requested-With with the SECURITY ALERT (HTTP 200, no status key)', async () => {
    const res = await callApi(sim, 'Contact', 'get', {}, { auth: 'none' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(SECURITY_ALERT);
  });
});

describe('anonymous XHR', () => {
  it('gets succeed with no rows', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id', 'row_count'] }, { auth: 'none', xhr: true });
    expect(res.json).toMatchObject({ values: [], count: 0, countFetched: 0, countMatched: 0 });
  });

  it('writes fail with the masked 403 error, error_code "1" as a string', async () => {
    const res = await callApi(sim, 'Contact', 'create', { values: { first_name: 'X' } }, { auth: 'none', xhr: true });
    expect(res.status).toBe(200);
    expect(res.keys).toEqual(['error_code', 'error_message', 'status']);
    expect(res.json).toMatchObject({ error_code: '1', status: 403 });
    expect(res.json?.error_message).toMatch(MASKED);
    const again = await callApi(sim, 'Contact', 'create', { values: { first_name: 'X' } }, { auth: 'none', xhr: true });
    expect(again.json?.error_message).not.toBe(res.json?.error_message);
  });
});

describe('site key guard', () => {
  let guarded: CiviCrmSimulator;
  beforeAll(async () => {
    guarded = await startCiviCrmSimulator({ siteKey: 'site-secret', seed: 'none' });
  });
  afterAll(() => guarded.close());

  it('needs X-Civi-Key (or _authxSiteKey) equal to the site key', async () => {
    const missing = await callApi(guarded, 'Contact', 'get', {});
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('HTTP 401 Login not permitted. Must satisfy guard (site_key, perm).');
    const wrong = await callApi(guarded, 'Contact', 'get', {}, { headers: { 'x-civi-key': 'nope' } });
    expect(wrong.status).toBe(401);
    const right = await callApi(guarded, 'Contact', 'get', {}, { headers: { 'x-civi-key': 'site-secret' } });
    expect(right.json).toMatchObject({ count: 0 });
  });

  it('still reports a wrong API key as an invalid credential first', async () => {
    const res = await callApi(guarded, 'Contact', 'get', {}, { key: 'bad', headers: { 'x-civi-key': 'site-secret' } });
    expect(res.text).toBe('HTTP 401 Invalid credential');
  });
});

describe('GET', () => {
  it('runs read actions', async () => {
    const res = await callApi(sim, 'Contact', 'get', { select: ['id'], where: [['id', '=', 9]] }, { method: 'GET' });
    expect(res.json).toMatchObject({ values: [{ id: 9 }] });
    expect((await callApi(sim, 'Contact', 'getFields', { select: ['name'] }, { method: 'GET' })).json).toMatchObject({ action: 'getFields' });
  });

  it('refuses write actions with the 405 body', async () => {
    const res = await callApi(sim, 'Contact', 'create', { values: { first_name: 'X' } }, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      error_code: 405,
      error_message: 'SECURITY: All requests that modify the database must be http POST, not GET.',
    });
  });
});

describe('errors arrive with HTTP 200 on WordPress', () => {
  it('puts the intended status only in the body', async () => {
    const res = await callApi(sim, 'Nonexistent', 'get', {});
    expect(res.status).toBe(200);
    expect(res.keys).toEqual(['error_code', 'error_message', 'status']);
    expect(res.json).toEqual({
      error_code: 0,
      error_message: 'API (Nonexistent, get) does not exist (or the extension it belongs to is not enabled).',
      status: 500,
    });
    expect((await callApi(sim, 'Contact', 'frobnicate', {})).json).toEqual({
      error_code: 0,
      error_message: 'Api Contact frobnicate version 4 does not exist.',
      status: 500,
    });
  });

  describe('with errorsAsHttp200: false', () => {
    let strict: CiviCrmSimulator;
    beforeAll(async () => {
      strict = await startCiviCrmSimulator({ errorsAsHttp200: false, seed: 'none' });
    });
    afterAll(() => strict.close());

    it('sends the intended status on the status line', async () => {
      expect((await callApi(strict, 'Nonexistent', 'get', {})).status).toBe(500);
      expect((await callApi(strict, 'Contact', 'create', {}, { auth: 'none', xhr: true })).status).toBe(403);
      expect((await callApi(strict, 'Contact', 'get', {}, { auth: 'none' })).status).toBe(400);
      expect((await callApi(strict, 'Contact', 'create', {}, { method: 'GET' })).status).toBe(405);
      expect((await callApi(strict, 'Contact', 'get', {})).status).toBe(200);
    });

    it('makes a batch 200 as soon as one call succeeds', async () => {
      expect((await callBatch(strict, { a: ['Nope', 'get', {}], b: ['Contact', 'get', {}] })).status).toBe(200);
      expect((await callBatch(strict, { a: ['Nope', 'get', {}] })).status).toBe(500);
    });
  });
});

describe('requests PHP cannot decode', () => {
  it('answers bad JSON in params with the WordPress critical-error page (real 500, HTML)', async () => {
    const res = await callApi(sim, 'Contact', 'get', undefined, { rawParams: '{"select": [' });
    expect(res.status).toBe(500);
    expect(res.contentType).toContain('text/html');
    expect(res.text).toContain('There has been a critical error on this website.');
  });

  it('does the same for a string where an array is typed', async () => {
    expect((await callApi(sim, 'Contact', 'get', { where: 'id = 1' })).status).toBe(500);
  });

  it('fails loudly on params the simulator does not implement (join, chain, groupBy, having)', async () => {
    const res = await callApi(sim, 'Contact', 'get', { join: [['Email AS email', 'LEFT', null, ['email.is_primary', '=', 1]]] });
    expect(res.json).toEqual({
      error_code: 0,
      error_message: 'The CiviCRM simulator does not implement the "join" param (real CiviCRM does).',
      status: 500,
    });
    expect((await callApi(sim, 'Contact', 'get', { join: [], limit: 1 })).json).toMatchObject({ countFetched: 1 });
  });

  it('treats missing params as {}', async () => {
    const res = await callApi(sim, 'Contact', 'get');
    expect(res.json).toMatchObject({ count: 47 });
  });

  it('ignores a JSON body, as PHP only parses form bodies into $_POST', async () => {
    const res = await request(`${sim.url}/Contact/get`, {
      method: 'POST',
      headers: { 'x-civi-auth': `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ params: { limit: 1 } }),
    });
    expect(JSON.parse(await res.body.text())).toMatchObject({ count: 47 });
  });
});

describe('URLs', () => {
  it('accepts a trailing slash and the front-controller form', async () => {
    const slash = await request(`${sim.url}/Contact/get/`, {
      method: 'POST',
      headers: { 'x-civi-auth': `Bearer ${sim.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'params=%7B%22limit%22%3A1%7D',
    });
    expect(JSON.parse(await slash.body.text())).toMatchObject({ countFetched: 1 });
    const front = await request(`${sim.siteUrl}/?civiwp=CiviCRM&q=civicrm/ajax/api4/Contact/get`, {
      method: 'POST',
      headers: { 'x-civi-auth': `Bearer ${sim.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'params=%7B%22limit%22%3A1%7D',
    });
    expect(JSON.parse(await front.body.text())).toMatchObject({ countFetched: 1 });
  });

  it('answers other paths with a WordPress 404 page and wp-admin with a login redirect', async () => {
    const missing = await request(`${sim.siteUrl}/wp-json/civicrm/v4/Contact`);
    expect(missing.statusCode).toBe(404);
    await missing.body.text();
    const admin = await request(`${sim.siteUrl}/wp-admin/admin.php?page=CiviCRM&q=civicrm/ajax/api4/Contact/get`, { method: 'POST' });
    expect(admin.statusCode).toBe(302);
    expect(String(admin.headers.location)).toContain('/wp-login.php?redirect_to=');
    await admin.body.text();
  });
});
