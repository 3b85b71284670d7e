// The SocialSignIn custom-CRM endpoints end to end: the real gateway over in-memory CRMs, signed
// requests over HTTP exactly as the inbox sends them.
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredConnector } from '../../connectors/registered-connector.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { socialSignInRoutes } from '../../src/integrations/socialsignin/social-sign-in-routes.js';
import { startFromEnv } from '../../src/startup.js';
import { openStore } from '../../src/store/open-store.js';
import { MemoryConnector } from '../support/memory-connector.js';
import { sampleDonation, sampleOrganization, samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const SECRET = 'changeme!';
const NOW = Date.parse('2026-05-01T12:00:00Z');
const SEARCH = '/integrations/socialsignin/search';
const IFRAME = '/integrations/socialsignin/iframe';
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The query string as PHP's http_build_query writes it (spaces as "+"), signed, sig last. */
function signedQuery(params: Record<string, string>, secret = SECRET): string {
  const text = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`)
    .join('&');
  return `${text}&sig=${createHmac('sha256', secret).update(text).digest('hex')}`;
}

async function get(base: string, pathAndQuery: string, method: 'GET' | 'POST' = 'GET') {
  const res = await request(`${base}${pathAndQuery}`, { method });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

describe('SocialSignIn endpoints', () => {
  const civi = new MemoryConnector({ system: 'CIVICRM' });
  const an = new MemoryConnector({ system: 'ACTION_NETWORK', capabilities: { ORGANIZATION: null } });
  const expires = String(NOW / 1000 + 300);
  let gw: TestGateway;
  let base: string;
  let adaId: string;

  beforeAll(async () => {
    civi.seed('ORGANIZATION', sampleOrganization({ name: 'Analytical Engines' }), { remoteId: 'o1' });
    civi.seed(
      'PERSON',
      samplePerson({ givenName: 'Ada', familyName: 'Lovelace', organizationRef: 'o1', tags: ['volunteer'], phones: [{ number: '+442071234567', kind: 'MOBILE', primary: true }] }),
      { remoteId: 'c-ada', modifiedAt: at('2026-01-01T00:00:00Z') },
    );
    an.seed(
      'PERSON',
      samplePerson({
        givenName: 'Ada',
        familyName: 'Lovelace',
        emails: [{ address: 'ada.l@example.net', primary: true, status: 'SUBSCRIBED' }],
        phones: [],
        tags: ['volunteer', 'donor'],
      }),
      { remoteId: 'an-ada', modifiedAt: at('2026-02-01T00:00:00Z') },
    );
    civi.seed('PERSON', samplePerson({ givenName: 'Adam', familyName: 'Smith', emails: [{ address: 'adam@example.org', primary: true, status: 'SUBSCRIBED' }], phones: [] }), { remoteId: 'c-adam' });
    civi.seed('PERSON', samplePerson({ givenName: '<script>alert(1)</script>', familyName: 'Mallory', emails: [], phones: [] }), { remoteId: 'c-evil' });
    for (let i = 0; i < 25; i++) {
      civi.seed('PERSON', samplePerson({ givenName: `Filler${String(i).padStart(2, '0')}`, familyName: 'Zed', emails: [], phones: [] }), { remoteId: `f${i}` });
    }
    civi.seed('DONATION', sampleDonation({ donorRef: 'c-ada', receivedAt: at('2025-06-01T10:00:00Z'), amount: { amount: '25.00', currency: 'EUR' } }), { remoteId: 'd1' });
    civi.seed('DONATION', sampleDonation({ donorRef: 'c-ada', receivedAt: at('2026-03-01T10:00:00Z'), amount: { amount: '100.00', currency: 'EUR' } }), { remoteId: 'd2' });
    civi.seed('DONATION', sampleDonation({ donorRef: 'c-ada', receivedAt: at('2026-04-01T10:00:00Z'), amount: { amount: '0.50', currency: 'EUR' } }), { remoteId: 'd3' });
    an.seed('DONATION', sampleDonation({ donorRef: 'an-ada', receivedAt: at('2026-04-02T10:00:00Z'), amount: { amount: '10.00', currency: 'USD' } }), { remoteId: 'an-d1' });

    // The two Ada records are one person (as a twin matcher would decide).
    const store = await openStore('memory://');
    adaId = await store.identity.linkNew('PERSON', 'CIVICRM', 'c-ada');
    await store.identity.link(adaId, 'ACTION_NETWORK', 'an-ada');
    gw = await startTestGateway({
      connectors: [civi, an],
      store,
      routes: (services) => socialSignInRoutes({ secret: SECRET, clockSkewSeconds: 30 }, services, () => NOW),
    });
    base = new URL(gw.url).origin;
  });
  afterAll(() => gw.close());

  async function search(q: string) {
    const res = await get(base, `${SEARCH}?${signedQuery({ q, expires })}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return (JSON.parse(res.body) as { results: { id: string; name: string }[] }).results;
  }

  describe('search', () => {
    it('answers a correctly signed request with unified person ids and names', async () => {
      expect(await search('ada lovelace')).toEqual([{ id: adaId, name: 'Ada Lovelace' }]);
      // The example shape: q first, expires second, sig appended.
      expect(signedQuery({ q: 'red', expires: '1500472622' })).toBe(
        'q=red&expires=1500472622&sig=7c9a0a55dc2d1542ec736b8021f048da114fcba11ca1fb0219c122dfd789e48c',
      );
    });

    it('finds people by name fragment, by email and by a differently formatted phone number', async () => {
      expect(await search('ada')).toEqual([
        { id: adaId, name: 'Ada Lovelace' },
        { id: expect.stringMatching(/^per_/), name: 'Adam Smith' },
      ]);
      expect((await search('LOVEL')).map((r) => r.id)).toEqual([adaId]);
      expect((await search('ADA.L@example.net')).map((r) => r.id)).toEqual([adaId]);
      expect((await search('ada@example.org')).map((r) => r.id)).toEqual([adaId]);
      expect((await search('020 7123 4567')).map((r) => r.id)).toEqual([adaId]);
      expect((await search('+44 (0)20 7123-4567')).map((r) => r.id)).toEqual([adaId]);
      expect((await search('0044 20 7123 4567')).map((r) => r.id)).toEqual([adaId]);
      expect(await search('nobody at all')).toEqual([]);
    });

    it('returns at most 20 results', async () => {
      const results = await search('filler');
      expect(results).toHaveLength(20);
      expect(results[0]!.name).toBe('Filler00 Zed');
    });

    it('answers 400 when q is missing from a signed request', async () => {
      const res = await get(base, `${SEARCH}?${signedQuery({ expires })}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'Missing "q" parameter: the name, email or phone number to look for' });
    });
  });

  describe('iframe', () => {
    it('renders a correctly signed request as an HTML card under a no-script CSP', async () => {
      const res = await get(base, `${IFRAME}?${signedQuery({ id: adaId, expires })}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'none'; style-src 'sha256-/);
      const page = res.body;
      expect(page).toContain('<h1>Ada Lovelace</h1>');
      expect(page).toContain('<p class="muted">Analytical Engines</p>');
      expect(page).toContain('ada.l@example.net <span class="muted">(primary)</span>');
      expect(page).toContain('<li>ada@example.org</li>');
      expect(page).toContain('+44 20 7123 4567 <span class="muted">(mobile, primary)</span>');
      expect(page).toContain('<tr><td>2026</td><td>100.50 EUR + 10.00 USD</td><td class="muted">3 gifts</td></tr>');
      expect(page).toContain('<tr><td>2025</td><td>25.00 EUR</td><td class="muted">1 gift</td></tr>');
      expect(page).toContain('<span class="tag">volunteer</span><span class="tag">donor</span>');
      expect(page).toContain('CiviCRM <span class="muted">#</span>c-ada');
      expect(page).toContain('Action Network <span class="muted">#</span>an-ada');
    });

    it('renders a name containing <script> escaped', async () => {
      const [evil] = await search('mallory');
      expect(evil!.name).toBe('<script>alert(1)</script> Mallory');
      const res = await get(base, `${IFRAME}?${signedQuery({ id: evil!.id, expires })}`);
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('<script');
      expect(res.body).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; Mallory</h1>');
    });

    it('answers an unknown id with a friendly 404 page, and a missing id with 400', async () => {
      const unknown = await get(base, `${IFRAME}?${signedQuery({ id: 'per_aaaaaaaaaaaaaaaaaaaa', expires })}`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(unknown.headers['content-security-policy']).toContain("script-src 'none'");
      expect(unknown.body).toContain('<h1>No contact found</h1>');
      const missing = await get(base, `${IFRAME}?${signedQuery({ expires })}`);
      expect(missing.status).toBe(400);
      expect(missing.body).toContain('<h1>No contact selected</h1>');
    });

    it('still renders from the cache, saying so, when a CRM is down', async () => {
      civi.injectFault({ operation: 'load', times: Infinity });
      try {
        const res = await get(base, `${IFRAME}?${signedQuery({ id: adaId, expires })}`);
        expect(res.status).toBe(200);
        expect(res.body).toContain('Could not reach CiviCRM just now; showing the last copy the gateway holds.');
        expect(res.body).toContain('<tr><td>2025</td><td>25.00 EUR</td><td class="muted">1 gift</td></tr>');
      } finally {
        civi.clearFaults();
      }
    });
  });

  describe('signature', () => {
    const refused = async (path: string, query: string, error: string) => {
      const res = await get(base, `${path}?${query}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(res.body)).toEqual({ error });
      expect(res.body).not.toContain(SECRET);
    };

    it('rejects a wrong signature on either route', async () => {
      const wrongKey = signedQuery({ q: 'ada', expires }, 'not-the-secret');
      await refused(SEARCH, wrongKey, 'Signature does not match the query string');
      await refused(IFRAME, signedQuery({ id: adaId, expires }, 'not-the-secret'), 'Signature does not match the query string');
    });

    it('rejects a tampered q', async () => {
      const tampered = signedQuery({ q: 'ada', expires }).replace('q=ada', 'q=adam');
      await refused(SEARCH, tampered, 'Signature does not match the query string');
    });

    it('rejects a missing sig, a missing expires and an expired request', async () => {
      await refused(SEARCH, `q=ada&expires=${expires}`, 'Missing "sig" parameter: sign the query string with the shared secret');
      await refused(SEARCH, signedQuery({ q: 'ada' }), 'Missing "expires" parameter: the unix time (seconds) after which the request is void');
      await refused(SEARCH, signedQuery({ q: 'ada', expires: 'tomorrow' }), '"expires" must be unix seconds, but got: "tomorrow"');
      // 31 s past expiry with a 30 s allowance for clock skew.
      const past = String(NOW / 1000 - 31);
      await refused(IFRAME, signedQuery({ id: adaId, expires: past }), `Request expired at 2026-05-01T11:59:29Z (expires=${past})`);
      const withinSkew = await get(base, `${SEARCH}?${signedQuery({ q: 'ada', expires: String(NOW / 1000 - 30) })}`);
      expect(withinSkew.status).toBe(200);
    });

    it('only answers GET', async () => {
      const res = await get(base, `${SEARCH}?${signedQuery({ q: 'ada', expires })}`, 'POST');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET');
    });
  });
});

describe('SocialSignIn wiring in startFromEnv', () => {
  const BASE_ENV = { PORT: '0', STORE_URL: 'memory://', LOG_LEVEL: 'silent', SYNC_INTERVAL_MS: '0' };

  function registered(connector: MemoryConnector, created: { count: number }): RegisteredConnector {
    return {
      system: connector.system,
      variables: {},
      defaultReadMaxAgeMs: 0,
      configure: () => () => {
        created.count++;
        return connector;
      },
      startDemo: () => Promise.reject(new Error('no demo in this test')),
    };
  }

  it('serves the routes when SOCIALSIGNIN_SECRET is set, and answers 404 when it is not', async () => {
    const civi = new MemoryConnector({ system: 'CIVICRM' });
    civi.seed('PERSON', samplePerson({ givenName: 'Grace', familyName: 'Hopper' }), { remoteId: 'g1' });
    const on = await startFromEnv({ ...BASE_ENV, SOCIALSIGNIN_SECRET: SECRET }, { connectors: [registered(civi, { count: 0 })] });
    try {
      await on.gateway.indexer.whenReady();
      const base = new URL(on.gateway.url).origin;
      const inFiveMinutes = String(Math.floor(Date.now() / 1000) + 300);
      const res = await get(base, `${SEARCH}?${signedQuery({ q: 'grace', expires: inFiveMinutes })}`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ results: [{ id: expect.stringMatching(/^per_/), name: 'Grace Hopper' }] });
    } finally {
      await on.close();
    }

    const off = await startFromEnv(BASE_ENV, { connectors: [registered(new MemoryConnector({ system: 'CIVICRM' }), { count: 0 })] });
    try {
      const base = new URL(off.gateway.url).origin;
      const inFiveMinutes = String(Math.floor(Date.now() / 1000) + 300);
      for (const path of [SEARCH, IFRAME]) {
        const res = await get(base, `${path}?${signedQuery({ q: 'grace', id: 'x', expires: inFiveMinutes })}`);
        expect(res.status).toBe(404);
      }
    } finally {
      await off.close();
    }
  });

  it('stops on a wrong SOCIALSIGNIN_CLOCK_SKEW_SECONDS before starting anything', async () => {
    const created = { count: 0 };
    const start = startFromEnv(
      { ...BASE_ENV, SOCIALSIGNIN_SECRET: SECRET, SOCIALSIGNIN_CLOCK_SKEW_SECONDS: 'half a minute' },
      { connectors: [registered(new MemoryConnector({ system: 'CIVICRM' }), created)] },
    );
    await expect(start).rejects.toThrow(
      new GatewayError('CONFIG', 'SOCIALSIGNIN_CLOCK_SKEW_SECONDS must be a whole number of seconds from 0 up, but got: "half a minute"'),
    );
    expect(created.count).toBe(0);
  });
});
