import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from './change-feed.js';
import { ChangeLog, type NewChange } from './change-log.js';

async function openLog(now: () => DateTime = () => DateTime.utc(), retentionMs?: number): Promise<{ log: ChangeLog; keyv: Keyv }> {
  const keyv = new Keyv({ store: new Map(), namespace: 'changelog', throwOnErrors: true });
  const log = await ChangeLog.load(keyv, keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>, { now, ...(retentionMs ? { retentionMs } : {}) });
  return { log, keyv };
}

const change = (i: number, overrides: Partial<NewChange> = {}): NewChange => ({ entity: 'PERSON', id: `per_${i}`, op: 'UPDATED', origin: 'CIVICRM', changedFields: ['emails'], ...overrides });
const all = { entities: null, systems: null };

describe('ChangeFeed.stream', () => {
  it('replays after the cursor in chunks, then continues live, with every change once even when appends interleave', async () => {
    const { log } = await openLog();
    for (let i = 0; i < 450; i++) await log.append(change(i));
    const from = log.after(null, 1)[0]!.cursor;
    const stream = new ChangeFeed(log).stream({ after: from, ...all, onOverflow: () => undefined });
    const seen: string[] = [];
    // Each read is followed by an append: the replay must pick those up, and the switch to live must not lose or repeat one.
    for (let i = 450; i < 900; i++) {
      const next = await stream.next();
      seen.push(next.value!.cursor);
      await log.append(change(i));
    }
    while (seen.length < 899) seen.push((await stream.next()).value!.cursor);
    expect(seen).toEqual(log.after(from, 10_000).map((e) => e.cursor));
    await stream.return!();
    expect(log.listenerCount).toBe(0);
  });

  it('ends a stream waiting on a quiet log when it is returned, and stops following the log', async () => {
    const { log } = await openLog();
    const stream = new ChangeFeed(log).stream({ after: null, ...all, onOverflow: () => undefined });
    const pending = stream.next();
    expect(log.listenerCount).toBe(1);
    await stream.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(log.listenerCount).toBe(0);
  });

  it('ends the stream and reports the last cursor delivered when a subscriber falls maxBuffered changes behind', async () => {
    const { log } = await openLog();
    const onOverflow = vi.fn();
    const stream = new ChangeFeed(log, 3).stream({ after: null, ...all, onOverflow });
    const first = await log.append(change(0));
    expect((await stream.next()).value).toEqual(first);
    for (let i = 1; i <= 3; i++) await log.append(change(i));
    expect(onOverflow).not.toHaveBeenCalled();
    await log.append(change(4));
    expect(onOverflow).toHaveBeenCalledWith(first.cursor);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(log.listenerCount).toBe(0);
  });

  it('ends, and stops following the log, when the changes it still had to replay were pruned meanwhile', async () => {
    let now = DateTime.fromISO('2025-01-01T00:00:00Z', { zone: 'utc' });
    const { log } = await openLog(() => now, 60_000);
    const start = await log.append(change(0));
    await log.append(change(1));
    await log.append(change(2));
    const stream = new ChangeFeed(log).stream({ after: start.cursor, ...all, onOverflow: () => undefined });
    now = now.plus({ minutes: 2 });
    await log.append(change(3));
    await log.prune();
    await expect(stream.next()).rejects.toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(log.listenerCount).toBe(0);
  });

  it('keeps only the entities and origins asked for; systems leave out the gateway’s own writes', async () => {
    const { log } = await openLog();
    await log.append(change(0, { entity: 'DONATION', id: 'don_0', origin: 'CIVICRM' }));
    await log.append(change(1, { origin: null }));
    await log.append(change(2, { origin: 'VTIGER' }));
    await log.append(change(3, { origin: 'CIVICRM' }));
    const page = new ChangeFeed(log).page(null, 10, { entities: ['PERSON'], systems: ['CIVICRM', 'ACTION_NETWORK'] });
    expect(page.entries.map((e) => e.id)).toEqual(['per_3']);
    expect(page.totalCount).toBe(1);
  });

  it('refuses, naming the argument, a malformed cursor, one past the retention, and a page size out of range', async () => {
    let now = DateTime.fromISO('2025-01-01T00:00:00Z', { zone: 'utc' });
    const { log } = await openLog(() => now, 60_000);
    const old = await log.append(change(0));
    await log.append(change(1));
    now = now.plus({ minutes: 2 });
    await log.append(change(2));
    await log.prune();
    const feed = new ChangeFeed(log);
    expect(() => feed.stream({ after: 'x', ...all, onOverflow: () => undefined })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }));
    expect(() => feed.stream({ after: old.cursor, ...all, onOverflow: () => undefined })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after', message: expect.stringContaining('within the change log\'s retention') }));
    expect(log.listenerCount).toBe(0);
    expect(() => feed.page(null, 501, all)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first', message: 'Argument "first" must be an integer from 0 to 500, but got: 501' }));
  });
});
