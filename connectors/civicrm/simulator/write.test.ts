// create, update, save and delete over real HTTP: result shapes, side effects and exact error texts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-11-22T11:53:29Z');
  sim = await startCiviCrmSimulator({ now: () => now });
});
afterEach(() => sim.close());

async function ok(entity: string, action: string, params: unknown): Promise<Array<Record<string, unknown>>> {
  const res = await callApi(sim, entity, action, params);
  if (!Array.isArray(res.json?.values)) throw new Error(`${entity}.${action} failed: ${res.text}`);
  return res.json.values as Array<Record<string, unknown>>;
}

async function fails(entity: string, action: string, params: unknown): Promise<unknown> {
  return (await callApi(sim, entity, action, params)).json;
}

const error = (message: string) => ({ error_code: 0, error_message: message, status: 500 });

describe('create', () => {
  it('returns the saved row, not a re-fetch: no nulls for unset fields, compact dates, extra keys', async () => {
    const [org] = await ok('Contact', 'create', { values: { contact_type: 'Organization', organization_name: 'Acme Widgets Ltd' } });
    expect(org).toMatchObject({
      id: 49,
      contact_type: 'Organization',
      display_name: 'Acme Widgets Ltd',
      organization_name: 'Acme Widgets Ltd',
      sort_name: 'Acme Widgets Ltd',
      do_not_email: false,
      is_opt_out: false,
      preferred_language: 'en_US',
      is_deleted: false,
      created_date: '20261122115329',
      modified_date: '20261122115329',
      custom: null,
      check_permissions: null,
    });
    expect(org).not.toHaveProperty('first_name');
    expect(Object.keys(org ?? {}).slice(-2)).toEqual(['custom', 'check_permissions']);
  });

  it('defaults contact_type to Individual and computes display and sort names', async () => {
    const [person] = await ok('Contact', 'create', { values: { first_name: 'Alice', last_name: 'Anderson' } });
    expect(person).toMatchObject({ contact_type: 'Individual', display_name: 'Alice Anderson', sort_name: 'Anderson, Alice' });
  });

  it('writes through primary joins, echoing resolved ids, and creates primary child rows', async () => {
    const [bob] = await ok('Contact', 'create', {
      values: {
        first_name: 'Bob',
        last_name: 'Example',
        'email_primary.email': 'bob@example.org',
        'phone_primary.phone': '+1 (312) 555-0100',
        'phone_primary.phone_type_id:name': 'Mobile',
        'address_primary.street_address': '1 Main St',
        'address_primary.supplemental_address_1': 'Suite 200',
        'address_primary.city': 'Chicago',
        'address_primary.postal_code': '60601',
        'address_primary.country_id:name': 'US',
        'address_primary.state_province_id:abbr': 'IL',
      },
    });
    expect(bob).toMatchObject({
      'email_primary.email': 'bob@example.org',
      'phone_primary.phone_type_id': 2,
      'address_primary.country_id': 1228,
      'address_primary.state_province_id': 1012,
    });
    const [read] = await ok('Contact', 'get', {
      select: ['email_primary.is_primary', 'phone_primary.phone_numeric', 'address_primary.supplemental_address_1', 'address_primary.state_province_id:name'],
      where: [['id', '=', bob?.id]],
    });
    expect(read).toEqual({
      id: bob?.id,
      'email_primary.is_primary': true,
      'phone_primary.phone_numeric': '13125550100',
      'address_primary.supplemental_address_1': 'Suite 200',
      'address_primary.state_province_id:name': 'Illinois',
    });
  });

  it('looks up an ambiguous state abbreviation within the written country', async () => {
    const [row] = await ok('Address', 'create', { values: { contact_id: 9, 'country_id:name': 'AU', 'state_province_id:abbr': 'WA', city: 'Perth' } });
    expect(row).toMatchObject({ country_id: 1013, state_province_id: 1266 });
  });

  it('fills the country in from the state when only the state is given', async () => {
    const [row] = await ok('Address', 'create', { values: { contact_id: 9, state_province_id: 1068, city: 'Ottawa' } });
    const [read] = await ok('Address', 'get', { select: ['country_id:name'], where: [['id', '=', row?.id]] });
    expect(read).toEqual({ id: row?.id, 'country_id:name': 'CA' });
  });

  it('names a contact without names after its email', async () => {
    const [row] = await ok('Contact', 'create', { values: { 'email_primary.email': 'solo@example.org' } });
    expect(row).toMatchObject({ display_name: 'solo@example.org' });
  });

  it('makes the first email primary, leaves is_primary out for the second, and moves it when set', async () => {
    const [contact] = await ok('Contact', 'create', { values: { first_name: 'Pat' } });
    const [first] = await ok('Email', 'create', { values: { contact_id: contact?.id, email: 'pat@example.org' } });
    expect(first).toEqual({
      id: expect.any(Number),
      contact_id: contact?.id,
      location_type_id: 1,
      email: 'pat@example.org',
      is_primary: true,
      on_hold: 0,
      custom: null,
      check_permissions: null,
    });
    const [second] = await ok('Email', 'create', { values: { contact_id: contact?.id, email: 'pat@work.example', 'location_type_id:name': 'Work' } });
    expect(second).not.toHaveProperty('is_primary');
    expect(second).toMatchObject({ location_type_id: 2 });
    await ok('Email', 'create', { values: { contact_id: contact?.id, email: 'pat@new.example', is_primary: true } });
    const emails = await ok('Email', 'get', { select: ['email', 'is_primary'], where: [['contact_id', '=', contact?.id]] });
    expect(emails.map((e) => [e.email, e.is_primary])).toEqual([
      ['pat@example.org', false],
      ['pat@work.example', false],
      ['pat@new.example', true],
    ]);
  });

  it('creates a contribution like 5.77, with compact dates in the result and one line item', async () => {
    const [gift] = await ok('Contribution', 'create', {
      values: {
        contact_id: 9,
        total_amount: 125.5,
        'financial_type_id:name': 'Donation',
        receive_date: '2024-03-15 10:30:00',
        'contribution_status_id:name': 'Completed',
        source: 'sim-check',
      },
    });
    expect(gift).toMatchObject({
      contact_id: 9,
      financial_type_id: 1,
      payment_instrument_id: 4,
      receive_date: '20240315103000',
      total_amount: 125.5,
      fee_amount: 0,
      net_amount: 125.5,
      currency: 'USD',
      source: 'sim-check',
      contribution_status_id: 1,
      tax_amount: 0,
      custom: null,
      check_permissions: null,
      skipCleanMoney: null,
    });
    const [read] = await ok('Contribution', 'get', { select: ['receive_date', 'is_test', 'trxn_id'], where: [['id', '=', gift?.id]] });
    expect(read).toEqual({ id: gift?.id, receive_date: '2024-03-15 10:30:00', is_test: false, trxn_id: null });
    const items = await ok('LineItem', 'get', { where: [['contribution_id', '=', gift?.id]] });
    expect(items).toEqual([
      {
        id: expect.any(Number),
        entity_table: 'civicrm_contribution',
        entity_id: gift?.id,
        contribution_id: gift?.id,
        price_field_id: 1,
        label: 'Contribution Amount',
        qty: 1,
        unit_price: 125.5,
        line_total: 125.5,
        participant_count: null,
        price_field_value_id: 1,
        financial_type_id: 1,
        non_deductible_amount: 0,
        tax_amount: 0,
        membership_num_terms: null,
      },
    ]);
  });

  it('accepts money as a string and keeps whole amounts integral', async () => {
    const [gift] = await ok('Contribution', 'create', { values: { contact_id: 9, total_amount: '20', financial_type_id: 2 } });
    expect(gift).toMatchObject({ total_amount: 20, net_amount: 20 });
    expect((await callApi(sim, 'Contribution', 'get', { select: ['total_amount'], where: [['id', '=', gift?.id]] })).text).toContain('"total_amount":20}');
  });

  it('reports missing mandatory values, and an unknown :name the same way', async () => {
    expect(await fails('Contribution', 'create', { values: { contact_id: 9, total_amount: 5 } })).toEqual(
      error('Mandatory values missing from Api4 Contribution::create: financial_type_id'),
    );
    expect(await fails('Contribution', 'create', { values: { contact_id: 9, total_amount: 5, 'financial_type_id:name': 'Nope' } })).toEqual(
      error('Mandatory values missing from Api4 Contribution::create: financial_type_id'),
    );
    expect(await fails('Contribution', 'create', { values: {} })).toEqual(
      error('Mandatory values missing from Api4 Contribution::create: contact_id, financial_type_id, total_amount'),
    );
  });

  it('fails a foreign key to a missing contact with the DB error', async () => {
    for (const entity of ['Email', 'Phone', 'Address']) {
      expect(await fails(entity, 'create', { values: { contact_id: 99999 } })).toEqual(error('DB Error: constraint violation'));
    }
    expect(await fails('Contribution', 'create', { values: { contact_id: 99999, total_amount: 1, financial_type_id: 1 } })).toEqual(
      error('DB Error: constraint violation'),
    );
  });

  it('validates weakly: orphan emails, bad emails and bad dates are accepted', async () => {
    const [orphan] = await ok('Email', 'create', { values: { email: 'not-an-email' } });
    expect(orphan).toMatchObject({ email: 'not-an-email' });
    expect(orphan).not.toHaveProperty('contact_id');
    const [odd] = await ok('Contact', 'create', { values: { first_name: 'Odd', birth_date: 'not-a-date' } });
    const [read] = await ok('Contact', 'get', { select: ['birth_date'], where: [['id', '=', odd?.id]] });
    expect(read?.birth_date).toBe('1970-01-01');
  });

  it('refuses a duplicate external_identifier', async () => {
    expect(await fails('Contact', 'create', { values: { first_name: 'Dup', external_identifier: 'legacy-0001' } })).toEqual(
      error('DB Error: already exists'),
    );
  });

  it('creates extra line items for split designations', async () => {
    const [item] = await ok('LineItem', 'create', {
      values: { entity_table: 'civicrm_contribution', entity_id: 1, label: 'Building Fund', qty: 1, unit_price: 10, line_total: 10, 'financial_type_id:name': 'Campaign Contribution' },
    });
    expect(item).toMatchObject({ contribution_id: 1, financial_type_id: 3 });
  });
});

