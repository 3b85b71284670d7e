// The change log: every change to a unified object, in order, durably — what the change-feed
// subscription replays from a client's cursor and then follows.
//
// Entries younger than the retention are kept in memory (loaded at open) and each append is
// persisted before it resolves; appends run one at a time, so cursors are strictly increasing.
// Listeners hear of each entry synchronously once it is stored, so a subscriber follows the log
// without polling. One gateway process per store.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { shareLocale } from '../model/shared-locale.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { SerialQueue } from '../store/serial-queue.js';
import { storeWrite } from '../store/store-write.js';
import { checkedRetention } from './retention-duration.js';

export const CHANGE_OPS = ['CREATED', 'UPDATED', 'DELETED', 'MERGED'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export interface ChangeEntry {
  /** Opaque to clients; strictly increasing, and sorts as a string in log order. */
  readonly cursor: string;
  readonly at: DateTime;
  readonly entity: EntityType;
  /** The unified id; for MERGED, the survivor. */
  readonly id: string;
  readonly op: ChangeOp;
  /** The CRM the change came from; null when it came through the gateway. */
  readonly origin: System | null;
  /** Unified field names whose value changed. */
  readonly changedFields: readonly string[];
  /** MERGED only: the ids merged into `id` (they now resolve to it); empty otherwise. */
  readonly mergedIds: readonly string[];
  /**
   * Identifies what caused the change (e.g. one pulled record's transition), for callers that may
   * report the same cause twice: an append whose key an entry still in the log carries is skipped.
   */
  readonly key: string | null;
}

export type NewChange = Omit<ChangeEntry, 'cursor' | 'at' | 'mergedIds' | 'key'> & { mergedIds?: readonly string[]; key?: string };

export type ChangeListener = (entry: ChangeEntry) => void;

export interface ChangeLogOptions {
  now?: () => DateTime;
  /** How long an entry is kept, in ms (default 7 days); older ones are pruned. */
  retentionMs?: number;
}

export const DEFAULT_CHANGELOG_RETENTION_MS = 7 * 24 * 3_600_000;

const StoredChangeSchema = z.object({
  cursor: z.string(),
  at: z.string(),
  entity: z.enum(ENTITY_TYPES),
  id: z.string(),
  op: z.enum(CHANGE_OPS),
  origin: z.enum(SYSTEMS).nullable(),
  changedFields: z.array(z.string()),
  mergedIds: z.array(z.string()),
  // Entries written before keys existed have none.
  key: z.string().nullable().default(null),
});

// A fixed-width decimal sequence number: string order is numeric order, and 16 digits never run out.
const CURSOR_DIGITS = 16;
const CURSOR_PATTERN = /^\d{16}$/;

function cursorOf(sequence: number): string {
  return String(sequence).padStart(CURSOR_DIGITS, '0');
}

// A first sync appends a change per object, most naming one of a few field lists: entries share one
// frozen copy of each (field names come from a fixed set; the bound only guards against surprises).
const FIELD_LISTS = new Map<string, readonly string[]>();
const MAX_FIELD_LISTS = 4_096;
const NO_IDS: readonly string[] = Object.freeze([]);

function fieldList(fields: readonly string[]): readonly string[] {
  const key = fields.join(',');
  let list = FIELD_LISTS.get(key);
  if (!list) {
    list = Object.freeze([...fields]);
    if (FIELD_LISTS.size < MAX_FIELD_LISTS) FIELD_LISTS.set(key, list);
  }
  return list;
}

function idList(ids: readonly string[]): readonly string[] {
  return ids.length === 0 ? NO_IDS : Object.freeze([...ids]);
}

function decode(key: string, value: unknown): ChangeEntry {
  const parsed = StoredChangeSchema.safeParse(value);
  const at = parsed.success ? DateTime.fromISO(parsed.data.at, { zone: 'utc' }) : null;
  if (!parsed.success || parsed.data.cursor !== key || !CURSOR_PATTERN.test(key) || !at?.isValid) {
    throw new GatewayError('INTERNAL', `stored change ${JSON.stringify(key)} must be a change log entry, but got: ${JSON.stringify(value)}`);
  }
  return Object.freeze({ ...parsed.data, changedFields: fieldList(parsed.data.changedFields), mergedIds: idList(parsed.data.mergedIds), at: shareLocale(at) });
}

export class ChangeLog {
  // Oldest first; only entries within the retention (and always the newest, see prune).
  private readonly entries: ChangeEntry[] = [];
  private readonly keys = new Map<string, ChangeEntry>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
    readonly retentionMs: number,
  ) {}

  /** Opens the log from its stored entries, dropping (durably) those past the retention. */
  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, options: ChangeLogOptions = {}): Promise<ChangeLog> {
    const retentionMs = checkedRetention(options.retentionMs ?? DEFAULT_CHANGELOG_RETENTION_MS);
    const log = new ChangeLog(keyv, options.now ?? (() => DateTime.utc()), retentionMs);
    for await (const [key, value] of stored) log.entries.push(decode(key, value));
    log.entries.sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
    for (const entry of log.entries) if (entry.key !== null) log.keys.set(entry.key, entry);
    await log.prune();
    return log;
  }

  /** The cursor of the newest entry, or null while the log is empty. */
  get lastCursor(): string | null {
    return this.entries.at(-1)?.cursor ?? null;
  }

  /** Entries held (within the retention). */
  get size(): number {
    return this.entries.length;
  }

  /** How many listeners follow the log (open change streams). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Whether `value` has the shape of a cursor this log hands out. */
  static isCursor(value: string): boolean {
    return CURSOR_PATTERN.test(value);
  }

  /**
   * Appends the change with the next cursor, stamped now; resolves once it is stored, after every
   * listener has been called with it. A change whose key an entry in the log already carries is
   * not appended again: that entry is returned.
   */
  append(change: NewChange): Promise<ChangeEntry> {
    return this.writes.run(async () => {
      const known = change.key === undefined ? undefined : this.keys.get(change.key);
      if (known) return known;
      const last = this.entries.at(-1);
      const entry: ChangeEntry = Object.freeze({
        cursor: cursorOf(last ? Number(last.cursor) + 1 : 1),
        at: shareLocale(this.now()),
        entity: change.entity,
        id: change.id,
        op: change.op,
        origin: change.origin,
        changedFields: fieldList(change.changedFields),
        mergedIds: idList(change.mergedIds ?? []),
        key: change.key ?? null,
      });
      await storeWrite(`append change ${entry.cursor}`, () => this.keyv.set(entry.cursor, { ...entry, at: entry.at.toUTC().toISO() }));
      this.entries.push(entry);
      if (entry.key !== null) this.keys.set(entry.key, entry);
      for (const listener of this.listeners) {
        // A listener is a subscriber's buffer; one that fails must not fail the change or the others.
        try {
          listener(entry);
        } catch {
          this.listeners.delete(listener);
        }
      }
      return entry;
    });
  }

  /**
   * Calls `listener` with every entry appended from now on, in cursor order, synchronously as each
   * is stored. Returns a function that stops it.
   */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Up to `limit` entries after `cursor` (from the oldest kept when null), oldest first. Throws
   * BAD_USER_INPUT naming `after` when the cursor is not one this log hands out or has handed out
   * yet, or when entries after it have been pruned (resuming from it would skip them silently).
   */
  after(cursor: string | null, limit: number): ChangeEntry[] {
    if (cursor !== null && !ChangeLog.isCursor(cursor)) {
      throw GatewayError.badInput('after', `Argument "after" must be a change cursor returned by the change feed, but got: ${JSON.stringify(cursor)}`);
    }
    if (!Number.isInteger(limit) || limit < 0) throw new GatewayError('INTERNAL', `limit must be a non-negative integer, but got: ${limit}`);
    const newest = this.lastCursor;
    // A cursor this log has not reached (another store's, or one from before the store was reset)
    // would hold back every change up to it.
    if (cursor !== null && (newest === null || cursor > newest)) {
      throw GatewayError.badInput(
        'after',
        `Argument "after" must be a cursor this gateway's change log handed out (the newest is ${newest === null ? 'none yet' : newest}), but got: ${JSON.stringify(cursor)}; read again from the current state and follow the feed without "after"`,
      );
    }
    const oldest = this.entries[0];
    // Cursors are consecutive, so the one just before the oldest kept entry still misses nothing.
    if (cursor !== null && oldest && Number(cursor) < Number(oldest.cursor) - 1) {
      throw GatewayError.badInput(
        'after',
        `Argument "after" must be a cursor within the change log's retention (the oldest change kept is ${oldest.cursor}), but got: ${JSON.stringify(cursor)}; read again from the current state and follow the feed without "after"`,
      );
    }
    let lo = 0;
    let hi = this.entries.length;
    while (cursor !== null && lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.cursor <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo, lo + limit);
  }

  /**
   * Deletes, from the store and from memory, the entries older than the retention; resolves to how
   * many. The newest entry is always kept: the next cursor follows it, so a restart after a quiet
   * week never hands out a cursor again.
   */
  prune(): Promise<number> {
    return this.writes.run(async () => {
      const horizon = this.now().toMillis() - this.retentionMs;
      let count = 0;
      while (count < this.entries.length - 1 && this.entries[count]!.at.toMillis() < horizon) count += 1;
      const pruned = this.entries.slice(0, count);
      for (const entry of pruned) {
        await storeWrite(`prune change ${entry.cursor}`, () => this.keyv.delete(entry.cursor));
      }
      this.entries.splice(0, count);
      for (const entry of pruned) if (entry.key !== null && this.keys.get(entry.key) === entry) this.keys.delete(entry.key);
      return count;
    });
  }

  /** Resolves once every append started so far has settled. */
  idle(): Promise<void> {
    return this.writes.idle();
  }
}
