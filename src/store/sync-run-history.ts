// The sync's run history: the newest runs (for syncRuns), and per CRM and entity its latest and
// latest successful run (for syncStatus), kept even after those runs leave the history.
//
// Like the outbox: synchronous reads from an in-memory projection loaded at open, writes persisted
// (one at a time) before they resolve; one gateway process per store. Runs are stored under their
// ids; the two per-entity runs under `latest:<system>:<entity>` and `success:<system>:<entity>`.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes.js';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { SYNC_RUN_OUTCOMES, SYNC_TRIGGERS, type SyncRun } from '../sync/sync-run.js';
import { orderedId } from './ordered-id.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';

export const DEFAULT_SYNC_RUN_LIMIT = 1_000;

export interface SyncRunHistoryOptions {
  /** How many runs the history keeps (default 1,000); older ones are deleted. */
  limit?: number;
}

const RUN_PREFIX = 'run_';
const POINTERS = ['latest', 'success'] as const;
type Pointer = (typeof POINTERS)[number];

const count = z.number().int().min(0);
const StoredRunSchema = z.object({
  id: z.string(),
  system: z.enum(SYSTEMS),
  entity: z.enum(ENTITY_TYPES),
  trigger: z.enum(SYNC_TRIGGERS),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(SYNC_RUN_OUTCOMES),
  cursor: z.string().nullable(),
  counts: z.object({ pulled: count, changed: count, deleted: count, pushed: count, conflicts: count, echoes: count, errors: count }),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
});
type StoredRun = z.infer<typeof StoredRunSchema>;

function pointerKey(pointer: Pointer, system: System, entity: EntityType): string {
  return `${pointer}:${system}:${entity}`;
}

function iso(value: DateTime): string {
  return value.toUTC().toISO() ?? '';
}

function encode(run: SyncRun): StoredRun {
  return { ...run, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt), counts: { ...run.counts }, error: run.error && { ...run.error } };
}

/** The run stored under `key`: its id, or a pointer naming its system and entity. */
function decode(key: string, value: unknown): SyncRun {
  const parsed = StoredRunSchema.safeParse(value);
  const startedAt = parsed.success ? DateTime.fromISO(parsed.data.startedAt, { zone: 'utc' }) : null;
  const finishedAt = parsed.success ? DateTime.fromISO(parsed.data.finishedAt, { zone: 'utc' }) : null;
  const keyFits =
    parsed.success &&
    (key === parsed.data.id || POINTERS.some((pointer) => key === pointerKey(pointer, parsed.data.system, parsed.data.entity))) &&
    (key !== pointerKey('success', parsed.data.system, parsed.data.entity) || parsed.data.outcome === 'SUCCEEDED');
  if (!parsed.success || !keyFits || !startedAt?.isValid || !finishedAt?.isValid) {
    throw new GatewayError('INTERNAL', `stored sync run ${JSON.stringify(key)} must be a sync run under its id or its system and entity, but got: ${JSON.stringify(value)}`);
  }
  return Object.freeze({ ...parsed.data, startedAt, finishedAt, counts: Object.freeze(parsed.data.counts), error: parsed.data.error && Object.freeze(parsed.data.error) });
}

export class SyncRunHistory {
  private readonly runs = new Map<string, SyncRun>();
  // Keyed by pointerKey: the newest run (by start) per CRM and entity, and the newest successful one.
  private readonly pointers = new Map<string, SyncRun>();
  private readonly writes = new SerialQueue();
  private sorted: readonly SyncRun[] | null = null;

  private constructor(
    private readonly keyv: Keyv,
    readonly limit: number,
  ) {}

  /** Opens the history from its stored runs, deleting (durably) those beyond the limit. */
  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, options: SyncRunHistoryOptions = {}): Promise<SyncRunHistory> {
    const limit = options.limit ?? DEFAULT_SYNC_RUN_LIMIT;
    if (!Number.isInteger(limit) || limit <= 0) throw new GatewayError('CONFIG', `limit must be a positive whole number of runs, but got: ${String(limit)}`);
    const history = new SyncRunHistory(keyv, limit);
    for await (const [key, value] of stored) {
      const run = decode(key, value);
      if (key.startsWith(RUN_PREFIX)) history.runs.set(key, run);
      else history.pointers.set(key, run);
    }
    // Runs and their pointers are written together; this only makes sure a pointer is never older than a run kept.
    for (const [key, run] of history.newerPointers(history.runs.values())) history.pointers.set(key, run);
    await history.writes.run(() => history.prune());
    return history;
  }

  /** Stores a finished run under a new id that sorts in start order; resolves to it. */
  async record(run: Omit<SyncRun, 'id'>): Promise<SyncRun> {
    const [recorded] = await this.recordMany([run]);
    return recorded!;
  }

  /** Stores finished runs in one store round trip (plus one to delete runs beyond the limit). */
  recordMany(runs: readonly Omit<SyncRun, 'id'>[]): Promise<SyncRun[]> {
    const recorded = runs.map((run): SyncRun => Object.freeze({ ...run, id: orderedId(RUN_PREFIX, run.startedAt) }));
    return this.writes.run(async () => {
      if (recorded.length === 0) return [];
      const pointed = this.newerPointers(recorded);
      const entries = [...recorded.map((run) => ({ key: run.id, value: encode(run) })), ...[...pointed].map(([key, run]) => ({ key, value: encode(run) }))];
      await storeWrite(`write ${recorded.length} sync runs`, () => this.keyv.setMany(entries));
      for (const run of recorded) this.runs.set(run.id, run);
      for (const [key, run] of pointed) this.pointers.set(key, run);
      this.sorted = null;
      await this.prune();
      return recorded;
    });
  }

  /** The runs kept, newest (by start) first. */
  list(): readonly SyncRun[] {
    this.sorted ??= Object.freeze([...this.runs.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)));
    return this.sorted;
  }

  /** The last run of this CRM and entity, or null when it never ran. */
  latest(system: System, entity: EntityType): SyncRun | null {
    return this.pointers.get(pointerKey('latest', system, entity)) ?? null;
  }

  /** The last successful run of this CRM and entity, or null when none succeeded. */
  lastSuccess(system: System, entity: EntityType): SyncRun | null {
    return this.pointers.get(pointerKey('success', system, entity)) ?? null;
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /** The pointers that `runs` move forward: each to the newest (by start) run it may point to. */
  private newerPointers(runs: Iterable<SyncRun>): Map<string, SyncRun> {
    const moved = new Map<string, SyncRun>();
    for (const run of runs) {
      for (const pointer of POINTERS) {
        if (pointer === 'success' && run.outcome !== 'SUCCEEDED') continue;
        const key = pointerKey(pointer, run.system, run.entity);
        const current = moved.get(key) ?? this.pointers.get(key);
        if (!current || current.id < run.id) moved.set(key, run);
      }
    }
    return moved;
  }

  // Runs inside the write queue.
  private async prune(): Promise<void> {
    const excess = this.list().slice(this.limit);
    if (excess.length === 0) return;
    const ids = excess.map((run) => run.id);
    await storeWrite(`delete ${ids.length} old sync runs`, () => this.keyv.deleteMany(ids));
    for (const id of ids) this.runs.delete(id);
    this.sorted = null;
  }
}