describe('update', () => {
  it('updates by where, returns the full row and bumps modified_date but not created_date', async () => {
    now = new Date('2026-11-22T12:00:00Z');
    const [row] = await ok('Contact', 'update', { values: { job_title: 'CEO' }, where: [['id', '=', 9]] });
    expect(row).toMatchObject({ id: 9, job_title: 'CEO', first_name: 'Alice', created_date: '20260105090800', modified_date: '20261122120000', contact_id: null });
    const [read] = await ok('Contact', 'get', { select: ['modified_date', 'created_date'], where: [['id', '=', 9]] });
    expect(read).toEqual({ id: 9, modified_date: '2026-11-22 12:00:00', created_date: '2026-01-05 09:08:00' });
  });

  it('accepts values.id instead of where, and recomputes the display name', async () => {
    const [row] = await ok('Contact', 'update', { values: { id: 9, last_name: 'Archer' } });
    expect(row).toMatchObject({ display_name: 'Alice Archer', sort_name: 'Archer, Alice' });
  });

  it('updates every match', async () => {
    const rows = await ok('Contact', 'update', { values: { source: 'bulk' }, where: [['last_name', 'LIKE', 'Ander%']] });
    expect(rows.map((r) => r.id)).toEqual([9, 12]);
  });

  it('needs where or an id; an id that does not exist is an error; another empty match is not', async () => {
    expect(await fails('Contact', 'update', { values: { first_name: 'X' } })).toEqual(
      error('Parameter "where" is required unless primary keys are supplied in values.'),
    );
    expect(await fails('Contact', 'update', { values: { first_name: 'X' }, where: [['id', '=', 99999]] })).toEqual(
      error('Expected one Contact but found 0'),
    );
    expect(await fails('Contact', 'update', { values: { id: 99999, first_name: 'X' } })).toEqual(error('Expected one Contact but found 0'));
    expect(await ok('Contact', 'update', { values: { first_name: 'X' }, where: [['last_name', '=', 'Nobody']] })).toEqual([]);
  });

  it('updates the existing primary email through the join instead of adding one', async () => {
    await ok('Contact', 'update', { values: { 'email_primary.email': 'alice@new.example' }, where: [['id', '=', 9]] });
    const emails = await ok('Email', 'get', { select: ['email', 'is_primary'], where: [['contact_id', '=', 9]] });
    expect(emails).toEqual([{ id: expect.any(Number), email: 'alice@new.example', is_primary: true }]);
  });

  it('bumps the contact when its email, phone or address changes', async () => {
    now = new Date('2026-11-22T13:00:00Z');
    const [email] = await ok('Email', 'get', { select: ['id'], where: [['contact_id', '=', 10], ['is_primary', '=', true]] });
    await ok('Email', 'update', { values: { id: email?.id, on_hold: 1 } });
    const [contact] = await ok('Contact', 'get', { select: ['modified_date'], where: [['id', '=', 10]] });
    expect(contact?.modified_date).toBe('2026-11-22 13:00:00');
    now = new Date('2026-11-22T14:00:00Z');
    await ok('Address', 'create', { values: { contact_id: 10, city: 'Evanston' } });
    const [again] = await ok('Contact', 'get', { select: ['modified_date'], where: [['id', '=', 10]] });
    expect(again?.modified_date).toBe('2026-11-22 14:00:00');
  });
});

