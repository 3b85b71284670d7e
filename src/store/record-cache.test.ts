import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RemoteRecord } from '../model/remote-record.js';
import { sampleDonation, samplePerson } from '../../test/support/sample-records.js';
import { HOT_RECORDS, RecordCache, recordContentHash } from './record-cache.js';

const T0 = DateTime.fromISO('2024-01-01T00:00:00.000Z', { zone: 'utc' });

function person(remoteId: string, givenName = 'Ada', system: RemoteRecord['system'] = 'CIVICRM'): RemoteRecord<'PERSON'> {
  return { system, entity: 'PERSON', remoteId, createdAt: T0, modifiedAt: T0, data: samplePerson({ givenName }) };
}

async function reload(keyv: Keyv): Promise<RecordCache> {
  const stored: [string, unknown][] = [];
  for await (const entry of keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>) stored.push(entry);
  return RecordCache.load(keyv, (async function* () {
    yield* stored;
  })());
}

describe('RecordCache', () => {
  let keyv: Keyv;
  let cache: RecordCache;

  beforeEach(async () => {
    keyv = new Keyv({ store: new Map(), namespace: 'records', throwOnErrors: true });
    cache = await RecordCache.load(keyv, (async function* () {})());
  });

  it('stores a record with its fetch time and content hash', async () => {
    const record = person('1');
    expect(await cache.put(record, 1000)).toEqual({ changed: true, previous: null });
    expect(cache.get({ system: 'CIVICRM', entity: 'PERSON', remoteId: '1' })).toEqual({ record, fetchedAt: 1000, hash: recordContentHash(record) });
    expect(cache.get({ system: 'CIVICRM', entity: 'PERSON', remoteId: '2' })).toBeNull();
    expect(cache.get({ system: 'VTIGER', entity: 'PERSON', remoteId: '1' })).toBeNull();
  });

  it('gives back a record that has left the decoded working set equal to the one stored, dates included', async () => {
    const donation: RemoteRecord<'DONATION'> = { system: 'VTIGER', entity: 'DONATION', remoteId: '9x1', createdAt: null, modifiedAt: T0.setZone('Europe/Berlin'), data: sampleDonation() };
    await cache.put(donation, 500);
    const hot = cache.get(donation)!;
    expect(hot.record).toBe(donation);
    await cache.putMany(Array.from({ length: HOT_RECORDS }, (_, i) => person(String(i))), 600);

    const cold = cache.get(donation)!;
    expect(cold.record).not.toBe(donation);
    expect(cold).toMatchObject({ fetchedAt: 500, hash: recordContentHash(donation) });
    expect(cold.record).toMatchObject({ system: 'VTIGER', entity: 'DONATION', remoteId: '9x1', createdAt: null });
    expect(cold.record.modifiedAt!.toMillis()).toBe(T0.toMillis());
    expect(cold.record.data.receivedAt.toMillis()).toBe(donation.data.receivedAt.toMillis());
    expect(recordContentHash(cold.record)).toBe(recordContentHash(donation));
    expect(cache.get(donation)!.record).toBe(cold.record);
    expect(cache.list('VTIGER').map((c) => c.record.remoteId)).toEqual(['9x1']);
    expect(cache.count()).toBe(HOT_RECORDS + 1);
  });

  it('recognises a re-read of an unchanged record, whatever its key order, and keeps the new fetch time', async () => {
    await cache.put(person('1'), 1000);
    const version = cache.version;
    const reordered = person('1');
    reordered.data = Object.fromEntries(Object.entries(reordered.data).reverse()) as RemoteRecord<'PERSON'>['data'];
    const result = await cache.put(reordered, 2000);
    expect(result.changed).toBe(false);
    expect(result.previous?.fetchedAt).toBe(1000);
    expect(cache.get(reordered)?.fetchedAt).toBe(2000);
    // Only fetchedAt moved: lists derived from the cache stay valid.
    expect(cache.version).toBe(version);
  });

  it('sees changed content, and a new modifiedAt alone bumps the version', async () => {
    await cache.put(person('1', 'Ada'), 1000);
    const v1 = cache.version;
    expect((await cache.put(person('1', 'Augusta'), 2000)).changed).toBe(true);
    expect(cache.version).toBeGreaterThan(v1);
    const v2 = cache.version;
    const touched = { ...person('1', 'Augusta'), modifiedAt: T0.plus({ hours: 1 }) };
    expect((await cache.put(touched, 3000)).changed).toBe(false);
    expect(cache.version).toBeGreaterThan(v2);
  });

  it('stores a page at once with putMany, one result per record in order', async () => {
    await cache.put(person('1', 'Ada'), 1000);
    const results = await cache.putMany([person('1', 'Ada'), person('2'), person('3', 'Cy')], 2000);
    expect(results.map((r) => [r.changed, r.previous?.fetchedAt ?? null])).toEqual([
      [false, 1000],
      [true, null],
      [true, null],
    ]);
    expect(cache.count('CIVICRM', 'PERSON')).toBe(3);
    expect(cache.get(person('3'))?.fetchedAt).toBe(2000);
    const restarted = await reload(keyv);
    expect(restarted.get(person('3'))?.record).toEqual(person('3', 'Cy'));
  });

  it('deletes, returning the copy it had', async () => {
    const record = person('1');
    await cache.put(record, 1000);
    expect((await cache.delete(record))?.record).toBe(record);
    expect(cache.get(record)).toBeNull();
    expect(await cache.delete(record)).toBeNull();
    expect((await cache.put(record, 1000)).changed).toBe(true);
  });

  it('lists and counts by system and entity', async () => {
    await cache.put(person('1'));
    await cache.put(person('2'));
    await cache.put(person('12x1', 'Ada', 'VTIGER'));
    await cache.put({ system: 'CIVICRM', entity: 'DONATION', remoteId: '1', createdAt: null, modifiedAt: null, data: sampleDonation() });
    expect(cache.list().map((c) => `${c.record.system}:${c.record.entity}:${c.record.remoteId}`).sort()).toEqual([
      'CIVICRM:DONATION:1',
      'CIVICRM:PERSON:1',
      'CIVICRM:PERSON:2',
      'VTIGER:PERSON:12x1',
    ]);
    expect(cache.list('CIVICRM').length).toBe(3);
    expect(cache.list(undefined, 'PERSON').length).toBe(3);
    expect(cache.list('CIVICRM', 'PERSON').map((c) => c.record.remoteId).sort()).toEqual(['1', '2']);
    expect(cache.count()).toBe(4);
    expect(cache.count('VTIGER', 'PERSON')).toBe(1);
    expect(cache.count('ACTION_NETWORK')).toBe(0);
  });

  it('loads what it persisted, DateTimes included', async () => {
    const donation: RemoteRecord<'DONATION'> = { system: 'CIVICRM', entity: 'DONATION', remoteId: '5', createdAt: T0, modifiedAt: T0, data: sampleDonation() };
    await cache.put(person('1'), 1000);
    await cache.put(donation, 2000);
    await cache.delete(person('1'));
    const restarted = await reload(keyv);
    expect(restarted.count()).toBe(1);
    expect(restarted.get(donation)).toEqual(cache.get(donation));
    // The hash survives the restart: an unchanged re-read is still recognised.
    expect((await restarted.put(donation, 3000)).changed).toBe(false);
  });
});
