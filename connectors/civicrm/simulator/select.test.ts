// select (joins, suffixes, wildcards, defaults), orderBy, limit/offset and getFields over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiviCrmSimulator, type CiviCrmSimulator } from './civicrm-simulator.js';
import { callApi } from './simulator-test-client.js';

let sim: CiviCrmSimulator;
beforeAll(async () => {
  sim = await startCiviCrmSimulator();
});
afterAll(() => sim.close());

async function values(entity: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const res = await callApi(sim, entity, 'get', params);
  if (!Array.isArray(res.json?.values)) throw new Error(`no values: ${res.text}`);
  return res.json.values as Array<Record<string, unknown>>;
}

describe('joins and pseudoconstants', () => {
  it('returns joined fields flat, keyed exactly as written, with :name/:label/:abbr', async () => {
    const [alice] = await values('Contact', {
      select: [
        'display_name',
        'email_primary.email',
        'phone_primary.phone',
        'phone_primary.phone_type_id:name',
        'address_primary.street_address',
        'address_primary.city',
        'address_primary.country_id:name',
        'address_primary.country_id:label',
        'address_primary.state_province_id:abbr',
        'address_primary.state_province_id:name',
        'employer_id',
        'employer_id.display_name',
        'contact_type:label',
        'preferred_language:label',
      ],
      where: [['id', '=', 9]],
    });
    expect(alice).toEqual({
      id: 9,
      display_name: 'Alice Anderson',
      'email_primary.email': 'alice.anderson@example.org',
      'phone_primary.phone': '+1 555 0199',
      'phone_primary.phone_type_id:name': 'Mobile',
      'address_primary.street_address': '42 Elm Road',
      'address_primary.city': 'Toronto',
      'address_primary.country_id:name': 'CA',
      'address_primary.country_id:label': 'Canada',
      'address_primary.state_province_id:abbr': 'ON',
      'address_primary.state_province_id:name': 'Ontario',
      employer_id: 1,
      'employer_id.display_name': 'Acme Widgets Ltd',
      'contact_type:label': 'Individual',
      'preferred_language:label': 'English (United States)',
    });
  });

  it('returns explicit nulls for every key of a missing join target', async () => {
    const [emma] = await values('Contact', {
      select: ['address_primary.city', 'address_primary.country_id:name', 'employer_id.display_name', 'email_primary'],
      where: [['id', '=', 40]],
    });
    expect(emma).toEqual({
      id: 40,
      'address_primary.city': null,
      'address_primary.country_id:name': null,
      'employer_id.display_name': null,
      email_primary: expect.any(Number),
    });
  });

  it('uses real Civi ids for countries and states', async () => {
    const [bob] = await values('Contact', {
      select: ['address_primary.country_id', 'address_primary.state_province_id'],
      where: [['id', '=', 10]],
    });
    expect(bob).toEqual({ id: 10, 'address_primary.country_id': 1228, 'address_primary.state_province_id': 1012 });
    expect(await values('Country', { select: ['name', 'iso_code'], where: [['iso_code', 'IN', ['US', 'CA', 'GB']]] })).toEqual([
      { id: 1039, name: 'Canada', iso_code: 'CA' },
      { id: 1226, name: 'United Kingdom', iso_code: 'GB' },
      { id: 1228, name: 'United States', iso_code: 'US' },
    ]);
  });

  it('expands email_primary.* to every Email field, prefixed', async () => {
    const [row] = await values('Contact', { select: ['email_primary.*'], where: [['id', '=', 9]] });
    expect(Object.keys(row ?? {})).toEqual([
      'id',
      'email_primary.id',
      'email_primary.contact_id',
      'email_primary.location_type_id',
      'email_primary.email',
      'email_primary.is_primary',
      'email_primary.is_billing',
      'email_primary.on_hold',
      'email_primary.is_bulkmail',
      'email_primary.hold_date',
      'email_primary.reset_date',
      'email_primary.signature_text',
      'email_primary.signature_html',
    ]);
    expect(row).toMatchObject({ 'email_primary.on_hold': 0, 'email_primary.is_primary': true });
  });

  it('joins from child entities to the contact, and from contributions to their types', async () => {
    const emails = await values('Email', { select: ['email', 'is_primary', 'contact_id.display_name'], where: [['contact_id', '=', 10]] });
    expect(emails).toEqual([
      { id: expect.any(Number), email: 'bob@bakerfamily.example', is_primary: false, 'contact_id.display_name': 'Bob Baker' },
      { id: expect.any(Number), email: 'bob.baker@example.org', is_primary: true, 'contact_id.display_name': 'Bob Baker' },
    ]);
    const [gift] = await values('Contribution', {
      select: ['total_amount', 'financial_type_id:name', 'contribution_status_id:label', 'payment_instrument_id:name', 'financial_type_id.is_deductible'],
      where: [['id', '=', 1]],
    });
    expect(gift).toEqual({
      id: 1,
      total_amount: 25,
      'financial_type_id:name': 'Donation',
      'contribution_status_id:label': 'Completed',
      'payment_instrument_id:name': 'Credit Card',
      'financial_type_id.is_deductible': true,
    });
  });

  it('silently ignores unknown select fields and suffixes on fields without options', async () => {
    const [row] = await values('Contact', { select: ['display_name', 'no_such_field', 'first_name:label', 'email_primary.nope'], where: [['id', '=', 9]] });
    expect(row).toEqual({ id: 9, display_name: 'Alice Anderson' });
  });

  it('supports wildcards such as do_not_*', async () => {
    const [row] = await values('Contact', { select: ['do_not_*'], where: [['id', '=', 43]] });
    expect(row).toEqual({ id: 43, do_not_email: true, do_not_phone: false, do_not_mail: false, do_not_sms: false, do_not_trade: false });
  });
});

