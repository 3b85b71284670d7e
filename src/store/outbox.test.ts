import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { newWriteJobId, Outbox, type WriteJob } from './outbox.js';

const T0 = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });

function newKeyv(map = new Map<string, unknown>()): Keyv {
  return new Keyv({ store: map, namespace: 'outbox', throwOnErrors: true });
}

async function reload(keyv: Keyv): Promise<Outbox> {
  const entries: [string, unknown][] = [];
  for await (const entry of keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>) entries.push(entry);
  return Outbox.load(keyv, (async function* () {
    yield* entries;
  })());
}

let clock = T0;
function job(overrides: Partial<WriteJob> = {}): WriteJob {
  clock = clock.plus({ milliseconds: 1 });
  return { id: newWriteJobId(clock), system: 'VTIGER', entity: 'PERSON', op: 'CREATE', unifiedId: 'per_a', remoteId: null, payload: { givenName: 'Ada' }, dependsOn: [], createdAt: clock, ...overrides };
}

describe('Outbox', () => {
  let keyv: Keyv;
  let outbox: Outbox;

  beforeEach(async () => {
    keyv = newKeyv();
    outbox = await reload(keyv);
  });

  it('points the DateTimes of queued writes at the one shared Locale', async () => {
    const locOf = (value: DateTime) => (value as unknown as { loc: unknown }).loc;
    const receivedAt = DateTime.fromISO('2025-06-01T12:00:00.000Z', { zone: 'utc' });
    const [a, b] = [job({ createdAt: DateTime.utc() }), job({ entity: 'DONATION', payload: { receivedAt } as never, createdAt: DateTime.utc() })];
    expect(locOf(a!.createdAt)).not.toBe(locOf(b!.createdAt));
    await outbox.add([a!, b!]);
    const [first, second] = outbox.list();
    expect(locOf(first!.createdAt)).toBe(locOf(second!.createdAt));
    expect(locOf((second!.payload as { receivedAt: DateTime }).receivedAt)).toBe(locOf(first!.createdAt));
    expect(locOf(first!.nextAttemptAt!)).toBe(locOf(first!.createdAt));
  });

  it('lists entries oldest first however they were added or stored', async () => {
    const [a, b, c, d] = [job(), job(), job(), job()];
    await outbox.add([c!]);
    await outbox.add([a!, d!]);
    await outbox.add([b!]);
    expect(outbox.list().map((e) => e.id)).toEqual([a!.id, b!.id, c!.id, d!.id]);
    await outbox.retryLater(b!.id, clock.plus({ seconds: 1 }), 'timeout');
    await outbox.remove(c!.id);
    expect(outbox.list().map((e) => e.id)).toEqual([a!.id, b!.id, d!.id]);
    const shuffled = newKeyv();
    for (const entry of [d, a, b]) await shuffled.set(entry!.id, await keyv.get(entry!.id));
    expect((await reload(shuffled)).list().map((e) => e.id)).toEqual([a!.id, b!.id, d!.id]);
  });

  it('hands out ids that sort in creation order, within one millisecond too', () => {
    const ids = [newWriteJobId(T0), newWriteJobId(T0), newWriteJobId(T0.plus({ milliseconds: 1 }))];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('persists entries with their payload dates and reloads them after a restart', async () => {
    const received = DateTime.fromISO('2026-02-01T10:00:00.000Z', { zone: 'utc' });
    const donation = job({ entity: 'DONATION', unifiedId: 'don_a', payload: { receivedAt: received, donorRef: 'per_a' }, dependsOn: ['per_a'] });
    const [added] = await outbox.add([donation]);
    expect(added).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
    expect(added?.nextAttemptAt?.toMillis()).toBe(donation.createdAt.toMillis());
    const restarted = await reload(keyv);
    const back = restarted.get(donation.id);
    expect(back?.payload).toEqual({ receivedAt: received, donorRef: 'per_a' });
    expect((back?.payload as { receivedAt: DateTime }).receivedAt.toMillis()).toBe(received.toMillis());
    expect(back?.dependsOn).toEqual(['per_a']);
  });

  it('records retries and permanent failures durably, and forgets delivered entries', async () => {
    const a = job();
    const b = job({ system: 'CIVICRM' });
    await outbox.add([a, b]);
    await outbox.retryLater(a.id, T0.plus({ seconds: 5 }), 'VTIGER answered 503');
    await outbox.fail(b.id, 'CIVICRM: DB Error: constraint violation');
    await outbox.remove('wr_unknown');
    let restarted = await reload(keyv);
    expect(restarted.get(a.id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'VTIGER answered 503' });
    expect(restarted.get(a.id)?.nextAttemptAt?.toISO()).toBe('2026-03-01T09:00:05.000Z');
    expect(restarted.get(b.id)).toMatchObject({ status: 'FAILED', attempts: 1, nextAttemptAt: null, lastError: 'CIVICRM: DB Error: constraint violation' });
    await outbox.remove(a.id);
    restarted = await reload(keyv);
    expect(restarted.list().map((e) => e.id)).toEqual([b.id]);
  });

  it('lets one caller claim a pending entry at a time, never a failed one', async () => {
    const a = job();
    const b = job();
    await outbox.add([a], { claim: true });
    await outbox.add([b]);
    expect(outbox.isClaimed(a.id)).toBe(true);
    expect(outbox.claim(a.id)).toBe(false);
    outbox.release(a.id);
    expect(outbox.claim(a.id)).toBe(true);
    await outbox.fail(b.id, 'no');
    expect(outbox.claim(b.id)).toBe(false);
    expect(outbox.claim('wr_unknown')).toBe(false);
  });

  it('orders writes to one record, and makes a write wait for the creates of what it refers to', async () => {
    const create = job({ unifiedId: 'per_a' });
    const updateOfCreated = job({ op: 'UPDATE', unifiedId: 'per_a', remoteId: null });
    const otherSystem = job({ system: 'CIVICRM', op: 'UPDATE', unifiedId: 'per_a', remoteId: '7' });
    const donation = job({ entity: 'DONATION', unifiedId: 'don_a', dependsOn: ['per_a'] });
    const twinA = job({ system: 'CIVICRM', op: 'UPDATE', unifiedId: 'per_b', remoteId: '1' });
    const twinB = job({ system: 'CIVICRM', op: 'UPDATE', unifiedId: 'per_b', remoteId: '2' });
    const twinAAgain = job({ system: 'CIVICRM', op: 'UPDATE', unifiedId: 'per_b', remoteId: '1' });
    await outbox.add([create, updateOfCreated, otherSystem, donation, twinA, twinB, twinAAgain]);
    expect(outbox.blockedBy(create)).toBeNull();
    expect(outbox.blockedBy(updateOfCreated)?.id).toBe(create.id);
    expect(outbox.blockedBy(otherSystem)).toBeNull();
    expect(outbox.blockedBy(donation)?.id).toBe(create.id);
    expect(outbox.blockedBy(twinB)).toBeNull();
    expect(outbox.blockedBy(twinAAgain)?.id).toBe(twinA.id);
    expect(outbox.pendingCreate('VTIGER', 'per_a')?.id).toBe(create.id);
    // A failed write no longer holds the others back.
    await outbox.fail(create.id, 'VTIGER refused it');
    expect(outbox.blockedBy(donation)).toBeNull();
    expect(outbox.pendingCreate('VTIGER', 'per_a')).toBeNull();
  });

  it('refuses a stored value that is not an outbox entry, naming its key', async () => {
    await keyv.set('wr_bad', { id: 'wr_bad', system: 'NOPE' });
    await expect(reload(keyv)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('"wr_bad"') });
  });
});