describe('save', () => {
  it('returns one row per record, in order, updating those with ids', async () => {
    const rows = await ok('Contact', 'save', { records: [{ id: 9, nick_name: 'Al' }, { first_name: 'Newbie', last_name: 'Person' }] });
    expect(rows.map((r) => [r.id, r.nick_name ?? r.display_name])).toEqual([
      [9, 'Al'],
      [49, 'Newbie Person'],
    ]);
  });

  it('updates the single match of `match` (with defaults), creates on 0 or 2+ matches', async () => {
    const [erin] = await ok('Contact', 'save', {
      records: [{ first_name: 'Erin', last_name: 'Ellis' }],
      defaults: { job_title: 'Analyst' },
      match: ['first_name', 'last_name'],
    });
    expect(erin).toMatchObject({ id: 13, job_title: 'Analyst' });
    await ok('Contact', 'create', { values: { first_name: 'Twin', last_name: 'Same' } });
    await ok('Contact', 'create', { values: { first_name: 'Twin', last_name: 'Same' } });
    const [third] = await ok('Contact', 'save', { records: [{ first_name: 'Twin', last_name: 'Same' }], match: ['first_name', 'last_name'] });
    expect(third?.id).toBe(51);
    const [partial] = await ok('Contact', 'save', { records: [{ first_name: 'Erin' }], match: ['first_name', 'last_name'] });
    expect(partial?.id).toBe(52);
  });

  it('can match on a joined email', async () => {
    const [row] = await ok('Contact', 'save', { records: [{ 'email_primary.email': 'BOB.BAKER@example.org', job_title: 'Donor' }], match: ['email_primary.email'] });
    expect(row).toMatchObject({ id: 10, job_title: 'Donor' });
  });
});

