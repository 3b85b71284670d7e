// Records in the change log what the indexer's pulls changed (origin: the record's CRM). Writes
// through the gateway are recorded by the write path instead: it caches what the CRM returned, so
// the pull that lists those records again finds them unchanged and reports nothing.
//
// The indexer delivers a page at least once (a page whose commit a crash interrupted comes again,
// with the same cached copies as `previous`), so each change carries a key made from the record's
// transition — the copy before and the copy after, with their modification times — and the log
// skips a key it already holds.
import { mergedFieldChanges } from '../identity/merged-field-changes.js';
import type { MergePolicy } from '../identity/merge-policy.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import { contentHash } from '../store/content-hash.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { recordContentHash, type RecordCache } from '../store/record-cache.js';
import type { IndexedPage } from '../sync/page-applier.js';
import type { ChangeLog } from './change-log.js';

export interface PulledChangesDeps {
  identity: IdentityIndex;
  records: RecordCache;
  changes: ChangeLog;
  /** The read path's merge policy, so changedFields name what a reader sees change. */
  policy?: MergePolicy;
}

/** A record's copy as a key part: its content and its modification time. */
function version(record: RemoteRecord | null): [string, number | null] | null {
  return record ? [recordContentHash(record), record.modifiedAt?.toMillis() ?? null] : null;
}

export class PulledChanges {
  constructor(private readonly deps: PulledChangesDeps) {}

  /** The indexer's page listener: one change per unified object a pulled record changed. */
  readonly observe = async (page: IndexedPage): Promise<void> => {
    const { system, entity } = page;
    // Records this page already changed, by remoteId (null: deleted), for the records after them.
    const changed = new Map<string, RemoteRecord | null>();
    for (const upsert of page.upserts) {
      const { record, previous, unifiedId, newlyLinked } = upsert;
      const others = this.linkedRecords(system, entity, unifiedId, record.remoteId, changed);
      const before = newlyLinked || previous === null ? others : [...others, previous];
      const after = [...others, record];
      let changedFields = mergedFieldChanges(before, after, this.deps.policy, this.deps.identity);
      // mergedFieldChanges names `sources` for a change of links; a record already linked changes none.
      if (!newlyLinked) changedFields = changedFields.filter((field) => field !== 'sources');
      changed.set(record.remoteId, record);
      if (changedFields.length === 0) continue;
      await this.deps.changes.append({
        entity,
        id: unifiedId,
        op: before.length === 0 ? 'CREATED' : 'UPDATED',
        origin: system,
        changedFields,
        key: contentHash(['pulled', system, entity, record.remoteId, unifiedId, version(previous), version(record)]),
      });
    }
    for (const deletion of page.deletions) {
      const { remoteId, previous, unifiedId, identityRemoved } = deletion;
      changed.set(remoteId, null);
      if (unifiedId === null) continue;
      const key = contentHash(['deleted', system, entity, remoteId, unifiedId, version(previous)]);
      if (identityRemoved) {
        await this.deps.changes.append({ entity, id: unifiedId, op: 'DELETED', origin: system, changedFields: [], key });
        continue;
      }
      const after = this.linkedRecords(system, entity, unifiedId, remoteId, changed);
      const before = previous === null ? after : [...after, previous];
      await this.deps.changes.append({ entity, id: unifiedId, op: 'UPDATED', origin: system, changedFields: mergedFieldChanges(before, after, this.deps.policy, this.deps.identity), key });
    }
  };

  /** The object's other linked records: as this page left them, else as cached. */
  private linkedRecords(system: System, entity: EntityType, unifiedId: string, except: string, changed: ReadonlyMap<string, RemoteRecord | null>): RemoteRecord[] {
    const links = this.deps.identity.get(unifiedId)?.links ?? [];
    return links.flatMap((link) => {
      if (link.system === system && link.remoteId === except) return [];
      if (link.system === system && changed.has(link.remoteId)) {
        const record = changed.get(link.remoteId);
        return record ? [record] : [];
      }
      const cached = this.deps.records.get({ system: link.system, entity, remoteId: link.remoteId });
      return cached ? [cached.record] : [];
    });
  }
}
