// The query side end to end over HTTP, with in-memory CRMs behind the connector contract.
import { DateTime } from 'luxon';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryConnector } from '../support/memory-connector.js';
import { sampleDonation, sampleOrganization, samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('GraphQL reads', () => {
  const civi = new MemoryConnector({ system: 'CIVICRM' });
  const an = new MemoryConnector({ system: 'ACTION_NETWORK', capabilities: { ORGANIZATION: null } });
  let gw: TestGateway;

  beforeAll(async () => {
    civi.seed('ORGANIZATION', sampleOrganization({ name: 'Analytical Engines' }), { remoteId: 'o1' });
    civi.seed('PERSON', samplePerson({ givenName: 'Ada', familyName: 'Lovelace', organizationRef: 'o1' }), {
      remoteId: 'p1',
      modifiedAt: at('2026-02-01T00:00:00Z'),
    });
    civi.seed('PERSON', samplePerson({ givenName: 'Charles', familyName: 'Babbage', organizationRef: 'o1', emails: [{ address: 'Charles@Example.org', primary: true, status: 'SUBSCRIBED' }] }), {
      remoteId: 'p2',
      modifiedAt: at('2026-01-01T00:00:00Z'),
    });
    for (let i = 0; i < 30; i++) {
      civi.seed('PERSON', samplePerson({ givenName: `Filler${String(i).padStart(2, '0')}`, familyName: 'Zed', emails: [] }), { remoteId: `f${i}` });
    }
    civi.seed('DONATION', sampleDonation({ donorRef: 'p1', receivedAt: at('2026-03-01T10:00:00Z') }), { remoteId: 'd1' });
    civi.seed('DONATION', sampleDonation({ donorRef: 'p1', receivedAt: at('2026-04-01T10:00:00Z'), amount: { amount: '100.00', currency: 'EUR' } }), { remoteId: 'd2' });
    an.seed('PERSON', samplePerson({ givenName: 'Grace', familyName: 'Hopper', emails: [{ address: 'grace@example.org', primary: true, status: 'SUBSCRIBED' }] }), { remoteId: 'uuid-grace' });
    gw = await startTestGateway({ connectors: [civi, an] });
  });
  afterAll(() => gw.close());

  async function personId(email: string): Promise<string> {
    const res = await gw.query(`query($e: String) { people(filter: { email: $e }) { edges { node { id } } } }`, { e: email });
    return res.data!.people.edges[0].node.id;
  }

  it('reads one person with sources, organization and donations', async () => {
    const id = await personId('ada@example.org');
    expect(id).toMatch(/^per_[a-z2-7]{20}$/);
    const res = await gw.query(
      `query($id: ID!) { person(id: $id) { id displayName givenName emails { address primary status } phones { number kind }
         sources { system remoteId modifiedAt } organization { name people { totalCount } }
         donations { totalCount edges { node { amount { amount currency } receivedAt donor { displayName } } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const person = res.data!.person;
    expect(person.displayName).toBe('Ada Lovelace');
    expect(person.sources).toEqual([{ system: 'CIVICRM', remoteId: 'p1', modifiedAt: '2026-02-01T00:00:00.000Z' }]);
    expect(person.organization).toEqual({ name: 'Analytical Engines', people: { totalCount: 2 } });
    expect(person.donations.totalCount).toBe(2);
    // newest first
    expect(person.donations.edges.map((e: any) => e.node.receivedAt)).toEqual(['2026-04-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
    expect(person.donations.edges[0].node.donor.displayName).toBe('Ada Lovelace');
  });

  it('answers node(id) for every entity kind', async () => {
    const id = await personId('grace@example.org');
    const res = await gw.query(`query($id: ID!) { node(id: $id) { __typename id ... on Person { familyName } } }`, { id });
    expect(res.data!.node).toEqual({ __typename: 'Person', id, familyName: 'Hopper' });
  });

  it('returns null without an error for an unknown id, and for an id of another entity', async () => {
    const orgs = await gw.query(`{ organizations { edges { node { id } } } }`);
    const orgId = orgs.data!.organizations.edges[0].node.id;
    const res = await gw.query(`query($a: ID!, $b: ID!) { a: person(id: $a) { id } b: person(id: $b) { id } }`, {
      a: 'per_aaaaaaaaaaaaaaaaaaaa',
      b: orgId,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('rejects a malformed id with BAD_USER_INPUT naming the argument', async () => {
    const res = await gw.query(`{ person(id: "42") { id } }`);
    expect(res.data).toEqual({ person: null });
    expect(res.errors?.[0]?.message).toBe('Argument "id" must be a gateway id such as "per_…", "org_…" or "don_…", but got: "42"');
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('paginates people with stable opaque cursors and a total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const res: any = await gw.query(
        `query($after: String) { people(first: 10, after: $after) { totalCount edges { cursor node { id displayName } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = res.data.people;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(33);
    expect(new Set(seen).size).toBe(33);
    const bad = await gw.query(`{ people(after: "garbage!") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['argument']).toBe('after');
  });

  it('filters people by email (case-insensitive), name, system and modifiedSince', async () => {
    const names = async (filter: string) =>
      ((await gw.query(`{ people(first: 100, filter: ${filter}) { totalCount edges { node { displayName } } } }`)).data!.people.edges as any[]).map(
        (e) => e.node.displayName,
      );
    expect(await names(`{ email: "charles@EXAMPLE.org" }`)).toEqual(['Charles Babbage']);
    expect(await names(`{ name: "LOVEL" }`)).toEqual(['Ada Lovelace']);
    expect(await names(`{ system: ACTION_NETWORK }`)).toEqual(['Grace Hopper']);
    expect(await names(`{ system: CIVICRM, modifiedSince: "2026-01-15T00:00:00Z", name: "o" }`)).toEqual(['Ada Lovelace']);
  });

  it('lists organizations by name and donations since a date', async () => {
    const res = await gw.query(`{ organizations(name: "engines") { totalCount edges { node { name donations { totalCount } } } }
      donations(since: "2026-03-15T00:00:00Z") { totalCount edges { node { amount { amount } } } } }`);
    expect(res.data!.organizations).toEqual({ totalCount: 1, edges: [{ node: { name: 'Analytical Engines', donations: { totalCount: 2 } } }] });
    expect(res.data!.donations).toEqual({ totalCount: 1, edges: [{ node: { amount: { amount: '100.00' } } }] });
  });

  it("serves an organization's contact points and sources, the fields it shares with a person", async () => {
    const res = await gw.query(`{ organizations(name: "engines") { edges { node { emails { address primary status } phones { number }
      addresses { locality } sources { system remoteId } modifiedAt } } } }`);
    expect(res.errors).toBeUndefined();
    const [organization] = res.data!.organizations.edges.map((e: { node: unknown }) => e.node);
    expect(organization).toMatchObject({
      emails: [{ address: 'info@engines.example.org', primary: true, status: 'UNKNOWN' }],
      phones: [],
      addresses: [],
      sources: [{ system: 'CIVICRM', remoteId: 'o1' }],
    });
    expect(organization.modifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('batches nested loads: one upstream call per (system, entity) per level', async () => {
    const before = civi.calls.load.length;
    const res = await gw.query(`{ people(first: 50) { edges { node { displayName organization { name } donations { edges { node { amount { amount } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const loads = civi.calls.load.slice(before);
    expect(loads.map((l) => l.entity).sort()).toEqual(['DONATION', 'ORGANIZATION', 'PERSON']);
    expect(loads.find((l) => l.entity === 'PERSON')!.remoteIds).toHaveLength(32);
  });

  it('answers with partial data and an UPSTREAM_UNAVAILABLE error naming the failing CRM', async () => {
    an.injectFault({ operation: 'load', times: Infinity });
    try {
      const res = await gw.query(`{ people(first: 100, filter: { name: "o" }) { edges { node { displayName } } } }`);
      const names = (res.data!.people.edges as any[]).map((e) => e.node.displayName);
      // Grace comes from the record cache; Civi people are read fresh.
      expect(names).toContain('Grace Hopper');
      expect(names).toContain('Ada Lovelace');
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'ACTION_NETWORK' });
      expect(res.errors![0]!.message).toMatch(/^ACTION_NETWORK could not be read: /);
    } finally {
      an.clearFaults();
    }
  });

  it('serves GraphQL over GET (with the CSRF preflight header) as well as POST', async () => {
    const url = `${gw.url}?query=${encodeURIComponent('{ people(first: 1) { totalCount } }')}`;
    const blocked = await request(url);
    expect(blocked.statusCode).toBe(400);
    await blocked.body.text();
    const res = await request(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ data: { people: { totalCount: 33 } } });
  });

  it('refuses a request body over 1 MB with 413 and a GraphQL error body', async () => {
    const res = await request(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ people(first: 1) { totalCount } }`, padding: 'x'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({ errors: [{ message: 'request body over 1000000 bytes', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('reports health and readiness', async () => {
    const base = gw.url.replace(/\/graphql$/, '');
    const health = await request(`${base}/healthz`);
    expect(await health.body.json()).toEqual({ status: 'ok' });
    const ready = await request(`${base}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(await ready.body.json()).toEqual({
      ready: true,
      store: { ok: true },
      connectors: [
        { system: 'CIVICRM', reachable: true, indexed: true },
        { system: 'ACTION_NETWORK', reachable: true, indexed: true },
      ],
    });
  });
});
