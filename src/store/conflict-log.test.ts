import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { mapKeyv, storedEntries, storedKeys } from '../../test/support/map-keyv.js';
import type { NewSyncConflict } from '../sync/sync-conflict.js';
import { ConflictLog } from './conflict-log.js';
import { STORE_NAMESPACES } from './keyv-backend.js';
import { openStore } from './open-store.js';

const T0 = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });
const DAY = 24 * 3_600_000;

const newKeyv = () => mapKeyv('conflicts');
const entries = storedEntries;

function conflict(field: string, overrides: Partial<NewSyncConflict> = {}): NewSyncConflict {
  return {
    entity: 'PERSON',
    unifiedId: 'per_a',
    field,
    values: [
      { system: 'CIVICRM', remoteId: '7', value: 'Ada', modifiedAt: T0.minus({ minutes: 2 }) },
      { system: 'VTIGER', remoteId: '12x7', value: 'Adah', modifiedAt: T0.minus({ minutes: 1 }) },
    ],
    winner: 'VTIGER',
    rule: 'LATER_MODIFICATION',
    ...overrides,
  };
}

describe('ConflictLog', () => {
  it('stamps conflicts now with ids in record order, and lists them newest first', async () => {
    let now = T0;
    const keyv = newKeyv();
    const log = await ConflictLog.load(keyv, entries(keyv), { now: () => now });
    const [a, b] = await log.record([conflict('givenName'), conflict('familyName')]);
    now = T0.plus({ seconds: 1 });
    const [c] = await log.record([conflict('emails')]);
    expect(a).toEqual({ ...conflict('givenName'), id: expect.stringMatching(/^cf_/), at: T0 });
    expect(c!.at).toEqual(now);
    expect(a!.id < b!.id && b!.id < c!.id).toBe(true);
    expect(log.list()).toEqual([c, b, a]);
    expect(log.count).toBe(3);
    expect(await log.record([])).toEqual([]);
  });

  it("keeps values of any JSON shape and each side's modification time across a restart", async () => {
    const keyv = newKeyv();
    const log = await ConflictLog.load(keyv, entries(keyv), { now: () => T0 });
    const emails = [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }];
    const [recorded] = await log.record([
      conflict('emails', {
        values: [
          { system: 'ACTION_NETWORK', remoteId: 'an-1', value: emails, modifiedAt: null },
          { system: 'CIVICRM', remoteId: '7', value: null, modifiedAt: T0.minus({ hours: 1 }) },
        ],
        winner: 'CIVICRM',
        rule: 'SYSTEM_PRIORITY',
      }),
    ]);
    const restarted = await ConflictLog.load(keyv, entries(keyv), { now: () => T0 });
    expect(restarted.list()).toEqual([recorded]);
    const [an, civi] = restarted.list()[0]!.values;
    expect(an).toEqual({ system: 'ACTION_NETWORK', remoteId: 'an-1', value: emails, modifiedAt: null });
    expect(civi!.modifiedAt!.toISO()).toBe('2026-03-01T08:00:00.000Z');
    expect(restarted.list()[0]!.at.toISO()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('prunes conflicts past the retention from memory and the store, at load and on request', async () => {
    let now = T0;
    const keyv = newKeyv();
    const log = await ConflictLog.load(keyv, entries(keyv), { now: () => now, retentionMs: DAY });
    const [old] = await log.record([conflict('givenName')]);
    now = T0.plus({ hours: 20 });
    const [recent] = await log.record([conflict('familyName')]);
    now = T0.plus({ hours: 25 });
    expect(await log.prune()).toBe(1);
    expect(log.list()).toEqual([recent]);
    expect(await storedKeys(keyv)).toEqual([recent!.id]);
    expect(await log.prune()).toBe(0);
    expect(old!.id < recent!.id).toBe(true);
    now = T0.plus({ hours: 45 });
    const restarted = await ConflictLog.load(keyv, entries(keyv), { now: () => now, retentionMs: DAY });
    expect(restarted.count).toBe(0);
    expect(await storedKeys(keyv)).toEqual([]);
  });

  it('keeps conflicts as long as the change log keeps changes by default', async () => {
    let now = T0;
    const keyv = newKeyv();
    const log = await ConflictLog.load(keyv, entries(keyv), { now: () => now });
    await log.record([conflict('givenName')]);
    now = T0.plus({ days: 7 });
    expect(await log.prune()).toBe(0);
    now = T0.plus({ days: 7, milliseconds: 1 });
    expect(await log.prune()).toBe(1);
  });

  it('refuses a retention that is not a positive whole number, and a stored value that is not a conflict', async () => {
    const keyv = newKeyv();
    await expect(ConflictLog.load(keyv, entries(keyv), { retentionMs: 1.5 })).rejects.toMatchObject({ code: 'CONFIG', message: 'retentionMs must be a positive whole number of milliseconds, but got: 1.5' });
    await keyv.set('cf_x', { id: 'cf_y' });
    await expect(ConflictLog.load(keyv, entries(keyv))).rejects.toMatchObject({ code: 'INTERNAL', message: 'stored conflict "cf_x" must be a conflict with that id, but got: {"id":"cf_y"}' });
  });

  it('works over the gateway store', async () => {
    const store = await openStore('memory://');
    try {
      const log = await ConflictLog.load(store.keyv(STORE_NAMESPACES.conflicts), store.entries(STORE_NAMESPACES.conflicts));
      const recorded = await log.record([conflict('givenName', { entity: 'ORGANIZATION', unifiedId: 'org_a', field: 'name' })]);
      await log.idle();
      const restarted = await ConflictLog.load(store.keyv(STORE_NAMESPACES.conflicts), store.entries(STORE_NAMESPACES.conflicts));
      expect(restarted.list()).toEqual(recorded);
    } finally {
      await store.close();
    }
  });
});
