// The last-seen copy of every remote record, with when it was fetched and a hash of its content.
//
// Like the identity index: synchronous reads from an in-memory projection loaded at open, writes
// persisted (one at a time) before they resolve; one gateway process per store. The projection
// holds each record packed as compact text (half the memory of the decoded objects) and the most
// recently used few thousand decoded: a hot record comes back as the same object, which callers
// must treat as immutable.
import type Keyv from 'keyv';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { shareRecordLocales } from '../model/shared-locale.js';
import type { RemoteRecord, RecordKey } from '../model/remote-record.js';
import { recordKeyString } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import { contentHash } from './content-hash.js';
import { decodeRecord, encodeRecord, packRecord, unpackRecord, type EncodedRecord } from './record-codec.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';

export interface CachedRecord<E extends EntityType = EntityType> {
  readonly record: RemoteRecord<E>;
  /** When the gateway last read it from the CRM, in epoch ms. */
  readonly fetchedAt: number;
  /** sha256 of the canonical JSON of the record's unified data: equal hashes, equal content. */
  readonly hash: string;
}

export interface PutResult<E extends EntityType = EntityType> {
  /** True when the record is new to the cache or its unified data differs from the cached copy. */
  changed: boolean;
  /** The copy the put replaced, or null. */
  previous: CachedRecord<E> | null;
}

const StoredEntrySchema = z.object({ record: z.unknown(), fetchedAt: z.number(), hash: z.string() });

interface StoredEntry {
  record: EncodedRecord;
  fetchedAt: number;
  hash: string;
}

/** A cached record as the projection holds it: packed by packRecord. */
interface ResidentRecord {
  readonly packed: string;
  readonly fetchedAt: number;
  readonly hash: string;
}

/** Decoded records kept at hand: the read path's and the sync's working set, not the whole cache. */
export const HOT_RECORDS = 4_096;

function groupKey(system: System, entity: EntityType): string {
  return `${system}:${entity}`;
}

/** The hash of a record's unified data, as the cache computes it (for callers that compare copies). */
export function recordContentHash(record: RemoteRecord): string {
  return contentHash(encodeRecord(record).data);
}

function sameTimes(a: RemoteRecord, b: RemoteRecord): boolean {
  return a.createdAt?.toMillis() === b.createdAt?.toMillis() && a.modifiedAt?.toMillis() === b.modifiedAt?.toMillis();
}

export class RecordCache {
  // system:entity → remoteId → entry: listing one system's people never scans the others.
  private readonly groups = new Map<string, Map<string, ResidentRecord>>();
  // recordKeyString → decoded copy, least recently used first.
  private readonly hot = new Map<string, CachedRecord>();
  private readonly writes = new SerialQueue();
  private changes = 0;

