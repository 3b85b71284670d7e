import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ChangePage } from '../../connectors/connector.js';
import type { EntityType } from '../../src/model/system.js';
import { MemoryConnector } from './memory-connector.js';
import { samplePerson } from './sample-records.js';

async function pages<E extends EntityType>(connector: MemoryConnector, entity: E, cursor: string | null): Promise<ChangePage<E>[]> {
  const out: ChangePage<E>[] = [];
  for await (const page of connector.listChanged(entity, cursor)) out.push(page);
  return out;
}

describe('MemoryConnector', () => {
  it('lists in pages of the configured size, oldest change first, with a sequence cursor', async () => {
    const crm = new MemoryConnector({ pageSize: 2 });
    for (const name of ['a', 'b', 'c']) crm.seed('PERSON', samplePerson({ givenName: name }));
    const listed = await pages(crm, 'PERSON', null);
    expect(listed.map((p) => p.records.map((r) => r.data.givenName))).toEqual([['a', 'b'], ['c']]);
    expect(listed.map((p) => p.cursor)).toEqual(['2', '3']);
    expect(await pages(crm, 'PERSON', '3')).toEqual([]);
  });

  it('lists only what changed since the cursor, deletions included', async () => {
    const crm = new MemoryConnector();
    const a = crm.seed('PERSON', samplePerson({ givenName: 'a' }));
    const b = crm.seed('PERSON', samplePerson({ givenName: 'b' }));
    crm.edit('PERSON', a.remoteId, { givenName: 'a2' });
    crm.remove('PERSON', b.remoteId);
    const [page] = await pages(crm, 'PERSON', '2');
    expect(page?.records.map((r) => r.data.givenName)).toEqual(['a2']);
    expect(page?.deletedIds).toEqual([b.remoteId]);
    // A full listing shows what exists, not what was deleted.
    expect((await pages(crm, 'PERSON', null)).flatMap((p) => p.deletedIds)).toEqual([]);
  });

  it('loads by id in key order with nulls, and writes', async () => {
    const now = DateTime.fromISO('2024-01-01T00:00:00Z', { zone: 'utc' });
    const crm = new MemoryConnector({ system: 'VTIGER', now: () => now });
    const [created] = await crm.create('PERSON', [samplePerson()]);
    expect(created).toMatchObject({ ok: true, status: 'CREATED' });
    const id = created?.ok ? created.remoteId : '';
    expect(await crm.update('PERSON', [{ remoteId: id, patch: { familyName: 'Byron' } }, { remoteId: 'nope', patch: {} }])).toMatchObject([
      { ok: true, status: 'UPDATED', record: { data: { familyName: 'Byron', givenName: 'Ada' } } },
      { ok: false, error: { code: 'NOT_FOUND', system: 'VTIGER' } },
    ]);
    const loaded = await crm.load('PERSON', ['nope', id]);
    expect(loaded[0]).toBeNull();
    expect(loaded[1]).toMatchObject({ system: 'VTIGER', remoteId: id, modifiedAt: now });
    expect(await crm.delete('PERSON', [id])).toMatchObject([{ ok: true, status: 'DELETED' }]);
    expect(await crm.load('PERSON', [id])).toEqual([null]);
  });

  it('hands out copies: changing a returned record changes nothing inside', async () => {
    const crm = new MemoryConnector();
    const seeded = crm.seed('PERSON', samplePerson());
    seeded.data.emails.push({ address: 'x@example.org', primary: false, status: 'UNKNOWN' });
    expect((await crm.load('PERSON', [seeded.remoteId]))[0]?.data.emails).toHaveLength(1);
  });

  it('fails on request: after some pages, a number of times', async () => {
    const crm = new MemoryConnector({ pageSize: 1 });
    crm.seed('PERSON', samplePerson());
    crm.seed('PERSON', samplePerson());
    crm.injectFault({ operation: 'listChanged', entity: 'PERSON', afterPages: 1 });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const page of crm.listChanged('PERSON', null)) seen.push(page.cursor);
      })(),
    ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'CIVICRM' });
    expect(seen).toEqual(['1']);
    expect(await pages(crm, 'PERSON', null)).toHaveLength(2);
    crm.injectFault({ operation: 'health', times: Infinity });
    await expect(crm.health()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect(crm.health()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    crm.clearFaults();
    await expect(crm.health()).resolves.toBeUndefined();
  });

  it('holds listings until released', async () => {
    const crm = new MemoryConnector();
    crm.seed('PERSON', samplePerson());
    const hold = crm.holdListings();
    let done = false;
    const listing = pages(crm, 'PERSON', null).then((p) => {
      done = true;
      return p;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(crm.activeListings).toBe(1);
    hold.release();
    expect(await listing).toHaveLength(1);
    expect(crm.activeListings).toBe(0);
  });
});
