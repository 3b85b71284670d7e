// Opens each backend for real — memory, SQLite in a temp dir, the Redis on 127.0.0.1:6379 — and
// checks that what one process wrote is what the next one loads.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteRecord } from '../model/remote-record.js';
import { sampleDonation, samplePerson } from '../../test/support/sample-records.js';
import { openStore } from './open-store.js';
import { deriveUnifiedId } from './unified-id.js';

const REDIS = 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `test-${process.pid}-${randomUUID().slice(0, 8)}`;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-store-'));
  const client = createClient({ url: REDIS, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`The store tests need the Redis server on 127.0.0.1:6379 (CI starts it); connecting failed: ${(err as Error).message}`);
  }
  await client.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const client = createClient({ url: REDIS });
  await client.connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${REDIS_PREFIX}*` })) keys.push(...batch);
  if (keys.length > 0) await client.unlink(keys);
  await client.close();
});

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const person = (remoteId: string): RemoteRecord<'PERSON'> => ({ system: 'CIVICRM', entity: 'PERSON', remoteId, createdAt: at('2024-01-01T00:00:00Z'), modifiedAt: at('2024-02-01T00:00:00Z'), data: samplePerson() });

const persistent = [
  { name: 'sqlite', url: () => `sqlite://${join(dir, 'nested', 'state.sqlite')}` },
  { name: 'redis', url: () => `${REDIS}/0?prefix=${REDIS_PREFIX}` },
];

describe.each(persistent)('$name store', ({ name, url }) => {
  it('keeps ids, links, records and cursors across a restart', async () => {
    const first = await openStore(url());
    const a = await first.identity.linkNew('PERSON', 'CIVICRM', '1');
    await first.identity.link(a, 'VTIGER', '12x1');
    const donationId = await first.identity.linkNew('DONATION', 'CIVICRM', '5');
    const donation: RemoteRecord<'DONATION'> = { system: 'CIVICRM', entity: 'DONATION', remoteId: '5', createdAt: null, modifiedAt: null, data: sampleDonation() };
    await first.records.put(person('1'), 1000);
    await first.records.put(donation, 2000);
    await first.cursors.set('CIVICRM', 'PERSON', '42');
    await first.close();

    const second = await openStore(url());
    expect(second.identity.find('CIVICRM', 'PERSON', '1')).toBe(a);
    expect(second.identity.find('VTIGER', 'PERSON', '12x1')).toBe(a);
    expect(second.identity.ids('PERSON')).toEqual([a]);
    expect(second.identity.ids('DONATION')).toEqual([donationId]);
    expect(second.records.get(person('1'))).toMatchObject({ record: person('1'), fetchedAt: 1000 });
    expect(second.records.get(donation)?.record).toEqual(donation);
    expect(second.cursors.get('CIVICRM', 'PERSON').cursor).toBe('42');
    // A record seen again after the restart keeps its id; a new one gets its derived id.
    expect(await second.identity.linkNew('PERSON', 'CIVICRM', '1')).toBe(a);
    expect(await second.identity.linkNew('PERSON', 'CIVICRM', '2')).toBe(deriveUnifiedId('PERSON', 'CIVICRM', '2'));
    await second.close();
  });

  it('keeps namespaces apart on the one connection', async () => {
    const store = await openStore(url());
    await store.keyv('outbox').set('write-1', { target: 'VTIGER' });
    const outbox: [string, unknown][] = [];
    for await (const entry of store.entries('outbox')) outbox.push(entry);
    expect(outbox).toEqual([['write-1', { target: 'VTIGER' }]]);
    const identityKeys: string[] = [];
    for await (const [key] of store.entries('identity')) identityKeys.push(key);
    expect(identityKeys.every((k) => /^(per|org|don)_/.test(k))).toBe(true);
    expect(() => store.keyv('bad_name')).toThrowError(/store namespace must match/);
    await store.keyv('outbox').delete('write-1');
    await store.close();
  });

  it('lets close wait for writes in flight', async () => {
    const store = await openStore(url());
    const pending = Array.from({ length: 50 }, (_, i) => store.records.put(person(`w${i}`)));
    await store.close();
    await Promise.all(pending);
    const again = await openStore(url());
    expect(again.records.count('CIVICRM', 'PERSON')).toBeGreaterThanOrEqual(50);
    await again.close();
  });

  it(`loads more entries than one ${name === 'sqlite' ? 'query' : 'SCAN'} returns`, async () => {
    const store = await openStore(url());
    await Promise.all(Array.from({ length: 1200 }, (_, i) => store.identity.linkNew('ORGANIZATION', 'VTIGER', `bulk-${i}`)));
    await store.close();
    const again = await openStore(url());
    expect(again.identity.ids('ORGANIZATION')).toHaveLength(1200);
    await again.close();
  });

  it('answers ping', async () => {
    const store = await openStore(url());
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });
});

describe('memory store', () => {
  it('works like the others but forgets everything when closed', async () => {
    const store = await openStore('memory://');
    const id = await store.identity.linkNew('PERSON', 'CIVICRM', '1');
    expect(store.identity.get(id)?.links).toHaveLength(1);
    await store.ping();
    await store.close();
    const again = await openStore('memory://');
    expect(again.identity.ids('PERSON')).toEqual([]);
    await again.close();
  });
});

describe('opening fails with one clear CONFIG line', () => {
  it('for an unknown scheme, without the password', async () => {
    await expect(openStore('mongodb://root:topsecret@db:27017/gw')).rejects.toMatchObject({
      code: 'CONFIG',
      message: 'STORE_URL must start with sqlite://, redis:// or memory://, but got: mongodb://root:***@db:27017/gw',
    });
  });

  it('for a SQLite path that cannot be a database file', async () => {
    const error = await openStore(`sqlite://${dir}`).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/^STORE_URL must name a SQLite file the gateway can open, but sqlite:\/\/.* failed: /) });
  });

  it('for a Redis that does not answer, without the password', async () => {
    const error = await openStore('redis://:hunter2@127.0.0.1:1').catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/^STORE_URL must point at a reachable Redis, but redis:\/\/:\*\*\*@127\.0\.0\.1:1 failed: .*ECONNREFUSED/) });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('creates the SQLite directory', async () => {
    const store = await openStore(`sqlite://${join(dir, 'a', 'b', 'c.sqlite')}`);
    await store.close();
    expect((await stat(join(dir, 'a', 'b'))).isDirectory()).toBe(true);
  });
});