describe('default select', () => {
  it('returns every core Contact column with typed values', async () => {
    const [row] = await values('Contact', { where: [['id', '=', 9]] });
    expect(row).toMatchObject({
      id: 9,
      contact_type: 'Individual',
      first_name: 'Alice',
      last_name: 'Anderson',
      display_name: 'Alice Anderson',
      sort_name: 'Anderson, Alice',
      employer_id: 1,
      organization_name: 'Acme Widgets Ltd',
      is_opt_out: false,
      do_not_email: false,
      preferred_language: 'en_US',
      external_identifier: 'LEGACY-0001',
      birth_date: '1985-04-12',
      is_deleted: false,
      api_key: null,
      created_date: '2026-01-05 09:08:00',
    });
    expect(row).not.toHaveProperty('email_primary');
    // A real 5.77 returned 47 keys too (not the same 47: no contact_sub_type etc. here).
    expect(Object.keys(row ?? {})).toHaveLength(47);
  });

  it('returns the 29 Address columns', async () => {
    const [row] = await values('Address', { where: [['contact_id', '=', 9]] });
    expect(Object.keys(row ?? {})).toHaveLength(29);
  });
});

describe('orderBy, limit and offset', () => {
  it('orders by several keys and pages with limit/offset; limit 0 means all', async () => {
    const page = await values('Contact', { select: ['sort_name'], where: [['contact_type', '=', 'Organization']], orderBy: { sort_name: 'ASC' }, limit: 2, offset: 1 });
    expect(page.map((r) => r.sort_name)).toEqual(['Globex Corporation', 'Initech']);
    const all = await values('Contact', { select: ['id'], limit: 0 });
    expect(all).toHaveLength(47);
    const desc = await values('Contact', { select: ['id'], where: [['id', '<', 5]], orderBy: { contact_type: 'ASC', id: 'DESC' } });
    expect(desc.map((r) => r.id)).toEqual([4, 3, 2, 1]);
  });

  it('sorts text with the collation (accents do not push names to the end) and by joined fields', async () => {
    const names = await values('Contact', { select: ['last_name'], where: [['last_name', 'IN', ['Zhang', 'Ångström', 'Anderson', 'Baker']]], orderBy: { last_name: 'ASC' } });
    expect(names.map((r) => r.last_name)).toEqual(['Anderson', 'Ångström', 'Baker', 'Zhang']);
    const byCity = await values('Contact', { select: ['address_primary.city'], where: [['id', 'IN', [9, 10, 11]]], orderBy: { 'address_primary.city': 'DESC' } });
    expect(byCity.map((r) => r['address_primary.city'])).toEqual(['Toronto', 'San Francisco', 'Chicago']);
  });

  it('rejects an unknown field or a bad direction', async () => {
    expect((await callApi(sim, 'Contact', 'get', { orderBy: { no_such_field: 'ASC' } })).json).toEqual({
      error_code: 0,
      error_message: "Invalid field 'no_such_field'",
      status: 500,
    });
    expect((await callApi(sim, 'Contact', 'get', { orderBy: { id: 'SIDEWAYS' } })).json).toEqual({
      error_code: 0,
      error_message: 'Invalid sort direction. Cannot order by id SIDEWAYS',
      status: 500,
    });
  });
});

describe('getFields', () => {
  it('lists fields with their data types, and options on request', async () => {
    const fields = await callApi(sim, 'Contact', 'getFields', { select: ['name', 'data_type', 'type'] });
    const list = fields.json?.values as Array<Record<string, unknown>>;
    expect(list).toContainEqual({ name: 'modified_date', data_type: 'Timestamp', type: 'Field' });
    expect(list).toContainEqual({ name: 'email_primary', data_type: 'Integer', type: 'Extra' });
    const phone = await callApi(sim, 'Phone', 'getFields', { loadOptions: true });
    const type = (phone.json?.values as Array<Record<string, unknown>>).find((f) => f.name === 'phone_type_id');
    expect(type?.options).toMatchObject({ '1': 'Phone', '2': 'Mobile', '3': 'Fax' });
  });
});
