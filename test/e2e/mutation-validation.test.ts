// A mutation with any invalid field is refused with BAD_USER_INPUT naming the field, and writes
// nothing anywhere: no request reaches a CRM, and the gateway's store does not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmSimulators, type CrmSimulators } from '../support/crm-simulators.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

let sims: CrmSimulators;
let gw: TestGateway;
let personId: string;
let organizationId: string;

beforeAll(async () => {
  sims = await startCrmSimulators();
  gw = await startTestGateway({ connectors: sims.connectors() });
  const org = await gw.query(`mutation { createOrganization(input: { name: "Analytical Engines" }) { organization { id } } }`);
  organizationId = org.data!.createOrganization.organization.id;
  const person = await gw.query(`mutation { createPerson(input: { givenName: "Ada", emails: [{ address: "ada@example.org" }] }) { person { id } } }`);
  personId = person.data!.createPerson.person.id;
});
afterAll(async () => {
  await gw.close();
  await sims.close();
});

/** Everything a write could touch: each simulator's request count and data, and the gateway's store. */
function footprint() {
  return {
    requests: [sims.civi.requests.count(), sims.an.requests.count(), sims.vtiger.requests.count()],
    civiContacts: sims.civi.db.list('Contact').length,
    civiContributions: sims.civi.db.list('Contribution').length,
    anPeople: sims.an.store.people.size,
    anDonations: sims.an.store.donations.size,
    identity: gw.store.identity.version,
    records: gw.store.records.version,
  };
}

const PERSON = 'mutation($input: PersonInput!, $systems: [System!], $key: String) { createPerson(input: $input, systems: $systems, idempotencyKey: $key) { person { id } } }';
const DONATION = 'mutation($input: DonationInput!) { createDonation(input: $input) { donation { id } } }';

interface Case {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  argument: string;
  message: () => string;
}

const cases: Case[] = [
  {
    name: 'an email that is not one',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X', emails: [{ address: 'x@example.org' }, { address: 'x.example.org' }] } }),
    argument: 'input.emails[1].address',
    message: () => 'input.emails[1].address must be an email address such as "ada@example.org", but got: "x.example.org"',
  },
  {
    name: 'a phone number that cannot be read',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X', phones: [{ number: '555' }] } }),
    argument: 'input.phones[0].number',
    message: () => 'input.phones[0].number must be a phone number with a country code ("+44 20 7123 4567"), or a national number of US, but got: "555"',
  },
  {
    name: 'an unknown country',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X', addresses: [{ locality: 'London', country: 'UK' }] } }),
    argument: 'input.addresses[0].country',
    message: () => 'input.addresses[0].country must be an ISO 3166-1 alpha-2 country code such as "GB", but got: "UK"',
  },
  {
    name: 'an unknown language',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X', languages: ['klingon'] } }),
    argument: 'input.languages[0]',
    message: () => 'input.languages[0] must be an ISO 639-1 language code such as "en", but got: "klingon"',
  },
  {
    name: 'an organizationId that names a person',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X', organizationId: personId } }),
    argument: 'input.organizationId',
    message: () => `input.organizationId must be the id of an existing organization ("org_…"), but got: "${personId}"`,
  },
  {
    name: 'a blank idempotency key',
    query: PERSON,
    variables: () => ({ input: { givenName: 'X' }, key: ' ' }),
    argument: 'idempotencyKey',
    message: () => 'idempotencyKey must be 1 to 255 characters, not blank, but got: " "',
  },
  {
    name: 'a system that cannot hold organizations',
    query: 'mutation { createOrganization(input: { name: "X" }, systems: [CIVICRM, ACTION_NETWORK]) { organization { id } } }',
    variables: () => ({}),
    argument: 'systems[1]',
    message: () => 'systems[1] must be a configured system that can create organizations (CIVICRM, VTIGER), but got: "ACTION_NETWORK"',
  },
  {
    name: 'a blank organization name in an update',
    query: 'mutation($id: ID!) { updateOrganization(id: $id, input: { name: "  ", website: "example.org" }) { organization { id } } }',
    variables: () => ({ id: organizationId }),
    argument: 'input.name',
    message: () => 'input.name must be a non-blank name, but got: "  "',
  },
  {
    name: 'an unknown currency',
    query: DONATION,
    variables: () => ({ input: { donorId: personId, amount: { amount: '5', currency: 'ABC' } } }),
    argument: 'input.amount.currency',
    message: () => 'input.amount.currency must be an ISO 4217 currency code such as "USD", but got: "ABC"',
  },
  {
    name: 'an amount with too many decimals',
    query: DONATION,
    variables: () => ({ input: { donorId: personId, amount: { amount: '5.001', currency: 'EUR' } } }),
    argument: 'input.amount.amount',
    message: () => 'input.amount.amount must be a decimal amount greater than 0 with at most 2 decimal places for EUR, such as "25.00", but got: "5.001"',
  },
  {
    name: 'an unknown donor',
    query: DONATION,
    variables: () => ({ input: { donorId: 'per_aaaaaaaaaaaaaaaaaaaa', amount: { amount: '5', currency: 'EUR' } } }),
    argument: 'input.donorId',
    message: () => 'input.donorId must be the id of an existing person ("per_…"), but got: "per_aaaaaaaaaaaaaaaaaaaa"',
  },
  {
    name: 'an update of an id that names an organization',
    query: 'mutation($id: ID!) { updatePerson(id: $id, input: { givenName: "Y" }) { person { id } } }',
    variables: () => ({ id: organizationId }),
    argument: 'id',
    message: () => `id must be the id of an existing person ("per_…"), but got: "${organizationId}"`,
  },
  {
    name: 'a delete of a malformed id',
    query: 'mutation { deletePerson(id: "42") { id } }',
    variables: () => ({}),
    argument: 'id',
    message: () => 'id must be the id of an existing person ("per_…"), but got: "42"',
  },
];

describe('mutation input validation', () => {
  it.each(cases)('refuses $name, naming $argument, and writes nothing', async ({ query, variables, argument, message }) => {
    const before = footprint();
    const res = await gw.query(query, variables());
    expect(res.errors).toEqual([expect.objectContaining({ message: message(), extensions: { code: 'BAD_USER_INPUT', argument } })]);
    expect(footprint()).toEqual(before);
    const pending = await gw.query('{ pendingWrites { totalCount } }');
    expect(pending.data!.pendingWrites.totalCount).toBe(0);
  });
});
