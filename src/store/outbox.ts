// The durable outbox: every write the gateway sends to a CRM, kept until it is delivered or has
// failed for good, so a write that meets a CRM outage is retried later, across restarts too.
//
// Like the identity index: synchronous reads from an in-memory projection loaded at open, writes
// persisted (one at a time) before they resolve; one gateway process per store. An entry is added
// BEFORE its first attempt (write-ahead), so a crash mid-write leaves it here to be retried.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import type { UnifiedData } from '../model/entities.js';
import { shareFieldLocales, shareLocale } from '../model/shared-locale.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { orderedId } from './ordered-id.js';
import { decodeUnifiedData, encodeUnifiedData } from './record-codec.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';

export const WRITE_OPS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type WriteOp = (typeof WRITE_OPS)[number];

export const OUTBOX_STATUSES = ['PENDING', 'FAILED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One write to one CRM record. */
export interface WriteJob<E extends EntityType = EntityType> {
  /** Outbox id, ordered by creation. */
  readonly id: string;
  readonly system: System;
  readonly entity: E;
  readonly op: WriteOp;
  /** The unified object written: a create links its new record to it. */
  readonly unifiedId: string;
  /**
   * The record an update or delete changes; null for a create, and for an update or delete of
   * the record that a still-pending create of `unifiedId` in `system` is going to make.
   */
  readonly remoteId: string | null;
  /**
   * Create: the whole unified data; update: the patch; delete: empty. Reference fields
   * (organizationRef, donorRef) hold UNIFIED ids here, resolved to the system's remote ids when
   * the write is attempted, so a write queued before its organization's record exists still finds it.
   */
  readonly payload: Partial<UnifiedData[E]>;
  /** Other unified objects this write refers to: their pending writes in `system` go first. */
  readonly dependsOn: readonly string[];
  readonly createdAt: DateTime;
  /**
   * The CRM whose change the sync is carrying to this twin; absent for a gateway mutation. The
   * change log names it as the change's origin.
   */
  readonly origin?: System;
}

export interface OutboxEntry<E extends EntityType = EntityType> extends WriteJob<E> {
  readonly status: OutboxStatus;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When the next attempt is due; null once FAILED. */
  readonly nextAttemptAt: DateTime | null;
  /** The last attempt's error message (the CRM's, for a permanent failure). */
  readonly lastError: string | null;
}

const StoredEntrySchema = z.object({
  id: z.string(),
  system: z.enum(SYSTEMS),
  entity: z.enum(ENTITY_TYPES),
  op: z.enum(WRITE_OPS),
  unifiedId: z.string(),
  remoteId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  dependsOn: z.array(z.string()),
  createdAt: z.string(),
  origin: z.enum(SYSTEMS).optional(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
type StoredEntry = z.infer<typeof StoredEntrySchema>;

function iso(value: DateTime): string {
  return value.toUTC().toISO() ?? '';
}

function date(value: string, where: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw new GatewayError('INTERNAL', `stored outbox entry ${where} must hold ISO date-times, but got: ${JSON.stringify(value)}`);
  return parsed;
}

function encode(entry: OutboxEntry): StoredEntry {
  return {
    ...entry,
    dependsOn: [...entry.dependsOn],
    payload: encodeUnifiedData(entry.entity, entry.payload, `outbox entry ${entry.id}`),
    createdAt: iso(entry.createdAt),
    nextAttemptAt: entry.nextAttemptAt === null ? null : iso(entry.nextAttemptAt),
  };
}

function decode(key: string, value: unknown): OutboxEntry {
  const parsed = StoredEntrySchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== key) {
    throw new GatewayError('INTERNAL', `stored outbox entry ${JSON.stringify(key)} must be an outbox entry with that id, but got: ${JSON.stringify(value)}`);
  }
  const stored = parsed.data;
  return Object.freeze({
    ...stored,
    dependsOn: Object.freeze([...stored.dependsOn]),
    payload: decodeUnifiedData(stored.entity, stored.payload, `outbox entry ${key}`),
    createdAt: date(stored.createdAt, key),
    nextAttemptAt: stored.nextAttemptAt === null ? null : date(stored.nextAttemptAt, key),
  });
}

/** "wr_" + creation time + a per-millisecond counter + randomness: ids sort in creation order. */
export function newWriteJobId(now: DateTime): string {
  return orderedId('wr_', now);
}

export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  // unifiedId → its entries, oldest first: what blockedBy and pendingCreate look at, so an outbox
  // of thousands (a first sync's creates) is not scanned once per write.
  private readonly byObject = new Map<string, OutboxEntry[]>();
  private readonly claimed = new Set<string>();
  private readonly writes = new SerialQueue();
  private sorted: readonly OutboxEntry[] | null = null;
  // Ids sort in creation order, and entries are nearly always added in it: `entries` then iterates
  // oldest first, and list() copies instead of sorting thousands of entries after every delivery.
  private inIdOrder = true;
  private newestId = '';

  private constructor(private readonly keyv: Keyv) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>): Promise<Outbox> {
    const outbox = new Outbox(keyv);
    for await (const [key, value] of stored) outbox.index(decode(key, value));
    return outbox;
  }

  /** Every entry, oldest first. */
  list(): readonly OutboxEntry[] {
    if (!this.inIdOrder) {
      const ordered = [...this.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.entries.clear();
      for (const entry of ordered) this.entries.set(entry.id, entry);
      this.inIdOrder = true;
    }
    this.sorted ??= Object.freeze([...this.entries.values()]);
    return this.sorted;
  }

  get(id: string): OutboxEntry | null {
    return this.entries.get(id) ?? null;
  }

  /**
   * Adds jobs as PENDING, due now, in one store round trip. With `claim`, they are claimed for
   * the caller, which attempts them at once; otherwise the worker picks them up.
   */
  add(jobs: readonly WriteJob[], options: { claim?: boolean } = {}): Promise<OutboxEntry[]> {
    const added = jobs.map((job) => Object.freeze({ ...job, status: 'PENDING' as const, attempts: 0, nextAttemptAt: job.createdAt, lastError: null }));
    return this.writes.run(async () => {
      if (added.length > 0) {
        await storeWrite(`write ${added.length} outbox entries`, () => this.keyv.setMany(added.map((entry) => ({ key: entry.id, value: encode(entry) }))));
      }
      for (const entry of added) {
        this.index(entry);
        if (options.claim === true) this.claimed.add(entry.id);
      }
      this.sorted = null;
      return added;
    });
  }

  /**
   * Claims an entry for one attempt: false when it is claimed already, gone, or FAILED. While
   * claimed, nobody else attempts it; `release` ends the claim.
   */
  claim(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.status !== 'PENDING' || this.claimed.has(id)) return false;
    this.claimed.add(id);
    return true;
  }

  release(id: string): void {
    this.claimed.delete(id);
  }

  isClaimed(id: string): boolean {
    return this.claimed.has(id);
  }

  /**
   * The older PENDING entry that must be delivered before this one, or null. Writes to one record
   * go in order (a write whose record is not known yet — a create, or a write waiting for one —
   * counts as writing every record of its object), and a write waits for the pending creates of
   * the objects it refers to, whose remote ids it needs.
   */
  blockedBy(entry: WriteJob): OutboxEntry | null {
    let oldest: OutboxEntry | null = null;
    const consider = (unifiedId: string, blocks: (other: OutboxEntry) => boolean) => {
      for (const other of this.byObject.get(unifiedId) ?? []) {
        if (other.id >= entry.id || (oldest !== null && other.id >= oldest.id)) break;
        if (other.status === 'PENDING' && other.system === entry.system && blocks(other)) oldest = other;
      }
    };
    consider(entry.unifiedId, (other) => other.remoteId === null || entry.remoteId === null || other.remoteId === entry.remoteId);
    for (const dependency of entry.dependsOn) consider(dependency, (other) => other.op === 'CREATE');
    return oldest;
  }

  /** The PENDING create of this object in this system, or null. */
  pendingCreate(system: System, unifiedId: string): OutboxEntry | null {
    return this.byObject.get(unifiedId)?.find((e) => e.status === 'PENDING' && e.op === 'CREATE' && e.system === system) ?? null;
  }

  /** Whether any write of this object is still PENDING, in any system. */
  hasPending(unifiedId: string): boolean {
    return this.byObject.get(unifiedId)?.some((e) => e.status === 'PENDING') ?? false;
  }

  /** Records a failed attempt that may succeed later. */
  retryLater(id: string, nextAttemptAt: DateTime, error: string): Promise<void> {
    return this.change(id, (entry) => ({ ...entry, attempts: entry.attempts + 1, nextAttemptAt, lastError: error }));
  }

  /** Records a permanent failure: the entry stays, FAILED, for pendingWrites to show. */
  fail(id: string, error: string): Promise<void> {
    return this.change(id, (entry) => ({ ...entry, status: 'FAILED', attempts: entry.attempts + 1, nextAttemptAt: null, lastError: error }));
  }

  /** Drops a delivered entry (or one whose outcome the caller reported itself). */
  remove(id: string): Promise<void> {
    return this.writes.run(async () => {
      const entry = this.entries.get(id);
      if (!entry) return;
      await storeWrite(`delete outbox entry ${id}`, () => this.keyv.delete(id));
      this.entries.delete(id);
      const siblings = (this.byObject.get(entry.unifiedId) ?? []).filter((e) => e.id !== id);
      if (siblings.length === 0) this.byObject.delete(entry.unifiedId);
      else this.byObject.set(entry.unifiedId, siblings);
      this.claimed.delete(id);
      this.sorted = null;
    });
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /** Puts the entry in (or replaces it in) the map and its object's list, which stays oldest first. */
  private index(entry: OutboxEntry): void {
    // A first sync queues thousands of writes, each with two or three DateTimes.
    shareLocale(entry.createdAt);
    shareLocale(entry.nextAttemptAt);
    shareFieldLocales(entry.payload);
    if (!this.entries.has(entry.id)) {
      if (entry.id < this.newestId) this.inIdOrder = false;
      else this.newestId = entry.id;
    }
    this.entries.set(entry.id, entry);
    const siblings = (this.byObject.get(entry.unifiedId) ?? []).filter((e) => e.id !== entry.id);
    siblings.push(entry);
    if (siblings.length > 1 && siblings.at(-2)!.id > entry.id) siblings.sort((a, b) => (a.id < b.id ? -1 : 1));
    this.byObject.set(entry.unifiedId, siblings);
  }

  private change(id: string, next: (entry: OutboxEntry) => OutboxEntry): Promise<void> {
    return this.writes.run(async () => {
      const entry = this.entries.get(id);
      if (!entry) return;
      const changed = Object.freeze(next(entry));
      await storeWrite(`write outbox entry ${id}`, () => this.keyv.set(id, encode(changed)));
      this.index(changed);
      this.sorted = null;
    });
  }
}
