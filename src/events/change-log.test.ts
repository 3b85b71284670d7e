import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from './change-log.js';

const T0 = DateTime.fromISO('2025-01-01T00:00:00.000Z', { zone: 'utc' });

async function* entries(keyv: Keyv): AsyncIterable<[string, unknown]> {
  yield* keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>;
}

function newKeyv(): Keyv {
  return new Keyv({ store: new Map(), namespace: 'changelog', throwOnErrors: true });
}

describe('ChangeLog', () => {
  it('appends with strictly increasing cursors that sort as strings, and reads after a cursor', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv), { now: () => T0 });
    expect(log.lastCursor).toBeNull();
    const appended = [];
    for (let i = 0; i < 12; i++) {
      appended.push(await log.append({ entity: 'PERSON', id: `per_${i}`, op: 'UPDATED', origin: 'CIVICRM', changedFields: ['emails'] }));
    }
    const cursors = appended.map((e) => e.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    expect(new Set(cursors).size).toBe(12);
    expect(log.after(null, 3).map((e) => e.id)).toEqual(['per_0', 'per_1', 'per_2']);
    expect(log.after(cursors[9]!, 10).map((e) => e.id)).toEqual(['per_10', 'per_11']);
    expect(log.after(cursors[11]!, 10)).toEqual([]);
    expect(appended[0]).toEqual({ cursor: cursors[0], at: T0, entity: 'PERSON', id: 'per_0', op: 'UPDATED', origin: 'CIVICRM', changedFields: ['emails'], mergedIds: [], key: null });
  });

  it('survives a restart and continues the sequence', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv), { now: () => T0 });
    const merged = await log.append({ entity: 'PERSON', id: 'per_a', op: 'MERGED', origin: null, changedFields: ['sources'], mergedIds: ['per_b'] });
    const restarted = await ChangeLog.load(keyv, entries(keyv));
    expect(restarted.after(null, 10)).toEqual([merged]);
    const next = await restarted.append({ entity: 'ORGANIZATION', id: 'org_a', op: 'CREATED', origin: 'VTIGER', changedFields: ['name'] });
    expect(next.cursor > merged.cursor).toBe(true);
    expect(restarted.lastCursor).toBe(next.cursor);
  });

  it('refuses a cursor it did not hand out, naming the argument', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv));
    expect(() => log.after('abc', 10)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after', message: 'Argument "after" must be a change cursor returned by the change feed, but got: "abc"' }));
    // A well-formed cursor the log has not handed out yet (another store's) would hold back every change up to it.
    expect(() => log.after('0000000000000007', 10)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after', message: expect.stringContaining('the newest is none yet') }));
    const first = await log.append({ entity: 'PERSON', id: 'per_a', op: 'CREATED', origin: null, changedFields: ['givenName'] });
    expect(log.after(first.cursor, 10)).toEqual([]);
    expect(() => log.after('0000000000000002', 10)).toThrow(expect.objectContaining({ argument: 'after', message: expect.stringContaining(`the newest is ${first.cursor}`) }));
  });
  it('skips an append whose key an entry in the log carries, across a restart too', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv), { now: () => T0 });
    const first = await log.append({ entity: 'PERSON', id: 'per_a', op: 'UPDATED', origin: 'VTIGER', changedFields: ['emails'], key: 'k1' });
    expect(await log.append({ entity: 'PERSON', id: 'per_a', op: 'UPDATED', origin: 'VTIGER', changedFields: ['emails'], key: 'k1' })).toBe(first);
    const restarted = await ChangeLog.load(keyv, entries(keyv), { now: () => T0 });
    await restarted.append({ entity: 'PERSON', id: 'per_a', op: 'UPDATED', origin: 'VTIGER', changedFields: ['emails'], key: 'k1' });
    expect(restarted.after(null, 10)).toEqual([first]);
  });

  it('tells listeners of each entry once it is stored, before append resolves, in order', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv), { now: () => T0 });
    const heard: string[] = [];
    const stop = log.subscribe((entry) => heard.push(entry.cursor));
    log.subscribe(() => {
      throw new Error('a broken listener');
    });
    const a = await log.append({ entity: 'PERSON', id: 'per_a', op: 'CREATED', origin: null, changedFields: ['givenName'] });
    expect(heard).toEqual([a.cursor]);
    stop();
    await log.append({ entity: 'PERSON', id: 'per_a', op: 'DELETED', origin: null, changedFields: [] });
    expect(heard).toEqual([a.cursor]);
  });

  it('prunes entries past the retention from memory and the store, keeps the newest, and refuses a cursor before them', async () => {
    const keyv = newKeyv();
    let now = T0;
    const log = await ChangeLog.load(keyv, entries(keyv), { now: () => now, retentionMs: 3_600_000 });
    const old1 = await log.append({ entity: 'PERSON', id: 'per_1', op: 'CREATED', origin: null, changedFields: ['givenName'], key: 'old' });
    const old2 = await log.append({ entity: 'PERSON', id: 'per_2', op: 'CREATED', origin: null, changedFields: ['givenName'] });
    now = T0.plus({ minutes: 50 });
    const recent = await log.append({ entity: 'PERSON', id: 'per_3', op: 'CREATED', origin: null, changedFields: ['givenName'] });
    now = T0.plus({ minutes: 61 });
    expect(await log.prune()).toBe(2);
    expect(log.after(null, 10)).toEqual([recent]);
    expect(await keyv.get(old1.cursor)).toBeUndefined();
    // The cursor just before the oldest kept misses nothing; an older one would.
    expect(log.after(old2.cursor, 10)).toEqual([recent]);
    expect(() => log.after(old1.cursor, 10)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }));
    // The pruned key no longer suppresses an append.
    expect((await log.append({ entity: 'PERSON', id: 'per_1', op: 'UPDATED', origin: null, changedFields: ['givenName'], key: 'old' })).cursor > recent.cursor).toBe(true);

    now = T0.plus({ days: 30 });
    const restarted = await ChangeLog.load(keyv, entries(keyv), { now: () => now, retentionMs: 3_600_000 });
    expect(restarted.size).toBe(1);
    const next = await restarted.append({ entity: 'PERSON', id: 'per_4', op: 'CREATED', origin: null, changedFields: ['givenName'] });
    expect(Number(next.cursor)).toBe(Number(recent.cursor) + 2);
  });
});
