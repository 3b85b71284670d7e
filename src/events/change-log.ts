// The change log: every change to a unified object, in order, durably — what the change-feed
// subscription replays from a client's cursor and then follows.
//
// Entries are kept in memory (loaded at open) and each append is persisted before it resolves;
// appends run one at a time, so cursors are strictly increasing. One gateway process per store.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { SerialQueue } from '../store/serial-queue.js';
import { storeWrite } from '../store/store-write.js';

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
}

export type NewChange = Omit<ChangeEntry, 'cursor' | 'at' | 'mergedIds'> & { mergedIds?: readonly string[] };

const StoredChangeSchema = z.object({
  cursor: z.string(),
  at: z.string(),
  entity: z.enum(ENTITY_TYPES),
  id: z.string(),
  op: z.enum(CHANGE_OPS),
  origin: z.enum(SYSTEMS).nullable(),
  changedFields: z.array(z.string()),
  mergedIds: z.array(z.string()),
});

// A fixed-width decimal sequence number: string order is numeric order, and 16 digits never run out.
const CURSOR_DIGITS = 16;
const CURSOR_PATTERN = /^\d{16}$/;

function cursorOf(sequence: number): string {
  return String(sequence).padStart(CURSOR_DIGITS, '0');
}

function decode(key: string, value: unknown): ChangeEntry {
  const parsed = StoredChangeSchema.safeParse(value);
  const at = parsed.success ? DateTime.fromISO(parsed.data.at, { zone: 'utc' }) : null;
  if (!parsed.success || parsed.data.cursor !== key || !CURSOR_PATTERN.test(key) || !at?.isValid) {
    throw new GatewayError('INTERNAL', `stored change ${JSON.stringify(key)} must be a change log entry, but got: ${JSON.stringify(value)}`);
  }
  return Object.freeze({ ...parsed.data, at });
}

export class ChangeLog {
  private readonly entries: ChangeEntry[] = [];
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
  ) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, now: () => DateTime = () => DateTime.utc()): Promise<ChangeLog> {
    const log = new ChangeLog(keyv, now);
    for await (const [key, value] of stored) log.entries.push(decode(key, value));
    log.entries.sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
    return log;
  }

  /** The cursor of the newest entry, or null while the log is empty. */
  get lastCursor(): string | null {
    return this.entries.at(-1)?.cursor ?? null;
  }

  /** Whether `value` has the shape of a cursor this log hands out. */
  static isCursor(value: string): boolean {
    return CURSOR_PATTERN.test(value);
  }

  /** Appends the change with the next cursor, stamped now; resolves once it is stored. */
  append(change: NewChange): Promise<ChangeEntry> {
    return this.writes.run(async () => {
      const last = this.entries.at(-1);
      const entry: ChangeEntry = Object.freeze({
        cursor: cursorOf(last ? Number(last.cursor) + 1 : 1),
        at: this.now(),
        entity: change.entity,
        id: change.id,
        op: change.op,
        origin: change.origin,
        changedFields: Object.freeze([...change.changedFields]),
        mergedIds: Object.freeze([...(change.mergedIds ?? [])]),
      });
      await storeWrite(`append change ${entry.cursor}`, () => this.keyv.set(entry.cursor, { ...entry, at: entry.at.toUTC().toISO() }));
      this.entries.push(entry);
      return entry;
    });
  }

  /**
   * Up to `limit` entries after `cursor` (from the start when null), oldest first. Throws
   * BAD_USER_INPUT naming `after` when the cursor is not one this log hands out.
   */
  after(cursor: string | null, limit: number): ChangeEntry[] {
    if (cursor !== null && !ChangeLog.isCursor(cursor)) {
      throw GatewayError.badInput('after', `Argument "after" must be a change cursor returned by the change feed, but got: ${JSON.stringify(cursor)}`);
    }
    if (!Number.isInteger(limit) || limit < 0) throw new GatewayError('INTERNAL', `limit must be a non-negative integer, but got: ${limit}`);
    let lo = 0;
    let hi = this.entries.length;
    while (cursor !== null && lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.cursor <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo, lo + limit);
  }

  /** Resolves once every append started so far has settled. */
  idle(): Promise<void> {
    return this.writes.idle();
  }
}