describe('delete', () => {
  it('needs a where', async () => {
    expect(await fails('Contact', 'delete', {})).toEqual(error('Parameter "where" is required.'));
    expect(await fails('Email', 'delete', { where: [] })).toEqual(error('Parameter "where" is required.'));
  });

  it('trashes contacts by default: ids only in the result, hidden from get, modified_date bumped', async () => {
    now = new Date('2026-11-22T15:00:00Z');
    const res = await callApi(sim, 'Contact', 'delete', { where: [['id', '=', 9]] });
    expect(res.json).toEqual({ values: [{ id: 9 }], entity: 'Contact', action: 'delete', debug: null, version: 4, count: 1, countFetched: 1 });
    expect(await ok('Contact', 'get', { where: [['last_name', '=', 'Anderson']] })).toEqual([]);
    const [trashed] = await ok('Contact', 'get', { select: ['is_deleted', 'modified_date', 'email_primary.email'], where: [['id', '=', 9]] });
    expect(trashed).toEqual({ id: 9, is_deleted: true, modified_date: '2026-11-22 15:00:00', 'email_primary.email': 'alice.anderson@example.org' });
  });

  it('deletes permanently with useTrash false, with the contact’s emails', async () => {
    await ok('Contact', 'delete', { where: [['id', '=', 10]], useTrash: false });
    expect(await ok('Contact', 'get', { where: [['id', '=', 10], ['is_deleted', 'IN', [true, false]]] })).toEqual([]);
    expect(await ok('Email', 'get', { where: [['contact_id', '=', 10]] })).toEqual([]);
  });

  it('succeeds with no rows when nothing matches', async () => {
    const res = await callApi(sim, 'Contact', 'delete', { where: [['id', '=', 99999]] });
    expect(res.json).toMatchObject({ values: [], count: 0 });
  });

  it('promotes another email when the primary one is deleted', async () => {
    const [primary] = await ok('Email', 'get', { select: ['id'], where: [['contact_id', '=', 10], ['is_primary', '=', true]] });
    await ok('Email', 'delete', { where: [['id', '=', primary?.id]] });
    const emails = await ok('Email', 'get', { select: ['email', 'is_primary'], where: [['contact_id', '=', 10]] });
    expect(emails).toEqual([{ id: expect.any(Number), email: 'bob@bakerfamily.example', is_primary: true }]);
  });

  it('removes a contribution’s line items with it', async () => {
    await ok('Contribution', 'delete', { where: [['id', '=', 5]] });
    expect(await ok('LineItem', 'get', { where: [['contribution_id', '=', 5]] })).toEqual([]);
  });
});
