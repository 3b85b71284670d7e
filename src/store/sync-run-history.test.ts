import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { mapKeyv, storedEntries, storedKeys } from '../../test/support/map-keyv.js';
import { ZERO_RUN_COUNTS, type SyncRun } from '../sync/sync-run.js';
import { openStore } from './open-store.js';
import { STORE_NAMESPACES } from './keyv-backend.js';
import { SyncRunHistory } from './sync-run-history.js';

const T0 = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });

const newKeyv = () => mapKeyv('sync-runs');
const entries = storedEntries;

function run(startSecond: number, overrides: Partial<Omit<SyncRun, 'id'>> = {}): Omit<SyncRun, 'id'> {
  const startedAt = T0.plus({ seconds: startSecond });
  return {
    system: 'CIVICRM',
    entity: 'PERSON',
    trigger: 'SCHEDULE',
    startedAt,
    finishedAt: startedAt.plus({ milliseconds: 250 }),
    outcome: 'SUCCEEDED',
    cursor: `c${startSecond}`,
    counts: { ...ZERO_RUN_COUNTS, pulled: startSecond },
    error: null,
    ...overrides,
  };
}

describe('SyncRunHistory', () => {
  it('lists runs newest first by start, with unique ids sorting in start order within one millisecond too', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv));
    const late = await history.record(run(5));
    const [a, b] = await history.recordMany([run(1, { entity: 'ORGANIZATION' }), run(1)]);
    expect(a!.id < b!.id && b!.id < late.id).toBe(true);
    expect(history.list().map((r) => r.id)).toEqual([late.id, b!.id, a!.id]);
    expect(late).toMatchObject({ ...run(5), id: expect.stringMatching(/^run_/) });
  });

  it('keeps every field across a restart, dates and errors included', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv));
    const failed = await history.record(run(3, { system: 'VTIGER', trigger: 'MANUAL', outcome: 'FAILED', cursor: null, counts: { ...ZERO_RUN_COUNTS, errors: 1 }, error: { code: 'UPSTREAM_AUTH', message: 'VTIGER refused the access key' } }));
    const restarted = await SyncRunHistory.load(keyv, entries(keyv));
    expect(restarted.list()).toEqual([failed]);
    expect(restarted.list()[0]!.finishedAt.toISO()).toBe('2026-03-01T09:00:03.250Z');
    expect(restarted.latest('VTIGER', 'PERSON')).toEqual(failed);
  });

  it('tells the latest and the last successful run per CRM and entity', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv));
    expect(history.latest('CIVICRM', 'PERSON')).toBeNull();
    const ok = await history.record(run(1));
    const failed = await history.record(run(2, { outcome: 'FAILED', error: { code: 'UPSTREAM_UNAVAILABLE', message: 'CIVICRM answered 503' } }));
    const otherEntity = await history.record(run(3, { entity: 'DONATION', outcome: 'STOPPED' }));
    expect(history.latest('CIVICRM', 'PERSON')).toEqual(failed);
    expect(history.lastSuccess('CIVICRM', 'PERSON')).toEqual(ok);
    expect(history.latest('CIVICRM', 'DONATION')).toEqual(otherEntity);
    expect(history.lastSuccess('CIVICRM', 'DONATION')).toBeNull();
    expect(history.latest('VTIGER', 'PERSON')).toBeNull();
  });

  it('goes by start, not by the order runs were recorded in', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv));
    const later = await history.record(run(9));
    await history.record(run(4, { outcome: 'FAILED' }));
    expect(history.latest('CIVICRM', 'PERSON')).toEqual(later);
    expect(history.list()[0]).toEqual(later);
  });

  it('keeps the newest runs up to its limit, durably, and still knows the latest and last successful ones', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv), { limit: 2 });
    const ok = await history.record(run(1));
    const failures = await history.recordMany([2, 3, 4].map((s) => run(s, { outcome: 'FAILED' })));
    expect(history.list().map((r) => r.id)).toEqual([failures[2]!.id, failures[1]!.id]);
    expect(history.lastSuccess('CIVICRM', 'PERSON')).toEqual(ok);
    expect(await storedKeys(keyv)).toEqual([failures[1]!.id, failures[2]!.id, 'latest:CIVICRM:PERSON', 'success:CIVICRM:PERSON'].sort());
    const restarted = await SyncRunHistory.load(keyv, entries(keyv), { limit: 2 });
    expect(restarted.lastSuccess('CIVICRM', 'PERSON')).toEqual(ok);
    expect(restarted.latest('CIVICRM', 'PERSON')).toEqual(failures[2]);
  });

  it('prunes at load when opened with a smaller limit', async () => {
    const keyv = newKeyv();
    const history = await SyncRunHistory.load(keyv, entries(keyv));
    const runs = await history.recordMany([run(1), run(2), run(3)]);
    const smaller = await SyncRunHistory.load(keyv, entries(keyv), { limit: 1 });
    expect(smaller.list()).toEqual([runs[2]]);
    expect((await storedKeys(keyv)).filter((key) => key.startsWith('run_'))).toEqual([runs[2]!.id]);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const keyv = newKeyv();
    await expect(SyncRunHistory.load(keyv, entries(keyv), { limit: 0 })).rejects.toMatchObject({ code: 'CONFIG', message: 'limit must be a positive whole number of runs, but got: 0' });
  });

  it('refuses a stored value that is not a run under its key', async () => {
    const keyv = newKeyv();
    await keyv.set('latest:VTIGER:PERSON', { ...run(1), id: 'run_x' });
    await expect(SyncRunHistory.load(keyv, entries(keyv))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('stored sync run "latest:VTIGER:PERSON" must be a sync run') });
  });

  it('works over the gateway store, and an empty record writes nothing', async () => {
    const store = await openStore('memory://');
    try {
      const namespace = [store.keyv(STORE_NAMESPACES.syncRuns), store.entries(STORE_NAMESPACES.syncRuns)] as const;
      const history = await SyncRunHistory.load(...namespace);
      expect(await history.recordMany([])).toEqual([]);
      const recorded = await history.record(run(1, { system: 'ACTION_NETWORK' }));
      await history.idle();
      const restarted = await SyncRunHistory.load(store.keyv(STORE_NAMESPACES.syncRuns), store.entries(STORE_NAMESPACES.syncRuns));
      expect(restarted.list()).toEqual([recorded]);
      expect(restarted.lastSuccess('ACTION_NETWORK', 'PERSON')).toEqual(recorded);
    } finally {
      await store.close();
    }
  });
});
