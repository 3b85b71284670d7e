// Twin matching end to end: the demo's three simulators (the same people in CiviCRM, Action
// Network and Vtiger, with differently cased emails, formatted phones and name variations) seen
// as one graph, and the identity mutations over HTTP.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startFromEnv, type RunningGateway } from '../../src/startup.js';

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.body.json();
}

const PERSON = `id displayName givenName emails { address } sources { system remoteId }`;

describe('twin matching over the three demo simulators', () => {
  let running: RunningGateway;
  let url: string;

  async function byEmail(email: string): Promise<any[]> {
    const res = await gql(url, `query($e: String) { people(first: 10, filter: { email: $e }) { totalCount edges { node { ${PERSON} } } } }`, { e: email });
    expect(res.errors).toBeUndefined();
    return res.data.people.edges.map((e: any) => e.node);
  }

  beforeAll(async () => {
    // Pulls only: what the matcher linked, before the sync creates the missing twins.
    running = await startFromEnv({ PORT: '0', STORE_URL: 'memory://', SYNC_INTERVAL_MS: '0', SYNC_PERSON_FLOWS: 'none', SYNC_ORGANIZATION_FLOWS: 'none', SYNC_DONATION_FLOWS: 'none' }, { logger: createLogger('silent') });
    url = running.gateway.url;
    await running.gateway.indexer.whenReady();
  });
  afterAll(() => running.close());

  it('shows the people the CRMs share once, with a source in each', async () => {
    expect([...running.demo.keys()].sort()).toEqual(['ACTION_NETWORK', 'CIVICRM', 'VTIGER']);
    const res = await gql(url, `{ people(first: 100) { totalCount edges { node { displayName sources { system } } } } }`);
    expect(res.errors).toBeUndefined();
    const people = res.data.people.edges.map((e: any) => e.node);
    const systemsOf = (name: string) => people.filter((p: any) => p.displayName === name).map((p: any) => p.sources.map((s: any) => s.system).sort());
    // Emails differently cased in each CRM.
    expect(systemsOf('Alice Anderson')).toEqual([['ACTION_NETWORK', 'CIVICRM', 'VTIGER']]);
    expect(systemsOf('Carla Clark')).toEqual([['ACTION_NETWORK', 'CIVICRM', 'VTIGER']]);
    // Accents dropped in Action Network; formatted phones in Vtiger.
    expect(systemsOf('Zoë Ångström')).toEqual([['ACTION_NETWORK', 'CIVICRM', 'VTIGER']]);
    expect(systemsOf('Sophia Nguyen')).toEqual([['ACTION_NETWORK', 'CIVICRM', 'VTIGER']]);
    // No email at all: matched by phone (CiviCRM "(617) 555-0155", Action Network digits).
    expect(systemsOf('Oliver Smith')).toEqual([['ACTION_NETWORK', 'CIVICRM']]);
    // "Jim" in Vtiger.
    expect(systemsOf('James Wilson')).toEqual([['CIVICRM', 'VTIGER']]);
    const counts = people.map((p: any) => p.sources.length);
    expect(counts.filter((n: number) => n === 3).length).toBeGreaterThanOrEqual(15);
    // 39 CiviCRM people (one is in the trash), 8 only in Action Network, 6 only in Vtiger.
    expect(res.data.people.totalCount).toBe(53);
  });

  it('links name variations: Bob, Robert and Bobby Baker are one person', async () => {
    const [bob, ...others] = await byEmail('bob.baker@example.org');
    expect(others).toEqual([]);
    expect(bob.sources.map((s: any) => s.system).sort()).toEqual(['ACTION_NETWORK', 'CIVICRM', 'VTIGER']);
  });

  it('finds a shared person once by email, whatever its case, and once per system filter', async () => {
    const [alice] = await byEmail('ALICE.ANDERSON@example.ORG');
    expect(alice.sources).toHaveLength(3);
    for (const system of ['CIVICRM', 'ACTION_NETWORK', 'VTIGER']) {
      const res = await gql(url, `query($s: System) { people(first: 100, filter: { system: $s, name: "Alice" }) { totalCount edges { node { id } } } }`, { s: system });
      expect(res.data.people.edges.map((e: any) => e.node.id)).toEqual([alice.id]);
    }
  });

  it('merges the CRMs’ organizations by name', async () => {
    const res = await gql(url, `{ organizations(first: 20) { totalCount edges { node { name sources { system } } } } }`);
    expect(res.data.organizations.totalCount).toBe(8);
    for (const { node } of res.data.organizations.edges) expect(node.sources.map((s: any) => s.system).sort()).toEqual(['CIVICRM', 'VTIGER']);
  });

  it('merges two people by hand, keeps the old id resolving, then splits a record off again', async () => {
    const [emma] = await byEmail('emma.johnson@example.org');
    const [ava] = await byEmail('ava.davis@example.com');
    const merged = await gql(url, `mutation($ids: [ID!]!) { mergePeople(ids: $ids) { mergedIds person { id sources { system remoteId } } } }`, { ids: [emma.id, ava.id] });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergePeople.mergedIds).toEqual([ava.id]);
    expect(merged.data.mergePeople.person.id).toBe(emma.id);
    // Two CiviCRM contacts: a person may merge them, the matcher never would.
    expect(merged.data.mergePeople.person.sources).toEqual([...emma.sources, ...ava.sources]);

    const old = await gql(url, `query($id: ID!) { person(id: $id) { id } node(id: $id) { id ... on Person { displayName } } }`, { id: ava.id });
    expect(old.data).toEqual({ person: { id: emma.id }, node: { id: emma.id, displayName: expect.any(String) } });
    expect(await byEmail('ava.davis@example.com')).toMatchObject([{ id: emma.id }]);

    const split = await gql(url, `mutation($r: String!) { unlinkRecord(system: CIVICRM, remoteId: $r) { id previousId node { id ... on Person { emails { address } } } previous { id } } }`, { r: ava.sources[0].remoteId });
    expect(split.errors).toBeUndefined();
    expect(split.data.unlinkRecord).toMatchObject({ previousId: emma.id, previous: { id: emma.id }, node: { emails: [{ address: 'ava.davis@example.com' }] } });
    expect(split.data.unlinkRecord.id).not.toBe(emma.id);
    expect((await byEmail('ava.davis@example.com'))[0].id).toBe(split.data.unlinkRecord.id);
  });

  it('refuses bad ids with BAD_USER_INPUT naming the argument', async () => {
    const [alice] = await byEmail('alice.anderson@example.org');
    const res = await gql(url, `mutation($ids: [ID!]!) { mergePeople(ids: $ids) { mergedIds } }`, { ids: [alice.id, 'per_aaaaaaaaaaaaaaaaaaaa'] });
    expect(res.errors).toMatchObject([{ message: 'Argument "ids" must name existing people, but ids[1] is unknown: "per_aaaaaaaaaaaaaaaaaaaa"', extensions: { code: 'BAD_USER_INPUT', argument: 'ids' } }]);
    const unlink = await gql(url, `mutation { unlinkRecord(system: VTIGER, remoteId: "12x999999") { id } }`);
    expect(unlink.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', argument: 'remoteId' } }]);
  });
});
