// CiviCRM-specific write behaviour over real HTTP: patches, child-row reconciliation, per-item
// outcomes, trash.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnifiedPerson } from '../../src/model/entities.js';
import { startCiviCrmTestEnv, type CiviCrmTestEnv } from './civicrm-test-env.js';

let env: CiviCrmTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const person: UnifiedPerson = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  emails: [
    { address: 'ada@home.example', primary: true, status: 'SUBSCRIBED' },
    { address: 'ada@work.example', primary: false, status: 'SUBSCRIBED' },
  ],
  phones: [{ number: '+442079460958', kind: 'WORK', primary: true }],
  addresses: [],
  languages: ['en'],
  birthDate: '1815-12-10',
  tags: [],
  customFields: null,
  organizationRef: null,
};

const emailRows = (env: CiviCrmTestEnv, contactId: number) =>
  env.sim.db.list('Email').filter((row) => row.contact_id === contactId).map((row) => ({ id: row.id, email: row.email, is_primary: row.is_primary }));

/** The calls of every batch the connector sent since the log was cleared. */
const batchCalls = (env: CiviCrmTestEnv) =>
  env.sim.requests.entries
    .filter((r) => r.method === 'POST')
    .flatMap((r) => Object.values(JSON.parse(new URLSearchParams(r.body).get('calls') ?? '{}') as Record<string, [string, string]>))
    .map(([entity, action]) => `${entity}.${action}`);

async function created(env: CiviCrmTestEnv, data: UnifiedPerson = person): Promise<number> {
  const [outcome] = await env.connector.create('PERSON', [data]);
  if (!outcome?.ok) throw outcome?.error;
  return Number(outcome.remoteId);
}

describe('update', () => {
  it('writes only the patched fields', async () => {
    env = await startCiviCrmTestEnv();
    const id = await created(env);
    const before = emailRows(env, id);
    env.sim.requests.clear();
    const [outcome] = await env.connector.update('PERSON', [{ remoteId: String(id), patch: { givenName: 'Augusta Ada' } }]);
    expect(outcome).toMatchObject({ ok: true, status: 'UPDATED', record: { data: { givenName: 'Augusta Ada', familyName: 'Lovelace' } } });
    expect(batchCalls(env)).toEqual(['Contact.get', 'Email.get', 'Phone.get', 'Address.get', 'Contact.update', 'Contact.get', 'Email.get', 'Phone.get', 'Address.get']);
    expect(emailRows(env, id)).toEqual(before);
  });

  it('replaces emails sensibly: kept rows keep their ids, the primary moves, leftovers go', async () => {
    env = await startCiviCrmTestEnv();
    const id = await created(env);
    const [home, work] = emailRows(env, id);
    const emails = [
      { address: 'ADA@work.example', primary: true, status: 'SUBSCRIBED' as const },
      { address: 'ada@new.example', primary: false, status: 'BOUNCING' as const },
    ];
    const [outcome] = await env.connector.update('PERSON', [{ remoteId: String(id), patch: { emails } }]);
    expect(outcome?.ok && outcome.record?.data.emails).toEqual([
      { address: 'ada@new.example', primary: false, status: 'BOUNCING' },
      { address: 'ADA@work.example', primary: true, status: 'SUBSCRIBED' },
    ]);
    // The work row is the same row; the home row was reused for the new address.
    expect(emailRows(env, id)).toEqual([
      { id: home?.id, email: 'ada@new.example', is_primary: false },
      { id: work?.id, email: 'ADA@work.example', is_primary: true },
    ]);
    await env.connector.update('PERSON', [{ remoteId: String(id), patch: { emails: [] } }]);
    expect(emailRows(env, id)).toEqual([]);
  });

  it('marks the contact "No Bulk Emails" for an unsubscribed address, and clears it again', async () => {
    env = await startCiviCrmTestEnv();
    const id = await created(env);
    await env.connector.update('PERSON', [{ remoteId: String(id), patch: { emails: [{ address: 'ada@home.example', primary: true, status: 'UNSUBSCRIBED' }] } }]);
    expect(env.sim.db.find('Contact', id)?.is_opt_out).toBe(true);
    const [outcome] = await env.connector.update('PERSON', [{ remoteId: String(id), patch: { emails: [{ address: 'ada@home.example', primary: true, status: 'SUBSCRIBED' }] } }]);
    expect(env.sim.db.find('Contact', id)?.is_opt_out).toBe(false);
    expect(outcome?.ok && outcome.record?.data.emails[0]?.status).toBe('SUBSCRIBED');
  });

  it('gives each input its own outcome: unknown, trashed, bad reference, fine', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const outcomes = await env.connector.update('PERSON', [
      { remoteId: '999', patch: { givenName: 'X' } },
      { remoteId: '47', patch: { givenName: 'X' } },
      { remoteId: '10', patch: { organizationRef: 'acme' } },
      { remoteId: '1', patch: { givenName: 'X' } },
      { remoteId: '9', patch: { familyName: 'Anderson-Smythe' } },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.status : o.error.code))).toEqual(['NOT_FOUND', 'NOT_FOUND', 'BAD_USER_INPUT', 'NOT_FOUND', 'UPDATED']);
    expect(outcomes[0]).toMatchObject({ ok: false, error: { message: 'CIVICRM has no person with id "999"' } });
  });

  it('keeps a social-media website when the organization website changes', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    env.sim.db.insert('Website', { contact_id: 1, url: 'https://facebook.com/acme', 'website_type_id:name': 'Facebook' });
    env.sim.db.insert('Website', { contact_id: 1, url: 'https://old.acme.example', 'website_type_id:name': 'Work' });
    const [outcome] = await env.connector.update('ORGANIZATION', [{ remoteId: '1', patch: { website: 'https://acme.example' } }]);
    expect(outcome?.ok && outcome.record?.data.website).toBe('https://acme.example');
    expect(env.sim.db.list('Website').map((w) => w.url)).toEqual(['https://facebook.com/acme', 'https://acme.example']);
  });

  it('replaces a donation’s line items with its designations', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const designations = [
      { name: 'Clean Water', amount: { amount: '15.00', currency: 'CAD' } },
      { name: 'Schools', amount: { amount: '10.00', currency: 'CAD' } },
    ];
    const [outcome] = await env.connector.update('DONATION', [{ remoteId: '1', patch: { designations } }]);
    expect(outcome?.ok && outcome.record?.data.designations).toEqual(designations);
    const items = env.sim.db.list('LineItem').filter((l) => l.contribution_id === 1);
    expect(items.map((l) => [l.label, l.line_total, l.financial_type_id])).toEqual([
      ['Clean Water', 15, 1],
      ['Schools', 10, 1],
    ]);
  });
});