  private constructor(private readonly keyv: Keyv) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>): Promise<RecordCache> {
    const cache = new RecordCache(keyv);
    for await (const [key, value] of stored) {
      const parsed = StoredEntrySchema.safeParse(value);
      if (!parsed.success) throw new GatewayError('INTERNAL', `stored record ${JSON.stringify(key)} must be a cached record, but got: ${JSON.stringify(value)}`);
      const record = decodeRecord(parsed.data.record);
      cache.group(record.system, record.entity).set(record.remoteId, { packed: packRecord(record), fetchedAt: parsed.data.fetchedAt, hash: parsed.data.hash });
    }
    return cache;
  }

  /**
   * Grows with every change to the cache's content (not with a re-read that only moves fetchedAt);
   * cache anything derived from it against this number.
   */
  get version(): number {
    return this.changes;
  }

  get<E extends EntityType>(key: RecordKey & { entity: E }): CachedRecord<E> | null {
    const resident = this.groups.get(groupKey(key.system, key.entity))?.get(key.remoteId);
    if (!resident) return null;
    const hotKey = recordKeyString(key);
    let cached = this.hot.get(hotKey);
    if (cached && cached.fetchedAt === resident.fetchedAt && cached.hash === resident.hash) this.hot.delete(hotKey);
    else cached = this.expand(key.system, key.entity, key.remoteId, resident);
    this.remember(hotKey, cached);
    return cached as CachedRecord<E>;
  }

  /**
   * Stores the record as fetched at `fetchedAt` (default now). Always written, so `fetchedAt` stays
   * true for the read path's max-age check; `changed` tells whether the content is new.
   */
  put<E extends EntityType>(record: RemoteRecord<E>, fetchedAt: number = Date.now()): Promise<PutResult<E>> {
    const encoded = encodeRecord(record);
    const entry: StoredEntry = { record: encoded, fetchedAt, hash: contentHash(encoded.data) };
    return this.writes.run(async () => {
      const previous = this.get(record);
      await storeWrite(`write record ${recordKeyString(record)}`, () => this.keyv.set(recordKeyString(record), entry));
      this.hold(record, fetchedAt, entry.hash);
      const changed = previous === null || previous.hash !== entry.hash;
      // A re-read of an unchanged record only moves fetchedAt: derived lists need no rebuild.
      if (changed || !sameTimes(previous.record, record)) this.changes += 1;
      return { changed, previous };
    });
  }

  /**
   * Stores several records in one round trip (a Redis MULTI; concurrent statements on SQLite), as
   * the indexer does for a page; one result per record, in order. A record listed twice counts
   * as changed only against the copy before the call.
   */
  putMany(list: readonly RemoteRecord[], fetchedAt: number = Date.now()): Promise<PutResult[]> {
    const entries = list.map((record) => {
      const encoded = encodeRecord(record);
      return { record, stored: { record: encoded, fetchedAt, hash: contentHash(encoded.data) } satisfies StoredEntry };
    });
    return this.writes.run(async () => {
      const previous = entries.map(({ record }) => this.get(record));
      if (entries.length > 0) {
        await storeWrite(`write ${entries.length} records`, () => this.keyv.setMany(entries.map(({ record, stored }) => ({ key: recordKeyString(record), value: stored }))));
      }
      return entries.map(({ record, stored }, i) => {
        const before = previous[i] ?? null;
        this.hold(record, fetchedAt, stored.hash);
        const changed = before === null || before.hash !== stored.hash;
        if (changed || !sameTimes(before.record, record)) this.changes += 1;
        return { changed, previous: before };
      });
    });
  }

  /** Forgets the record; resolves to the copy that was cached, or null. */
  delete<E extends EntityType>(key: RecordKey & { entity: E }): Promise<CachedRecord<E> | null> {
    return this.writes.run(async () => {
      const previous = this.get(key);
      if (previous === null) return null;
      await storeWrite(`delete record ${recordKeyString(key)}`, () => this.keyv.delete(recordKeyString(key)));
      this.groups.get(groupKey(key.system, key.entity))?.delete(key.remoteId);
      this.hot.delete(recordKeyString(key));
      this.changes += 1;
      return previous;
    });
  }

  /** Every cached record, optionally only one system's and/or one entity's (decoded: for tests and tools, not hot paths). */
  list(system?: System, entity?: EntityType): CachedRecord[] {
    const out: CachedRecord[] = [];
    for (const [key, group] of this.groups) {
      const [groupSystem, groupEntity] = key.split(':') as [System, EntityType];
      if ((system !== undefined && system !== groupSystem) || (entity !== undefined && entity !== groupEntity)) continue;
      for (const [remoteId, resident] of group) out.push(this.hot.get(recordKeyString({ system: groupSystem, entity: groupEntity, remoteId })) ?? this.expand(groupSystem, groupEntity, remoteId, resident));
    }
    return out;
  }

  /** How many records are cached, optionally only one system's and/or one entity's. */
  count(system?: System, entity?: EntityType): number {
    let total = 0;
    for (const [key, group] of this.groups) {
      const [groupSystem, groupEntity] = key.split(':');
      if ((system === undefined || system === groupSystem) && (entity === undefined || entity === groupEntity)) total += group.size;
    }
    return total;
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /** Keeps the record packed, and at hand as given (the copy a caller just stored is the likeliest next read). */
  private hold(record: RemoteRecord, fetchedAt: number, hash: string): void {
    shareRecordLocales(record);
    this.group(record.system, record.entity).set(record.remoteId, { packed: packRecord(record), fetchedAt, hash });
    const hotKey = recordKeyString(record);
    this.hot.delete(hotKey);
    this.remember(hotKey, Object.freeze({ record, fetchedAt, hash }));
  }

  private expand(system: System, entity: EntityType, remoteId: string, resident: ResidentRecord): CachedRecord {
    const record = shareRecordLocales(unpackRecord(system, entity, remoteId, resident.packed));
    return Object.freeze({ record, fetchedAt: resident.fetchedAt, hash: resident.hash });
  }

  private remember(hotKey: string, cached: CachedRecord): void {
    this.hot.set(hotKey, cached);
    if (this.hot.size > HOT_RECORDS) this.hot.delete(this.hot.keys().next().value!);
  }

  private group(system: System, entity: EntityType): Map<string, ResidentRecord> {
    const key = groupKey(system, entity);
    let group = this.groups.get(key);
    if (!group) {
      group = new Map();
      this.groups.set(key, group);
    }
    return group;
  }
}
