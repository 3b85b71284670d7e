import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdentityIndex } from './identity-index.js';
import { deriveUnifiedId } from './unified-id.js';

const T0 = DateTime.fromISO('2024-01-01T00:00:00.000Z', { zone: 'utc' });

/** A Keyv over a Map that outlives the index, so "restarts" can load it again. */
function newKeyv(map = new Map<string, unknown>()): Keyv {
  return new Keyv({ store: map, namespace: 'identity', throwOnErrors: true });
}

async function entries(keyv: Keyv): Promise<[string, unknown][]> {
  const out: [string, unknown][] = [];
  for await (const entry of keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>) out.push(entry);
  return out;
}

async function reload(keyv: Keyv): Promise<IdentityIndex> {
  return IdentityIndex.load(keyv, (async function* () {
    yield* await entries(keyv);
  })());
}

describe('IdentityIndex', () => {
  let keyv: Keyv;
  let index: IdentityIndex;
  let clock: DateTime;

  beforeEach(async () => {
    keyv = newKeyv();
    clock = T0;
    index = await IdentityIndex.load(keyv, (async function* () {})(), () => clock);
  });

  it('gives a new record a derived id and finds it both ways', async () => {
    const id = await index.linkNew('PERSON', 'CIVICRM', '42');
    expect(id).toBe(deriveUnifiedId('PERSON', 'CIVICRM', '42'));
    expect(index.find('CIVICRM', 'PERSON', '42')).toBe(id);
    expect(index.find('CIVICRM', 'ORGANIZATION', '42')).toBeNull();
    expect(index.find('VTIGER', 'PERSON', '42')).toBeNull();
    expect(index.get(id)).toEqual({ id, entity: 'PERSON', createdAt: T0, links: [{ system: 'CIVICRM', remoteId: '42', linkedAt: T0 }], mergedInto: null });
  });

  it('returns the existing id when linkNew is asked again for a linked record', async () => {
    const id = await index.linkNew('PERSON', 'CIVICRM', '42');
    expect(await index.linkNew('PERSON', 'CIVICRM', '42')).toBe(id);
    expect(index.ids('PERSON')).toEqual([id]);
  });

  it('lists live ids per entity in ascending order', async () => {
    const ids = await Promise.all(['1', '2', '3', '4'].map((r) => index.linkNew('PERSON', 'CIVICRM', r)));
    const org = await index.linkNew('ORGANIZATION', 'CIVICRM', '1');
    expect(index.ids('PERSON')).toEqual([...ids].sort());
    expect(index.ids('ORGANIZATION')).toEqual([org]);
    expect(index.ids('DONATION')).toEqual([]);
  });

  it('links a twin to an existing id and moves a record linked elsewhere', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    const b = await index.linkNew('PERSON', 'VTIGER', '12x1');
    clock = T0.plus({ minutes: 1 });
    expect(await index.link(a, 'VTIGER', '12x1')).toBe(a);
    expect(index.find('VTIGER', 'PERSON', '12x1')).toBe(a);
    expect(index.get(a)?.links.map((l) => `${l.system}:${l.remoteId}`)).toEqual(['CIVICRM:1', 'VTIGER:12x1']);
    expect(index.get(a)?.links[1]?.linkedAt).toEqual(clock);
    // b had no other link: it is gone.
    expect(index.get(b)).toBeNull();
    expect(index.ids('PERSON')).toEqual([a]);
    // Linking again to the same id changes nothing.
    const version = index.version;
    expect(await index.link(a, 'VTIGER', '12x1')).toBe(a);
    expect(index.version).toBe(version);
  });

  it('refuses to link to an id that does not exist', async () => {
    await expect(index.link('per_aaaaaaaaaaaaaaaaaaaa', 'CIVICRM', '1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(index.find('CIVICRM', 'PERSON', '1')).toBeNull();
  });

  it('reserves an id that is persisted but not live until its first link, even after a restart', async () => {
    const id = await index.reserve('PERSON');
    expect(id).toMatch(/^per_[a-z2-7]{20}$/);
    expect(index.reserved(id)).toBe('PERSON');
    expect(index.get(id)).toBeNull();
    expect(index.ids('PERSON')).toEqual([]);
    const restarted = await reload(keyv);
    expect(restarted.reserved(id)).toBe('PERSON');
    expect(await restarted.link(id, 'VTIGER', '12x1')).toBe(id);
    expect(restarted.reserved(id)).toBeNull();
    expect(restarted.get(id)?.links.map((l) => l.remoteId)).toEqual(['12x1']);
    expect(restarted.ids('PERSON')).toEqual([id]);
    // Once linked it is an ordinary id: release leaves it alone.
    expect(await restarted.release(id)).toBe(false);
    expect(restarted.get(id)).not.toBeNull();
  });

  it('releases a reserved id that never got a link', async () => {
    const id = await index.reserve('ORGANIZATION');
    expect(await index.release(id)).toBe(true);
    expect(index.reserved(id)).toBeNull();
    expect(await entries(keyv)).toEqual([]);
    await expect(index.link(id, 'CIVICRM', '1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('unlinks; an id without links disappears from get and ids', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    await index.link(a, 'VTIGER', '12x1');
    expect(await index.unlink('CIVICRM', 'PERSON', '1')).toEqual({ unifiedId: a, identityRemoved: false });
    expect(index.get(a)?.links).toHaveLength(1);
    expect(await index.unlink('VTIGER', 'PERSON', '12x1')).toEqual({ unifiedId: a, identityRemoved: true });
    expect(index.get(a)).toBeNull();
    expect(index.ids('PERSON')).toEqual([]);
    expect(await index.unlink('VTIGER', 'PERSON', '12x1')).toBeNull();
    expect(await entries(keyv)).toEqual([]);
  });

  it('derives another id when the derived one is still taken, and the same one again once it is free', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    await index.link(a, 'VTIGER', '12x1');
    await index.unlink('CIVICRM', 'PERSON', '1');
    // a still exists (through VTIGER), so CIVICRM 1 cannot get a again.
    const again = await index.linkNew('PERSON', 'CIVICRM', '1');
    expect(again).toBe(deriveUnifiedId('PERSON', 'CIVICRM', '1', 1));
    await index.unlink('CIVICRM', 'PERSON', '1');
    await index.unlink('VTIGER', 'PERSON', '12x1');
    // Both are gone: a record restored later gets its original id back.
    expect(await index.linkNew('PERSON', 'CIVICRM', '1')).toBe(a);
  });

  it('counts every change in version', async () => {
    const v0 = index.version;
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    const v1 = index.version;
    await index.link(a, 'VTIGER', '2');
    const v2 = index.version;
    await index.unlink('VTIGER', 'PERSON', '2');
    expect(v0).toBeLessThan(v1);
    expect(v1).toBeLessThan(v2);
    expect(v2).toBeLessThan(index.version);
    const v3 = index.version;
    index.find('CIVICRM', 'PERSON', '1');
    index.ids('PERSON');
    expect(index.version).toBe(v3);
  });

  it('serializes concurrent writes: one id per record', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => index.linkNew('PERSON', 'CIVICRM', '7')));
    expect(new Set(ids).size).toBe(1);
    expect(index.ids('PERSON')).toHaveLength(1);
  });

  it('loads what it persisted: same ids, links and times after a restart', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    await index.link(a, 'ACTION_NETWORK', 'uuid-1');
    const org = await index.linkNew('ORGANIZATION', 'VTIGER', '11x1');
    const restarted = await reload(keyv);
    expect(restarted.get(a)).toEqual(index.get(a));
    expect(restarted.get(org)).toEqual(index.get(org));
    expect(restarted.find('ACTION_NETWORK', 'PERSON', 'uuid-1')).toBe(a);
    expect(restarted.ids('PERSON')).toEqual([a]);
  });

  it('follows mergedInto to the survivor, and keeps a merged-away id out of the lists', async () => {
    const survivor = await index.linkNew('PERSON', 'CIVICRM', '1');
    const merged = deriveUnifiedId('PERSON', 'VTIGER', '12x9');
    // The merge itself is a later feature; this is the state it leaves behind.
    await keyv.set(merged, { id: merged, entity: 'PERSON', createdAt: T0.toISO(), links: [], mergedInto: survivor });
    const restarted = await reload(keyv);
    expect(restarted.get(merged)?.id).toBe(survivor);
    expect(restarted.ids('PERSON')).toEqual([survivor]);
    // The merged-away id stays taken.
    await restarted.linkNew('PERSON', 'VTIGER', '12x9');
    expect(restarted.find('VTIGER', 'PERSON', '12x9')).toBe(deriveUnifiedId('PERSON', 'VTIGER', '12x9', 1));
    // link() to a merged-away id links to the survivor.
    expect(await restarted.link(merged, 'ACTION_NETWORK', 'u')).toBe(survivor);
  });

  it('repairs a record left linked twice by a crash inside link: the later link wins', async () => {
    const a = deriveUnifiedId('PERSON', 'CIVICRM', '1');
    const b = deriveUnifiedId('PERSON', 'VTIGER', '2');
    await keyv.set(a, { id: a, entity: 'PERSON', createdAt: T0.toISO(), links: [{ system: 'CIVICRM', remoteId: '1', linkedAt: T0.toISO() }], mergedInto: null });
    await keyv.set(b, {
      id: b,
      entity: 'PERSON',
      createdAt: T0.toISO(),
      links: [
        { system: 'VTIGER', remoteId: '2', linkedAt: T0.toISO() },
        { system: 'CIVICRM', remoteId: '1', linkedAt: T0.plus({ seconds: 1 }).toISO() },
      ],
      mergedInto: null,
    });
    const restarted = await reload(keyv);
    expect(restarted.find('CIVICRM', 'PERSON', '1')).toBe(b);
    expect(restarted.get(a)).toBeNull();
    expect(await keyv.get(a)).toBeUndefined();
    expect(restarted.ids('PERSON')).toEqual([b]);
  });

  it('merges ids into a survivor: links move, the merged ids keep resolving to it, after a restart too', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    const b = await index.linkNew('PERSON', 'ACTION_NETWORK', 'u1');
    await index.link(b, 'VTIGER', '12x1');
    const c = await index.linkNew('PERSON', 'CIVICRM', '2');
    clock = T0.plus({ minutes: 1 });
    expect(await index.merge(a, [b, c, a, b])).toEqual([b, c]);
    for (const view of [index, await reload(keyv)]) {
      const survivor = view.get(a);
      expect(survivor?.links.map((l) => `${l.system}:${l.remoteId}`)).toEqual(['CIVICRM:1', 'ACTION_NETWORK:u1', 'VTIGER:12x1', 'CIVICRM:2']);
      expect(view.get(b)).toEqual(survivor);
      expect(view.get(c)).toEqual(survivor);
      expect(view.find('VTIGER', 'PERSON', '12x1')).toBe(a);
      expect(view.ids('PERSON')).toEqual([a]);
    }
    // A merged-away id followed to the survivor: merging it again is nothing to do.
    expect(await index.merge(b, [a, c])).toEqual([]);
  });

  it('refuses to merge unknown ids and ids of another entity, writing nothing', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    const org = await index.linkNew('ORGANIZATION', 'CIVICRM', '1');
    const before = index.version;
    await expect(index.merge(a, ['per_aaaaaaaaaaaaaaaaaaaa'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(index.merge('per_aaaaaaaaaaaaaaaaaaaa', [a])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(index.merge(a, [org])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(index.version).toBe(before);
  });

  it('finishes at load a merge a crash interrupted after its first write', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    const b = await index.linkNew('PERSON', 'VTIGER', '12x1');
    // What merge writes first: b marked merged, still holding its link.
    await keyv.set(b, { ...((await keyv.get(b)) as object), mergedInto: a });
    const restarted = await reload(keyv);
    expect(restarted.find('VTIGER', 'PERSON', '12x1')).toBe(a);
    expect(restarted.get(b)?.id).toBe(a);
    expect(restarted.get(a)?.links).toHaveLength(2);
    expect(await keyv.get(b)).toMatchObject({ links: [], mergedInto: a });
  });

  it('undoes at load an interrupted merge into an id that no longer exists', async () => {
    const b = await index.linkNew('PERSON', 'VTIGER', '12x1');
    await keyv.set(b, { ...((await keyv.get(b)) as object), mergedInto: 'per_aaaaaaaaaaaaaaaaaaaa' });
    const restarted = await reload(keyv);
    expect(restarted.get(b)).toMatchObject({ id: b, mergedInto: null, links: [{ system: 'VTIGER', remoteId: '12x1' }] });
  });

  it('splits a record off into a new id; a record that stands alone keeps its id', async () => {
    const a = await index.linkNew('PERSON', 'CIVICRM', '1');
    await index.link(a, 'VTIGER', '12x1');
    clock = T0.plus({ minutes: 1 });
    const split = await index.split('PERSON', 'CIVICRM', '1');
    // The id derived from CIVICRM 1 is taken (by a): the next derivation.
    expect(split).toBe(deriveUnifiedId('PERSON', 'CIVICRM', '1', 1));
    for (const view of [index, await reload(keyv)]) {
      expect(view.find('CIVICRM', 'PERSON', '1')).toBe(split);
      expect(view.get(a)?.links.map((l) => l.remoteId)).toEqual(['12x1']);
      expect(view.get(split!)).toMatchObject({ createdAt: clock, links: [{ system: 'CIVICRM', remoteId: '1', linkedAt: clock }] });
    }
    expect(await index.split('PERSON', 'CIVICRM', '1')).toBe(split);
    expect(await index.split('PERSON', 'CIVICRM', '404')).toBeNull();
  });

  it('refuses a stored entry that is not an identity, naming its key', async () => {
    await keyv.set('per_aaaaaaaaaaaaaaaaaaaa', { id: 'per_aaaaaaaaaaaaaaaaaaaa', entity: 'ORGANIZATION', createdAt: T0.toISO(), links: [], mergedInto: null });
    await expect(reload(keyv)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('"per_aaaaaaaaaaaaaaaaaaaa"') });
  });

  it('leaves the projection untouched when the store refuses a write', async () => {
    const failing = new Map<string, unknown>();
    const broken = await IdentityIndex.load(newKeyv(Object.assign(failing, { set: () => { throw new Error('disk full'); } })), (async function* () {})());
    await expect(broken.linkNew('PERSON', 'CIVICRM', '1')).rejects.toMatchObject({ code: 'INTERNAL', message: `store could not write identity ${deriveUnifiedId('PERSON', 'CIVICRM', '1')}: disk full` });
    expect(broken.find('CIVICRM', 'PERSON', '1')).toBeNull();
    expect(broken.ids('PERSON')).toEqual([]);
    expect(broken.version).toBe(0);
  });
});
