// Match candidates over HTTP: pairs the twin matcher held for review are listed, confirmed
// (merged, with a MERGED change in the durable change log) or rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnifiedPerson } from '../../src/model/entities.js';
import { STORE_NAMESPACES } from '../../src/store/keyv-backend.js';
import { MemoryConnector } from '../support/memory-connector.js';
import { samplePerson } from '../support/sample-records.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const home = { lines: ['42 Elm Road'], locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', primary: true };
const person = (fields: Partial<UnifiedPerson>) => samplePerson({ emails: [], phones: [], addresses: [home], birthDate: null, ...fields });
const email = (address: string) => [{ address, primary: true, status: 'SUBSCRIBED' as const }];

const CANDIDATES = `query($after: String) { matchCandidates(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id personIds score reason agreed disagreed createdAt record { system remoteId } people { id displayName sources { system remoteId } } } } } }`;

describe('match candidates over GraphQL', () => {
  const civi = new MemoryConnector({ system: 'CIVICRM' });
  const vtiger = new MemoryConnector({ system: 'VTIGER' });
  let gw: TestGateway;

  beforeAll(async () => {
    // A father and son: one name, one address, two birth dates — held, scored between the thresholds.
    civi.seed('PERSON', person({ givenName: 'John', familyName: 'Smith', birthDate: '1950-03-01' }), { remoteId: 'c1' });
    vtiger.seed('PERSON', person({ givenName: 'John', familyName: 'Smith', birthDate: '1980-07-15' }), { remoteId: '12x1' });
    // One person entered twice in CiviCRM: held, however alike, because both are CiviCRM records.
    civi.seed('PERSON', person({ givenName: 'Ada', familyName: 'Lovelace', emails: email('ada@example.org'), addresses: [] }), { remoteId: 'c2' });
    civi.seed('PERSON', person({ givenName: 'Ada', familyName: 'Lovelace', emails: email('Ada@Example.org'), addresses: [] }), { remoteId: 'c3' });
    gw = await startTestGateway({ connectors: [civi, vtiger] });
  });
  afterAll(() => gw.close());

  it('lists the held pairs best first, page by page, with both people and the reasons', async () => {
    const first = await gw.query(CANDIDATES);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.matchCandidates;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const ada = page1.edges[0].node;
    expect(ada).toMatchObject({ reason: 'SAME_SYSTEM', record: { system: 'CIVICRM', remoteId: 'c3' }, agreed: ['emails', 'familyName', 'givenName'], disagreed: [] });
    expect(ada.id).toMatch(/^mc_[0-9a-f]{20}$/);
    expect(ada.people.map((p: any) => p.sources)).toEqual([[{ system: 'CIVICRM', remoteId: 'c2' }], [{ system: 'CIVICRM', remoteId: 'c3' }]]);
    expect(ada.people.map((p: any) => p.id)).toEqual(ada.personIds);

    const second = await gw.query(CANDIDATES, { after: page1.pageInfo.endCursor });
    const page2 = second.data!.matchCandidates;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const smith = page2.edges[0].node;
    expect(smith).toMatchObject({ reason: 'SCORE', record: { system: 'VTIGER', remoteId: '12x1' }, disagreed: ['birthDate'] });
    expect(smith.score).toBeGreaterThanOrEqual(0.5);
    expect(smith.score).toBeLessThan(0.9);
    expect(smith.score).toBeLessThan(ada.score);
  });

  it('linkRecords merges a candidate’s people, the old id resolves to the survivor, and MERGED is logged', async () => {
    const listed = await gw.query(CANDIDATES);
    const ada = listed.data!.matchCandidates.edges[0].node;
    const [known, newer] = ada.personIds;
    const res = await gw.query(`mutation($c: ID!) { linkRecords(candidateId: $c) { mergedIds person { id sources { remoteId } } } }`, { c: ada.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.linkRecords).toEqual({ mergedIds: [newer], person: { id: known, sources: [{ remoteId: 'c2' }, { remoteId: 'c3' }] } });
    const old = await gw.query(`query($id: ID!) { node(id: $id) { id } }`, { id: newer });
    expect(old.data!.node).toEqual({ id: known });

    // The log also holds the indexer's CREATED for each pulled record; one MERGED follows the link.
    const log: { op?: string }[] = [];
    for await (const [, value] of gw.store.entries(STORE_NAMESPACES.changelog)) log.push(value as { op?: string });
    expect(log.filter((change) => change.op === 'MERGED')).toMatchObject([{ entity: 'PERSON', id: known, op: 'MERGED', origin: null, mergedIds: [newer] }]);

    const after = await gw.query(CANDIDATES);
    expect(after.data!.matchCandidates.totalCount).toBe(1);
  });

  it('rejectMatchCandidate closes a candidate and keeps both people', async () => {
    const listed = await gw.query(CANDIDATES);
    const smith = listed.data!.matchCandidates.edges[0].node;
    const res = await gw.query(`mutation($c: ID!) { rejectMatchCandidate(candidateId: $c) { id reason people { id } } }`, { c: smith.id });
    expect(res.data!.rejectMatchCandidate).toEqual({ id: smith.id, reason: 'SCORE', people: smith.personIds.map((id: string) => ({ id })) });
    expect((await gw.query(CANDIDATES)).data!.matchCandidates.totalCount).toBe(0);
    const people = await gw.query(`{ people(first: 10, filter: { name: "John Smith" }) { totalCount } }`);
    expect(people.data!.people.totalCount).toBe(2);
  });

  it('refuses an unknown candidate id with BAD_USER_INPUT naming the argument', async () => {
    const res = await gw.query(`mutation { linkRecords(candidateId: "mc_00000000000000000000") { mergedIds } }`);
    expect(res.errors).toMatchObject([
      { message: 'Argument "candidateId" must be the id of an open match candidate ("mc_…"), but got: "mc_00000000000000000000"', extensions: { code: 'BAD_USER_INPUT', argument: 'candidateId' } },
    ]);
  });
});
