// CiviCRM-specific read behaviour over real HTTP: batched loads, trash, keyset paging, time zones.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangePage } from '../connector.js';
import type { EntityType } from '../../src/model/system.js';
import type { CiviCrmConnector } from './connector.js';
import { startCiviCrmTestEnv, type CiviCrmTestEnv } from './civicrm-test-env.js';

let env: CiviCrmTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function pages<E extends EntityType>(connector: CiviCrmConnector, entity: E, cursor: string | null): Promise<ChangePage<E>[]> {
  const all: ChangePage<E>[] = [];
  for await (const page of connector.listChanged(entity, cursor)) all.push(page);
  return all;
}

const paramsOf = (env: CiviCrmTestEnv, i: number) => JSON.parse(env.sim.requests.entries[i]?.query.get('params') ?? '{}') as Record<string, unknown>;

describe('load', () => {
  it('loads 50 people with their emails, phones and addresses in one HTTP request, in key order', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    // Demo: organizations are 1–8, people 9–48, 47 is in the trash.
    const keys = [...Array.from({ length: 40 }, (_, i) => String(48 - i)), '1', 'abc', '999', '47', '0', '9', ' 9', '-3', '1e2', '12'];
    const records = await env.connector.load('PERSON', keys);
    expect(env.sim.requests.count()).toBe(1);
    expect(records).toHaveLength(50);
    expect(records.map((r) => r?.remoteId ?? null)).toEqual(keys.map((k) => (/^\d+$/.test(k) && +k >= 9 && +k <= 48 && k !== '47' ? k : null)));
    expect(records[keys.indexOf('9')]?.data).toMatchObject({ givenName: 'Alice', organizationRef: '1', emails: [{ address: 'alice.anderson@example.org' }] });
  });

  it('does not ask CiviCRM about ids that cannot be CiviCRM ids', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    expect(await env.connector.load('PERSON', ['abc', '', '12x34'])).toEqual([null, null, null]);
    expect(env.sim.requests.count()).toBe(0);
  });

  it('returns null for a trashed contact, although CiviCRM returns it when asked by id', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    expect(await env.connector.load('PERSON', ['47'])).toEqual([null]);
    const [contact] = await env.client.get('Contact', { select: ['is_deleted'], where: [['id', '=', 47]] });
    expect(contact).toEqual({ id: 47, is_deleted: true });
  });

  it('keeps people and organizations apart', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const [org, person] = await env.connector.load('ORGANIZATION', ['1', '9']);
    expect(org?.data).toMatchObject({ name: 'Acme Widgets Ltd' });
    expect(person).toBeNull();
  });
});

describe('listChanged', () => {
  it('names is_deleted so trashed contacts come back as deletions', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const listed = await pages(env.connector, 'PERSON', null);
    expect(listed.flatMap((p) => p.deletedIds)).toEqual(['47']);
    expect(listed.flatMap((p) => p.records.map((r) => r.remoteId))).not.toContain('47');
    expect(listed.flatMap((p) => p.records)).toHaveLength(39);
    expect(paramsOf(env, 0)['where']).toContainEqual(['is_deleted', 'IN', [true, false]]);
  });

  it('pages through rows sharing one modified_date second without skipping or repeating any', async () => {
    const at = new Date(Date.UTC(2025, 4, 1, 12, 0, 0));
    env = await startCiviCrmTestEnv({
      sim: { seed: (db) => Array.from({ length: 25 }, (_, i) => db.insert('Contact', { first_name: `Same${i}` }, { at })) },
    });
    const listed = await pages(env.connector, 'PERSON', null);
    expect(listed.map((p) => p.records.length)).toEqual([10, 10, 5]);
    const ids = listed.flatMap((p) => p.records.map((r) => Number(r.remoteId)));
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(listed.map((p) => p.cursor))).toEqual(new Set(['modified_date|2025-05-01 12:00:00']));
  });

  it('resumes from a cursor with >= its second, so later writes in that second are not missed', async () => {
    env = await startCiviCrmTestEnv({
      sim: {
        seed: (db) => {
          db.insert('Contact', { first_name: 'Old' }, { at: new Date(Date.UTC(2025, 0, 1)) });
          db.insert('Contact', { first_name: 'Edge' }, { at: new Date(Date.UTC(2025, 0, 2)) });
        },
      },
    });
    const [first] = await pages(env.connector, 'PERSON', null);
    expect(first?.cursor).toBe('modified_date|2025-01-02 00:00:00');
    env.sim.db.insert('Contact', { first_name: 'SameSecond' }, { at: new Date(Date.UTC(2025, 0, 2)) });
    env.sim.db.insert('Contact', { first_name: 'Later' }, { at: new Date(Date.UTC(2025, 0, 3)) });
    const again = await pages(env.connector, 'PERSON', first?.cursor ?? null);
    expect(again.flatMap((p) => p.records.map((r) => r.data.givenName))).toEqual(['Edge', 'SameSecond', 'Later']);
  });

  it('falls back to receive_date for contributions before CiviCRM 6.9 (no modified_date)', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    const invalid = JSON.stringify({ error_code: 0, error_message: "Invalid field 'modified_date'", status: 500 });
    // Answers like a 5.x site to every Contribution query naming modified_date.
    env.sim.faults.inject({
      kind: 'status',
      status: 200,
      body: invalid,
      times: Infinity,
      match: (r) => r.path.endsWith('/Contribution/get') && /"modified_date"\s*,\s*"IS NOT NULL"|\{"modified_date"/.test(r.query.get('params') ?? ''),
    });
    const listed = await pages(env.connector, 'DONATION', null);
    const records = listed.flatMap((p) => p.records);
    expect(records.length).toBeGreaterThan(10);
    const received = records.map((r) => r.data.receivedAt.toMillis());
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(listed.at(-1)?.cursor).toMatch(/^receive_date\|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // A cursor from the other column is not misread: the listing starts over.
    const restarted = await pages(env.connector, 'DONATION', 'modified_date|2099-01-01 00:00:00');
    expect(restarted.flatMap((p) => p.records)).toHaveLength(records.length);
  });
});

