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
    const log = await ChangeLog.load(keyv, entries(keyv), () => T0);
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
    expect(appended[0]).toEqual({ cursor: cursors[0], at: T0, entity: 'PERSON', id: 'per_0', op: 'UPDATED', origin: 'CIVICRM', changedFields: ['emails'], mergedIds: [] });
  });

  it('survives a restart and continues the sequence', async () => {
    const keyv = newKeyv();
    const log = await ChangeLog.load(keyv, entries(keyv), () => T0);
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
  });
});
