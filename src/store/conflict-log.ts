// The conflict log: every conflict the sync settled, with each side's value, the winner and the
// rule, kept as long as the change log keeps changes — so nothing is overwritten without a trace.
//
// Like the change log: the entries within the retention are kept in memory (loaded at open), each
// record is persisted before it resolves, records run one at a time; one gateway process per store.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DEFAULT_CHANGELOG_RETENTION_MS } from '../events/change-log.js';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_TYPES, SYSTEMS } from '../model/system.js';
import { CONFLICT_RULES, type NewSyncConflict, type SyncConflict } from '../sync/sync-conflict.js';
import { orderedId } from './ordered-id.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';
import { checkedRetention } from '../events/retention-duration.js';

export interface ConflictLogOptions {
  /** How long a conflict is kept, in ms (default: the change log's default retention). */
  retentionMs?: number;
  now?: () => DateTime;
}

const StoredConflictSchema = z.object({
  id: z.string(),
  at: z.string(),
  entity: z.enum(ENTITY_TYPES),
  unifiedId: z.string(),
  field: z.string(),
  values: z.array(z.object({ system: z.enum(SYSTEMS), remoteId: z.string(), value: z.unknown(), modifiedAt: z.string().nullable() })),
  winner: z.enum(SYSTEMS),
  rule: z.enum(CONFLICT_RULES),
});
type StoredConflict = z.infer<typeof StoredConflictSchema>;

function iso(value: DateTime): string {
  return value.toUTC().toISO() ?? '';
}

function encode(conflict: SyncConflict): StoredConflict {
  return {
    ...conflict,
    at: iso(conflict.at),
    // A value JSON leaves out (undefined) comes back as null, which is what GraphQL shows for it anyway.
    values: conflict.values.map((side) => ({ ...side, value: side.value ?? null, modifiedAt: side.modifiedAt === null ? null : iso(side.modifiedAt) })),
  };
}

function decode(key: string, value: unknown): SyncConflict {
  const parsed = StoredConflictSchema.safeParse(value);
  const fail = () => new GatewayError('INTERNAL', `stored conflict ${JSON.stringify(key)} must be a conflict with that id, but got: ${JSON.stringify(value)}`);
  if (!parsed.success || parsed.data.id !== key) throw fail();
  const date = (text: string) => {
    const parsedDate = DateTime.fromISO(text, { zone: 'utc' });
    if (!parsedDate.isValid) throw fail();
    return parsedDate;
  };
  const stored = parsed.data;
  return Object.freeze({
    ...stored,
    at: date(stored.at),
    values: stored.values.map((side) => Object.freeze({ ...side, value: side.value ?? null, modifiedAt: side.modifiedAt === null ? null : date(side.modifiedAt) })),
  });
}

export class ConflictLog {
  // Oldest first: ids sort in record order.
  private readonly entries: SyncConflict[] = [];
  private readonly writes = new SerialQueue();
  private newestFirst: readonly SyncConflict[] | null = null;

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
    readonly retentionMs: number,
  ) {}

  /** Opens the log from its stored conflicts, dropping (durably) those past the retention. */
  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, options: ConflictLogOptions = {}): Promise<ConflictLog> {
    const retentionMs = checkedRetention(options.retentionMs ?? DEFAULT_CHANGELOG_RETENTION_MS);
    const log = new ConflictLog(keyv, options.now ?? (() => DateTime.utc()), retentionMs);
    for await (const [key, value] of stored) log.entries.push(decode(key, value));
    log.entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await log.prune();
    return log;
  }

  /** Conflicts held (within the retention). */
  get count(): number {
    return this.entries.length;
  }

  /** Stamps the conflicts now, with ids in the order given, and stores them in one round trip. */
  record(conflicts: readonly NewSyncConflict[]): Promise<SyncConflict[]> {
    return this.writes.run(async () => {
      if (conflicts.length === 0) return [];
      const at = this.now();
      const recorded = conflicts.map(
        (conflict): SyncConflict => Object.freeze({ ...conflict, id: orderedId('cf_', at), at, values: conflict.values.map((side) => Object.freeze({ ...side })) }),
      );
      await storeWrite(`write ${recorded.length} conflicts`, () => this.keyv.setMany(recorded.map((conflict) => ({ key: conflict.id, value: encode(conflict) }))));
      this.entries.push(...recorded);
      this.newestFirst = null;
      return recorded;
    });
  }

  /** The conflicts held, newest first. */
  list(): readonly SyncConflict[] {
    this.newestFirst ??= Object.freeze([...this.entries].reverse());
    return this.newestFirst;
  }

  /** Deletes, from the store and from memory, the conflicts older than the retention; resolves to how many. */
  prune(): Promise<number> {
    return this.writes.run(async () => {
      const horizon = this.now().toMillis() - this.retentionMs;
      let count = 0;
      while (count < this.entries.length && this.entries[count]!.at.toMillis() < horizon) count += 1;
      if (count === 0) return 0;
      const ids = this.entries.slice(0, count).map((conflict) => conflict.id);
      await storeWrite(`delete ${count} conflicts past the retention`, () => this.keyv.deleteMany(ids));
      this.entries.splice(0, count);
      this.newestFirst = null;
      return count;
    });
  }

  /** Resolves once every write started so far has settled. */
  idle(): Promise<void> {
    return this.writes.idle();
  }
}
