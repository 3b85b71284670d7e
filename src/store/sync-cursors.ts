// Where each connector's incremental listing resumes, per entity, and when it last ran.
//
// Synchronous reads from memory, writes persisted before they resolve (one process per store).
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';

export interface SyncCursorState {
  readonly system: System;
  readonly entity: EntityType;
  /** The connector's opaque cursor after the last applied page; null: never listed (next run is full). */
  readonly cursor: string | null;
  /** When that cursor was stored. */
  readonly cursorSetAt: DateTime | null;
  /** When a listing of this system and entity last finished (with or without new pages). */
  readonly lastRunAt: DateTime | null;
}

const StoredCursorSchema = z.object({
  system: z.enum(SYSTEMS),
  entity: z.enum(ENTITY_TYPES),
  cursor: z.string().nullable(),
  cursorSetAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
});
type StoredCursor = z.infer<typeof StoredCursorSchema>;

function key(system: System, entity: EntityType): string {
  return `${system}:${entity}`;
}

function toIso(value: DateTime | null): string | null {
  return value === null ? null : value.toUTC().toISO();
}

function fromIso(value: string | null, where: string): DateTime | null {
  if (value === null) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw new GatewayError('INTERNAL', `stored sync cursor ${where} must hold ISO date-times, but got: ${JSON.stringify(value)}`);
  return parsed;
}

export class SyncCursors {
  private readonly states = new Map<string, SyncCursorState>();
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
  ) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, now: () => DateTime = () => DateTime.utc()): Promise<SyncCursors> {
    const cursors = new SyncCursors(keyv, now);
    for await (const [k, value] of stored) {
      const parsed = StoredCursorSchema.safeParse(value);
      if (!parsed.success || key(parsed.data.system, parsed.data.entity) !== k) {
        throw new GatewayError('INTERNAL', `stored sync cursor ${JSON.stringify(k)} must be a cursor state, but got: ${JSON.stringify(value)}`);
      }
      const s = parsed.data;
      cursors.states.set(k, Object.freeze({ ...s, cursorSetAt: fromIso(s.cursorSetAt, k), lastRunAt: fromIso(s.lastRunAt, k) }));
    }
    return cursors;
  }

  /** The state for one system and entity (cursor null when it was never listed). */
  get(system: System, entity: EntityType): SyncCursorState {
    return this.states.get(key(system, entity)) ?? { system, entity, cursor: null, cursorSetAt: null, lastRunAt: null };
  }

  /** Every stored state. */
  list(): SyncCursorState[] {
    return [...this.states.values()];
  }

  /** Stores where the next listing resumes; null forgets the cursor so the next listing is full. */
  set(system: System, entity: EntityType, cursor: string | null): Promise<void> {
    return this.update(system, entity, (s) => ({ ...s, cursor, cursorSetAt: cursor === null ? null : this.now() }));
  }

  /** Records that a listing of this system and entity finished at `at` (default now). */
  markRun(system: System, entity: EntityType, at: DateTime = this.now()): Promise<void> {
    return this.update(system, entity, (s) => ({ ...s, lastRunAt: at }));
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  private update(system: System, entity: EntityType, change: (state: SyncCursorState) => SyncCursorState): Promise<void> {
    return this.writes.run(async () => {
      const k = key(system, entity);
      const next = Object.freeze(change(this.get(system, entity)));
      const stored: StoredCursor = { system, entity, cursor: next.cursor, cursorSetAt: toIso(next.cursorSetAt), lastRunAt: toIso(next.lastRunAt) };
      await storeWrite(`write sync cursor ${k}`, () => this.keyv.set(k, stored));
      this.states.set(k, next);
    });
  }
}
