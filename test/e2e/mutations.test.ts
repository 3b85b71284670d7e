// Every mutation end to end over HTTP against the three CRM simulators, checking the records as the
// simulators hold them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmSimulators, type CrmSimulators } from '../support/crm-simulators.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const OUTCOMES = 'outcomes { system status remoteId error skippedFields pendingWriteId }';

let sims: CrmSimulators;
let gw: TestGateway;

beforeAll(async () => {
  sims = await startCrmSimulators();
  gw = await startTestGateway({ connectors: sims.connectors(), writes: { defaultPhoneRegion: 'GB' } });
});
afterAll(async () => {
  await gw.close();
  await sims.close();
});

type Outcome = { system: string; status: string; remoteId: string | null; error: string | null; skippedFields: string[]; pendingWriteId: string | null };

function bySystem(outcomes: Outcome[]): Record<string, Outcome> {
  return Object.fromEntries(outcomes.map((o) => [o.system, o]));
}

/** The Vtiger store record behind a "12x34" id. */
function vtigerRecord(remoteId: string) {
  return sims.vtiger.store.byCrmid(Number(remoteId.split('x')[1]));
}

function anTags(personId: string): string[] {
  return [...sims.an.store.taggings.values()].filter((t) => t.personId === personId).map((t) => sims.an.store.tags.get(t.tagId)?.name ?? '').sort();
}