describe('create', () => {
  it('round-trips empty and missing values through CiviCRM, not replaced by site defaults', async () => {
    env = await startCiviCrmTestEnv();
    const empty: UnifiedPerson = { ...person, givenName: '', familyName: null, emails: [], phones: [], languages: [], birthDate: null };
    const [outcome] = await env.connector.create('PERSON', [empty]);
    const [loaded] = await env.connector.load('PERSON', [outcome?.ok ? outcome.remoteId : '']);
    expect(loaded?.data).toEqual(empty);
  });

  it('creates several records in a few batched requests, failing only the bad one', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const donation = { amount: { amount: '20.00', currency: 'USD' }, receivedAt: DateTime.utc(2025, 2, 1), designations: [], recurring: false };
    env.sim.requests.clear();
    const outcomes = await env.connector.create('DONATION', [
      { ...donation, donorRef: '9' },
      { ...donation, donorRef: '999999' },
      { ...donation, donorRef: null },
      { ...donation, donorRef: '10', designations: [{ name: 'Donation', amount: { amount: '20.00', currency: 'USD' } }] },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.status : o.error.code))).toEqual(['CREATED', 'UPSTREAM_REJECTED', 'BAD_USER_INPUT', 'CREATED']);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { message: expect.stringContaining('DB Error') } });
    expect(env.sim.requests.count()).toBe(4);
    expect(outcomes[0]).toMatchObject({ ok: true, record: { data: { donorRef: '9', amount: { amount: '20.00', currency: 'USD' } } } });
  });
});

describe('delete', () => {
  it('moves a contact to the trash: it loads as null and lists as a deletion', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const [outcome] = await env.connector.delete('PERSON', ['9']);
    expect(outcome).toEqual({ ok: true, status: 'DELETED', remoteId: '9', record: null });
    expect(env.sim.db.find('Contact', 9)?.is_deleted).toBe(true);
    expect(await env.connector.load('PERSON', ['9'])).toEqual([null]);
    const deleted: string[] = [];
    for await (const page of env.connector.listChanged('PERSON', null)) deleted.push(...page.deletedIds);
    expect(deleted).toEqual(expect.arrayContaining(['9', '47']));
  });

  it('refuses to delete a contact of the other type or an unknown id', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const outcomes = await env.connector.delete('PERSON', ['1', 'nope', '4242']);
    expect(outcomes.map((o) => !o.ok && o.error.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(env.sim.db.find('Contact', 1)?.is_deleted).toBe(false);
  });
});