describe('time zones (CIVICRM_TIMEZONE=America/New_York)', () => {
  it('reads naive site-local dates as the right UTC instants, winter and summer', async () => {
    env = await startCiviCrmTestEnv({
      sim: {
        timeZone: 'America/New_York',
        seed: (db) => {
          const id = db.insert('Contact', { first_name: 'Winter' }, { at: new Date(Date.UTC(2025, 0, 15, 17, 0, 0)) }).id;
          db.update('Contact', id as number, { last_name: 'Summer' }, { at: new Date(Date.UTC(2025, 6, 15, 16, 0, 0)) });
          db.insert('Contribution', { contact_id: id, total_amount: 5, 'financial_type_id:name': 'Donation', receive_date: '2025-03-09 02:30:00' });
        },
      },
    });
    const [person] = await env.connector.load('PERSON', ['1']);
    expect(person?.createdAt?.toISO()).toBe('2025-01-15T17:00:00.000Z');
    expect(person?.modifiedAt?.toISO()).toBe('2025-07-15T16:00:00.000Z');
    const [raw] = await env.client.get('Contact', { select: ['created_date', 'modified_date'], where: [['id', '=', 1]] });
    expect(raw).toMatchObject({ created_date: '2025-01-15 12:00:00', modified_date: '2025-07-15 12:00:00' });
    // 02:30 does not exist that night (DST starts); it reads as 03:30 EDT.
    const [donation] = await env.connector.load('DONATION', ['1']);
    expect(donation?.data.receivedAt.toISO()).toBe('2025-03-09T07:30:00.000Z');
    const [page] = await pages(env.connector, 'PERSON', null);
    expect(page?.cursor).toBe('modified_date|2025-07-15 12:00:00');
  });

  it('writes receivedAt as the site-local time', async () => {
    env = await startCiviCrmTestEnv({ sim: { timeZone: 'America/New_York', seed: (db) => db.insert('Contact', { first_name: 'Donor' }) } });
    const receivedAt = DateTime.fromISO('2025-07-15T14:30:00Z', { zone: 'utc' });
    const [outcome] = await env.connector.create('DONATION', [{ amount: { amount: '5.00', currency: 'USD' }, receivedAt, donorRef: '1', designations: [], recurring: false }]);
    expect(outcome).toMatchObject({ ok: true, status: 'CREATED' });
    const id = outcome?.ok ? Number(outcome.remoteId) : 0;
    expect(env.sim.db.read('Contribution', id, ['receive_date'])).toEqual({ receive_date: '2025-07-15 10:30:00' });
    expect(outcome?.ok && outcome.record?.data.receivedAt.toISO()).toBe('2025-07-15T14:30:00.000Z');
  });
});

describe('health', () => {
  it('asks for the row count only, authenticated', async () => {
    env = await startCiviCrmTestEnv({ sim: { seed: 'demo' } });
    await env.connector.health();
    expect(env.sim.requests.count()).toBe(1);
    expect(paramsOf(env, 0)).toEqual({ select: ['row_count'], limit: 1 });
  });
});