async function mutate(query: string, variables: Record<string, unknown>) {
  const res = await gw.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function createOrganization(name: string): Promise<{ id: string; outcomes: Record<string, Outcome> }> {
  const data = await mutate(`mutation($name: String!) { createOrganization(input: { name: $name, website: "engines.example" }) { organization { id } ${OUTCOMES} } }`, { name });
  return { id: data.createOrganization.organization.id, outcomes: bySystem(data.createOrganization.outcomes) };
}

const CREATE_PERSON = `mutation($input: PersonInput!, $systems: [System!]) {
  createPerson(input: $input, systems: $systems) {
    person { id displayName emails { address primary } phones { number kind } tags organization { name } sources { system remoteId } }
    ${OUTCOMES}
  }
}`;

describe('createOrganization and updateOrganization', () => {
  it('creates the organization in CiviCRM and Vtiger, skips Action Network, and serves it at once', async () => {
    const { id, outcomes } = await createOrganization('Analytical Engines Ltd');
    expect(outcomes['CIVICRM']).toMatchObject({ status: 'CREATED', error: null, skippedFields: [] });
    expect(outcomes['ACTION_NETWORK']).toEqual({ system: 'ACTION_NETWORK', status: 'SKIPPED', remoteId: null, error: 'ACTION_NETWORK does not hold organizations', skippedFields: [], pendingWriteId: null });
    expect(outcomes['VTIGER']).toMatchObject({ status: 'CREATED', remoteId: expect.stringMatching(/^11x\d+$/) });

    expect(sims.civi.db.find('Contact', Number(outcomes['CIVICRM']!.remoteId))).toMatchObject({ contact_type: 'Organization', organization_name: 'Analytical Engines Ltd' });
    expect(vtigerRecord(outcomes['VTIGER']!.remoteId!)?.values).toMatchObject({ accountname: 'Analytical Engines Ltd', website: 'engines.example' });

    const listed = await gw.query(`{ organizations(name: "analytical engines") { totalCount edges { node { id name website sources { system } } } } }`);
    expect(listed.data!.organizations).toEqual({
      totalCount: 1,
      edges: [{ node: { id, name: 'Analytical Engines Ltd', website: 'engines.example', sources: expect.arrayContaining([{ system: 'CIVICRM' }, { system: 'VTIGER' }]) } }],
    });
  });

  it('updates the name and website of every record of the organization', async () => {
    const { id, outcomes: created } = await createOrganization('Difference Engines');
    const data = await mutate(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Difference Engine Co", website: "https://difference.example" }) { organization { name website } ${OUTCOMES} } }`,
      { id },
    );
    const outcomes = bySystem(data.updateOrganization.outcomes);
    expect(data.updateOrganization.organization).toEqual({ name: 'Difference Engine Co', website: 'https://difference.example' });
    expect(outcomes['CIVICRM']).toMatchObject({ status: 'UPDATED', remoteId: created['CIVICRM']!.remoteId });
    expect(outcomes['VTIGER']).toMatchObject({ status: 'UPDATED', remoteId: created['VTIGER']!.remoteId });
    expect(outcomes['ACTION_NETWORK']).toMatchObject({ status: 'SKIPPED', error: 'ACTION_NETWORK does not hold organizations' });
    expect(sims.civi.db.find('Contact', Number(created['CIVICRM']!.remoteId))?.['organization_name']).toBe('Difference Engine Co');
    expect(vtigerRecord(created['VTIGER']!.remoteId!)?.values).toMatchObject({ accountname: 'Difference Engine Co', website: 'https://difference.example' });
  });
});

describe('createPerson, updatePerson and deletePerson', () => {
  let organizationId: string;
  let organizationRecords: Record<string, Outcome>;

  beforeAll(async () => {
    const created = await createOrganization('Babbage & Co');
    organizationId = created.id;
    organizationRecords = created.outcomes;
  });

  it('creates the person in all three CRMs, linking the organization where it has a record, and reports the fields each cannot hold', async () => {
    const data = await mutate(CREATE_PERSON, {
      input: {
        givenName: 'Ada',
        familyName: 'Lovelace',
        emails: [{ address: 'ada@example.org' }],
        phones: [{ number: '020 7123 4567', kind: 'MOBILE' }],
        languages: ['en'],
        birthDate: '1815-12-10',
        tags: ['vip'],
        organizationId,
      },
    });
    const { person } = data.createPerson;
    const outcomes = bySystem(data.createPerson.outcomes);
    expect(outcomes['CIVICRM']).toMatchObject({ status: 'CREATED', skippedFields: ['tags'] });
    expect(outcomes['ACTION_NETWORK']).toMatchObject({ status: 'CREATED', skippedFields: ['birthDate', 'organizationId'] });
    expect(outcomes['VTIGER']).toMatchObject({ status: 'CREATED', skippedFields: ['languages', 'tags'] });
    expect(person).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: [{ address: 'ada@example.org', primary: true }],
      // The default region (GB here) reads the national number.
      phones: [{ number: '+442071234567', kind: 'MOBILE' }],
      tags: ['vip'],
      organization: { name: 'Babbage & Co' },
    });
    expect(person.sources).toHaveLength(3);

    const civiId = Number(outcomes['CIVICRM']!.remoteId);
    expect(sims.civi.db.find('Contact', civiId)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', employer_id: Number(organizationRecords['CIVICRM']!.remoteId) });
    expect(sims.civi.db.list('Email').filter((e) => e['contact_id'] === civiId).map((e) => e['email'])).toEqual(['ada@example.org']);
    const anPerson = sims.an.store.people.get(outcomes['ACTION_NETWORK']!.remoteId!);
    expect(anPerson).toMatchObject({ given_name: 'Ada', family_name: 'Lovelace', email_addresses: [expect.objectContaining({ address: 'ada@example.org' })] });
    expect(anTags(anPerson!.id)).toEqual(['vip']);
    expect(vtigerRecord(outcomes['VTIGER']!.remoteId!)?.values).toMatchObject({ firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.org', account_id: organizationRecords['VTIGER']!.remoteId });

    // One person, found by email across the three systems: the indexer made no twin of it.
    const found = await gw.query(`{ people(filter: { email: "ADA@example.org" }) { totalCount edges { node { id } } } }`);
    expect(found.data!.people).toEqual({ totalCount: 1, edges: [{ node: { id: person.id } }] });
    const run = await gw.gateway.indexer.runOnce();
    // The indexer lists the new records but finds them as the write left them in the cache: no change to report.
    expect(run.connectors.map((c) => [c.system, c.ok, c.counts.received > 0, c.counts.changed])).toEqual([
      ['CIVICRM', true, true, 0],
      ['ACTION_NETWORK', true, true, 0],
      ['VTIGER', true, true, 0],
    ]);
    const again = await gw.query(`{ people(filter: { email: "ada@example.org" }) { totalCount } }`);
    expect(again.data!.people.totalCount).toBe(1);
  });

  it('writes only to the systems asked for', async () => {
    const data = await mutate(CREATE_PERSON, { input: { givenName: 'Only', familyName: 'Vtiger', emails: [{ address: 'only@example.org' }] }, systems: ['VTIGER'] });
    expect(data.createPerson.outcomes).toEqual([expect.objectContaining({ system: 'VTIGER', status: 'CREATED' })]);
    expect(data.createPerson.person.sources).toEqual([{ system: 'VTIGER', remoteId: data.createPerson.outcomes[0].remoteId }]);
    expect(sims.civi.db.list('Contact').some((c) => c['last_name'] === 'Vtiger')).toBe(false);
    expect([...sims.an.store.people.values()].some((p) => p.family_name === 'Vtiger')).toBe(false);
  });

  it("reports Action Network's merge into the person holding the email as UPDATED, leaving that record with its person", async () => {
    const first = await mutate(CREATE_PERSON, { input: { givenName: 'Emmy', familyName: 'Noether', emails: [{ address: 'emmy@example.org' }] }, systems: ['ACTION_NETWORK'] });
    const owner = first.createPerson.person.id;
    const anId = first.createPerson.outcomes[0].remoteId;
    const second = await mutate(CREATE_PERSON, { input: { givenName: 'Emmy', familyName: 'Noether', emails: [{ address: 'EMMY@example.org' }] } });
    const outcomes = bySystem(second.createPerson.outcomes);
    expect(outcomes['ACTION_NETWORK']).toMatchObject({
      status: 'UPDATED',
      remoteId: anId,
      error: `ACTION_NETWORK already held this person as record ${anId} (of ${owner}) and updated it instead`,
    });
    expect(second.createPerson.person.sources.map((s: { system: string }) => s.system).sort()).toEqual(['CIVICRM', 'VTIGER']);
    const kept = await gw.query(`query($id: ID!) { person(id: $id) { sources { system remoteId } } }`, { id: owner });
    expect(kept.data!.person.sources).toEqual([{ system: 'ACTION_NETWORK', remoteId: anId }]);
    expect([...sims.an.store.people.values()].filter((p) => p.family_name === 'Noether')).toHaveLength(1);
  });

  it('updates each record only in the fields the patch names', async () => {
    const created = await mutate(CREATE_PERSON, {
      input: { givenName: 'Charles', familyName: 'Babbage', emails: [{ address: 'charles@example.org' }], tags: ['founder'], languages: ['en'], organizationId },
    });
    const id = created.createPerson.person.id;
    const records = bySystem(created.createPerson.outcomes);
    const data = await mutate(
      `mutation($id: ID!) { updatePerson(id: $id, input: { familyName: "Babbage FRS", phones: [{ number: "+1 415 555 0199" }] }) { person { givenName familyName phones { number } tags } ${OUTCOMES} } }`,
      { id },
    );
    const outcomes = bySystem(data.updatePerson.outcomes);
    for (const system of ['CIVICRM', 'ACTION_NETWORK', 'VTIGER']) {
      expect(outcomes[system]).toMatchObject({ status: 'UPDATED', remoteId: records[system]!.remoteId, skippedFields: [] });
    }
    expect(data.updatePerson.person).toEqual({ givenName: 'Charles', familyName: 'Babbage FRS', phones: [{ number: '+14155550199' }], tags: ['founder'] });

    const civi = sims.civi.db.find('Contact', Number(records['CIVICRM']!.remoteId));
    expect(civi).toMatchObject({ first_name: 'Charles', last_name: 'Babbage FRS', employer_id: Number(organizationRecords['CIVICRM']!.remoteId), preferred_language: 'en_US' });
    const an = sims.an.store.people.get(records['ACTION_NETWORK']!.remoteId!);
    expect(an).toMatchObject({ given_name: 'Charles', family_name: 'Babbage FRS', email_addresses: [expect.objectContaining({ address: 'charles@example.org' })] });
    expect(anTags(an!.id)).toEqual(['founder']);
    expect(vtigerRecord(records['VTIGER']!.remoteId!)?.values).toMatchObject({
      firstname: 'Charles',
      lastname: 'Babbage FRS',
      email: 'charles@example.org',
      account_id: organizationRecords['VTIGER']!.remoteId,
    });
  });

  it('clears the organization with organizationId: null, and reports a field a system cannot hold as skipped', async () => {
    const created = await mutate(CREATE_PERSON, { input: { givenName: 'Mary', familyName: 'Somerville', emails: [{ address: 'mary@example.org' }], organizationId } });
    const id = created.createPerson.person.id;
    const records = bySystem(created.createPerson.outcomes);
    const data = await mutate(`mutation($id: ID!) { updatePerson(id: $id, input: { organizationId: null, tags: ["astronomer"] }) { person { organization { name } tags } ${OUTCOMES} } }`, { id });
    const outcomes = bySystem(data.updatePerson.outcomes);
    expect(outcomes['CIVICRM']).toMatchObject({ status: 'UPDATED', skippedFields: ['tags'] });
    expect(outcomes['ACTION_NETWORK']).toMatchObject({ status: 'UPDATED', skippedFields: ['organizationId'] });
    expect(outcomes['VTIGER']).toMatchObject({ status: 'UPDATED', skippedFields: ['tags'] });
    expect(data.updatePerson.person).toEqual({ organization: null, tags: ['astronomer'] });
    expect(sims.civi.db.find('Contact', Number(records['CIVICRM']!.remoteId))?.['employer_id']).toBeNull();
    expect(vtigerRecord(records['VTIGER']!.remoteId!)?.values['account_id']).toBe('');
    // Nothing the patch did not name changed.
    expect(sims.civi.db.find('Contact', Number(records['CIVICRM']!.remoteId))).toMatchObject({ first_name: 'Mary', last_name: 'Somerville' });
  });

  it('skips a system with nothing to change and one where the person has no record', async () => {
    const created = await mutate(CREATE_PERSON, { input: { givenName: 'Only', familyName: 'Civi', emails: [{ address: 'civi-only@example.org' }] }, systems: ['CIVICRM'] });
    const id = created.createPerson.person.id;
    const data = await mutate(`mutation($id: ID!) { updatePerson(id: $id, input: { tags: ["x"] }) { ${OUTCOMES} } }`, { id });
    expect(bySystem(data.updatePerson.outcomes)).toEqual({
      CIVICRM: { system: 'CIVICRM', status: 'SKIPPED', remoteId: created.createPerson.outcomes[0].remoteId, error: 'CIVICRM holds none of the fields given', skippedFields: ['tags'], pendingWriteId: null },
      ACTION_NETWORK: { system: 'ACTION_NETWORK', status: 'SKIPPED', remoteId: null, error: `${id} has no record in ACTION_NETWORK`, skippedFields: [], pendingWriteId: null },
      VTIGER: { system: 'VTIGER', status: 'SKIPPED', remoteId: null, error: `${id} has no record in VTIGER`, skippedFields: [], pendingWriteId: null },
    });
  });

  it('deletes in CiviCRM and Vtiger and unsubscribes in Action Network', async () => {
    const created = await mutate(CREATE_PERSON, { input: { givenName: 'Grace', familyName: 'Hopper', emails: [{ address: 'grace@example.org' }] } });
    const id = created.createPerson.person.id;
    const records = bySystem(created.createPerson.outcomes);
    const data = await mutate(`mutation($id: ID!) { deletePerson(id: $id) { id ${OUTCOMES} } }`, { id });
    expect(data.deletePerson.id).toBe(id);
    expect(bySystem(data.deletePerson.outcomes)).toMatchObject({
      CIVICRM: { status: 'DELETED', remoteId: records['CIVICRM']!.remoteId },
      ACTION_NETWORK: { status: 'UNSUBSCRIBED', remoteId: records['ACTION_NETWORK']!.remoteId },
      VTIGER: { status: 'DELETED', remoteId: records['VTIGER']!.remoteId },
    });
    expect(sims.civi.db.find('Contact', Number(records['CIVICRM']!.remoteId))?.['is_deleted']).toBe(true);
    expect(vtigerRecord(records['VTIGER']!.remoteId!)?.deleted).toBe(true);
    expect(sims.an.store.people.get(records['ACTION_NETWORK']!.remoteId!)?.email_addresses).toEqual([expect.objectContaining({ address: 'grace@example.org', status: 'unsubscribed' })]);
    // What is left of the person is the Action Network record, unsubscribed.
    const left = await gw.query(`query($id: ID!) { person(id: $id) { sources { system } emails { status } } }`, { id });
    expect(left.data!.person).toEqual({ sources: [{ system: 'ACTION_NETWORK' }], emails: [{ status: 'UNSUBSCRIBED' }] });
  });
});

describe('sessions', () => {
  it('shares the connectors with reads: Vtiger logged in once for indexing, reads and every write above', () => {
    expect(sims.vtiger.count('login')).toBe(1);
  });
});

describe('createDonation', () => {
  let donorId: string;
  let donorRecords: Record<string, Outcome>;

  beforeAll(async () => {
    const created = await mutate(CREATE_PERSON, { input: { givenName: 'Augusta', familyName: 'King', emails: [{ address: 'augusta@example.org' }] } });
    donorId = created.createPerson.person.id;
    donorRecords = bySystem(created.createPerson.outcomes);
  });

  it('records the donation for the donor in all three CRMs', async () => {
    const data = await mutate(
      `mutation($input: DonationInput!) { createDonation(input: $input) { donation { id amount { amount currency } receivedAt recurring donor { id } designations { name amount { amount } } sources { system } } ${OUTCOMES} } }`,
      { input: { donorId, amount: { amount: '25', currency: 'USD' }, receivedAt: '2026-02-01T10:00:00Z', designations: [{ name: 'Library', amount: { amount: '25.00', currency: 'USD' } }], recurring: true } },
    );
    const outcomes = bySystem(data.createDonation.outcomes);
    expect(outcomes['CIVICRM']).toMatchObject({ status: 'CREATED', skippedFields: ['recurring'] });
    expect(outcomes['ACTION_NETWORK']).toMatchObject({ status: 'CREATED', skippedFields: [] });
    expect(outcomes['VTIGER']).toMatchObject({ status: 'CREATED', skippedFields: ['recurring'] });
    // (receivedAt is checked per CRM below: Vtiger keeps only the day, and the merged view takes
    // the most recently modified record's value.)
    expect(data.createDonation.donation).toMatchObject({ amount: { amount: '25.00', currency: 'USD' }, donor: { id: donorId } });
    expect(data.createDonation.donation.sources).toHaveLength(3);

    expect(sims.civi.db.find('Contribution', Number(outcomes['CIVICRM']!.remoteId))).toMatchObject({
      contact_id: Number(donorRecords['CIVICRM']!.remoteId),
      total_amount: 25,
      currency: 'USD',
      receive_date: '2026-02-01 10:00:00',
    });
    expect(sims.an.store.donations.get(outcomes['ACTION_NETWORK']!.remoteId!)).toMatchObject({
      personId: donorRecords['ACTION_NETWORK']!.remoteId,
      amount: '25.00',
      currency: 'usd',
      created_date: '2026-02-01T10:00:00Z',
      recipients: [{ display_name: 'Library', amount: '25.00' }],
      recurrence: { recurring: true },
    });
    expect(vtigerRecord(outcomes['VTIGER']!.remoteId!)?.values).toMatchObject({ contact_id: donorRecords['VTIGER']!.remoteId, invoicedate: '2026-02-01' });

    const donations = await gw.query(`query($id: ID!) { person(id: $id) { donations { totalCount } } }`, { id: donorId });
    expect(donations.data!.person.donations.totalCount).toBe(1);
  });

  it('skips the systems where the donor has no record, saying so', async () => {
    const created = await mutate(CREATE_PERSON, { input: { givenName: 'Only', familyName: 'InCivi', emails: [{ address: 'incivi@example.org' }] }, systems: ['CIVICRM'] });
    const donor = created.createPerson.person.id;
    const data = await mutate(`mutation($input: DonationInput!) { createDonation(input: $input) { donation { sources { system } } ${OUTCOMES} } }`, {
      input: { donorId: donor, amount: { amount: '5', currency: 'EUR' } },
    });
    expect(bySystem(data.createDonation.outcomes)).toMatchObject({
      CIVICRM: { status: 'CREATED' },
      ACTION_NETWORK: { status: 'SKIPPED', error: `the person ${donor} has no record in ACTION_NETWORK` },
      VTIGER: { status: 'SKIPPED', error: `the person ${donor} has no record in VTIGER` },
    });
    expect(data.createDonation.donation.sources).toEqual([{ system: 'CIVICRM' }]);
  });
});
