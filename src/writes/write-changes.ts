// Records in the change log what a write through the gateway changed (origin null for a mutation;
// for a sync write, the CRM whose change it carries). The indexer cannot: the write path puts the
// CRM's answer in the record cache, so the indexer later finds those records unchanged.
import type { Logger } from 'pino';
import type { ChangeLog, ChangeOp } from '../events/change-log.js';
import { mergedFieldChanges } from '../identity/merged-field-changes.js';
import type { MergePolicy } from '../identity/merge-policy.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import { SerialQueue } from '../store/serial-queue.js';

export interface WriteChangesDeps {
  identity: IdentityIndex;
  records: RecordCache;
  changes: ChangeLog;
  logger: Logger;
  /** The read path's merge policy, so changedFields name what a reader sees change. */
  policy?: MergePolicy;
}

/** The object's records as the cache holds them, and which ones they are. */
export interface RecordSnapshot {
  records: RemoteRecord[];
  /** "SYSTEM:remoteId" of each linked record, to tell whether `sources` changed. */
  links: string[];
}

export class WriteChanges {
  // Per object: one write (a mutation's fan-out, or one queued write the worker delivers) at a
  // time between its snapshot and its record, so two never both report the object as created.
  private readonly queues = new Map<string, { queue: SerialQueue; users: number }>();

  constructor(private readonly deps: WriteChangesDeps) {}

  /**
   * Runs `work` (writes to the object) and records what it changed, as one change; `origin` is
   * the CRM whose change a sync write carries (null: a gateway mutation).
   */
  async around<T>(entity: EntityType, unifiedId: string, work: () => Promise<T>, origin: System | null = null): Promise<T> {
    const slot = this.queues.get(unifiedId) ?? { queue: new SerialQueue(), users: 0 };
    this.queues.set(unifiedId, slot);
    slot.users += 1;
    try {
      return await slot.queue.run(async () => {
        const before = this.snapshot(entity, unifiedId);
        const result = await work();
        await this.record(entity, unifiedId, before, origin);
        return result;
      });
    } finally {
      slot.users -= 1;
      if (slot.users === 0) this.queues.delete(unifiedId);
    }
  }

  /** What the object is now, as the cache holds it. */
  private snapshot(entity: EntityType, unifiedId: string): RecordSnapshot {
    const links = this.deps.identity.get(unifiedId)?.links ?? [];
    const records = links.flatMap((link) => {
      const cached = this.deps.records.get({ system: link.system, entity, remoteId: link.remoteId });
      return cached ? [cached.record] : [];
    });
    return { records, links: links.map((link) => `${link.system}:${link.remoteId}`).sort() };
  }

  /**
   * Appends CREATED (the object has its first record), DELETED (its last record went) or UPDATED
   * with the fields whose merged value changed; nothing when nothing a reader sees changed.
   * Never throws: the CRMs have the write, and a change log that failed to note it must not turn
   * the write's result into an error.
   */
  private async record(entity: EntityType, unifiedId: string, before: RecordSnapshot, origin: System | null): Promise<void> {
    try {
      await this.append(entity, unifiedId, before, origin);
    } catch (err) {
      this.deps.logger.error({ err, entity, unifiedId }, 'a write went through, but the change log could not record it');
    }
  }

  private async append(entity: EntityType, unifiedId: string, before: RecordSnapshot, origin: System | null): Promise<void> {
    const after = this.snapshot(entity, unifiedId);
    let op: ChangeOp;
    let changedFields: string[];
    if (before.links.length === 0 && after.links.length === 0) return;
    if (after.links.length === 0) {
      op = 'DELETED';
      changedFields = [];
    } else {
      op = before.links.length === 0 ? 'CREATED' : 'UPDATED';
      changedFields = mergedFieldChanges(before.records, after.records, this.deps.policy, this.deps.identity);
      // mergedFieldChanges always names `sources`, for the link changes it was made for.
      if (before.links.join() === after.links.join()) changedFields = changedFields.filter((field) => field !== 'sources');
      if (changedFields.length === 0) return;
    }
    await this.deps.changes.append({ entity, id: unifiedId, op, origin, changedFields });
  }
}
