// The objects whose twins changed in a pull and that the sync has not reconciled yet, each with
// the changed twins' field hashes from before the change.
//
// Written before a pulled page is committed to the record cache (write-ahead): once the cache holds
// the new copies, these hashes are the only trace of what changed, so a crash between the pull and
// the reconcile must not lose them.
import type Keyv from 'keyv';
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType, type System } from '../model/system.js';
import type { FieldHashes } from '../sync/field-values.js';
import { PersistentMap } from './persistent-map.js';

const EntrySchema = z.object({
  entity: z.enum(ENTITY_TYPES),
  /** "SYSTEM:remoteId" → the twin's field hashes before its change; null: a twin linked for the first time. */
  twins: z.record(z.string(), z.record(z.string(), z.string()).nullable()),
});

export interface BacklogEntry {
  unifiedId: string;
  entity: EntityType;
  twins: ReadonlyMap<string, FieldHashes | null>;
}

/** One changed twin for `note`. */
export interface ChangedTwin {
  entity: EntityType;
  unifiedId: string;
  system: System;
  remoteId: string;
  /** Its field hashes before the change; null when it is newly linked. */
  previous: FieldHashes | null;
}

export function twinKey(system: System, remoteId: string): string {
  return `${system}:${remoteId}`;
}

export class SyncBacklog {
  private constructor(private readonly map: PersistentMap<z.output<typeof EntrySchema>>) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>): Promise<SyncBacklog> {
    return new SyncBacklog(await PersistentMap.load(keyv, stored, EntrySchema, 'sync backlog entry'));
  }

  get size(): number {
    return this.map.size;
  }

  /**
   * Adds changed twins. A twin already waiting keeps its older `previous` (a page listed again
   * after a crash, or a second change before the reconcile): the reconcile compares against the
   * state it last settled.
   */
  note(changes: readonly ChangedTwin[]): Promise<void> {
    const updated = new Map<string, z.output<typeof EntrySchema>>();
    for (const change of changes) {
      const entry = updated.get(change.unifiedId) ?? this.copy(change.unifiedId) ?? { entity: change.entity, twins: {} };
      const key = twinKey(change.system, change.remoteId);
      if (!(key in entry.twins)) entry.twins[key] = change.previous === null ? null : { ...change.previous };
      updated.set(change.unifiedId, entry);
    }
    return this.map.setMany(updated);
  }

  /** Objects of one entity waiting to be reconciled. */
  pending(entity: EntityType): BacklogEntry[] {
    const out: BacklogEntry[] = [];
    for (const [unifiedId, entry] of this.map.entries()) {
      if (entry.entity === entity) out.push({ unifiedId, entity, twins: new Map(Object.entries(entry.twins)) });
    }
    return out;
  }

  /** Drops reconciled objects. */
  settle(unifiedIds: readonly string[]): Promise<void> {
    return this.map.setMany(new Map(unifiedIds.map((id) => [id, null])));
  }

  idle(): Promise<void> {
    return this.map.idle();
  }

  private copy(unifiedId: string): z.output<typeof EntrySchema> | undefined {
    const entry = this.map.get(unifiedId);
    return entry ? { entity: entry.entity, twins: { ...entry.twins } } : undefined;
  }
}
