import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SyncCursors } from './sync-cursors.js';

const T0 = DateTime.fromISO('2024-01-01T00:00:00.000Z', { zone: 'utc' });

describe('SyncCursors', () => {
  it('starts with no cursor, stores cursor and last run per system and entity, and loads them again', async () => {
    const keyv = new Keyv({ store: new Map(), namespace: 'cursors', throwOnErrors: true });
    let clock = T0;
    const cursors = await SyncCursors.load(keyv, (async function* () {})(), () => clock);
    expect(cursors.get('CIVICRM', 'PERSON')).toEqual({ system: 'CIVICRM', entity: 'PERSON', cursor: null, cursorSetAt: null, lastRunAt: null });

    await cursors.set('CIVICRM', 'PERSON', '2024-01-01 00:00:00|42');
    clock = T0.plus({ seconds: 5 });
    await cursors.markRun('CIVICRM', 'PERSON');
    await cursors.set('VTIGER', 'ORGANIZATION', '17');
    expect(cursors.get('CIVICRM', 'PERSON')).toEqual({ system: 'CIVICRM', entity: 'PERSON', cursor: '2024-01-01 00:00:00|42', cursorSetAt: T0, lastRunAt: clock });
    expect(cursors.get('CIVICRM', 'ORGANIZATION').cursor).toBeNull();
    expect(cursors.list().map((c) => `${c.system}:${c.entity}`).sort()).toEqual(['CIVICRM:PERSON', 'VTIGER:ORGANIZATION']);

    const stored: [string, unknown][] = [];
    for await (const entry of keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>) stored.push(entry);
    const restarted = await SyncCursors.load(keyv, (async function* () {
      yield* stored;
    })());
    expect(restarted.get('CIVICRM', 'PERSON')).toEqual(cursors.get('CIVICRM', 'PERSON'));
    expect(restarted.get('VTIGER', 'ORGANIZATION').cursor).toBe('17');
  });

  it('forgets a cursor when set to null, so the next listing is full', async () => {
    const cursors = await SyncCursors.load(new Keyv({ store: new Map(), namespace: 'cursors' }), (async function* () {})());
    await cursors.set('CIVICRM', 'PERSON', '9');
    await cursors.set('CIVICRM', 'PERSON', null);
    expect(cursors.get('CIVICRM', 'PERSON')).toMatchObject({ cursor: null, cursorSetAt: null });
  });
});
