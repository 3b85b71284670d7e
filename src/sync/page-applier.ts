// Applies one listing page to the identity index and the record cache, and says what changed.
//
// In two steps, so that a page whose listeners fail (or a crash) loses nothing: `prepare` links the
// records seen for the first time and works out what changed against the cache WITHOUT writing the
// cache; the listeners run; then `commit` writes the cache and drops deleted records. Until commit
// the cache still holds the copies from before the page, so a page listed again after a failure
// reports the same changes again: listeners get every change at least once.
import type { ChangePage } from '../../connectors/connector.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { recordContentHash, type RecordCache } from '../store/record-cache.js';
import { SerialQueue } from '../store/serial-queue.js';
import type { ResolveIdentity } from './identity-resolver.js';

export interface IndexedUpsert {
  record: RemoteRecord;
  /** The cached copy before this page, or null when the record is new to the gateway. */
  previous: RemoteRecord | null;
  unifiedId: string;
  /** resolveIdentity linked it while preparing this page (false when a replayed page finds it linked). */
  newlyLinked: boolean;
  /** Its unified data differs from the cached copy (always true when previous is null). */
  contentChanged: boolean;
}

export interface IndexedDeletion {
  remoteId: string;
  /** The cached copy that is dropped, or null when none was cached. */
  previous: RemoteRecord | null;
  /** The unified id the record is linked to, or null. */
  unifiedId: string | null;
  /** That is the id's last link: the unified object goes away with it. */
  identityRemoved: boolean;
}

/** What one page changes; handed to page listeners before the cache is written and the cursor stored. */
export interface IndexedPage {
  system: System;
  entity: EntityType;
  /** The cursor the listing started from (null: a full listing) and the one this page leads to. */
  fromCursor: string | null;
  cursor: string;
  /** Records that are new, changed, or linked for the first time; unchanged re-reads are left out. */
  upserts: IndexedUpsert[];
  /** Deletions of records the gateway knows (cached or linked); unknown ids are left out. */
  deletions: IndexedDeletion[];
  counts: { received: number; changed: number; unchanged: number; deleted: number };
}

/** A prepared page: what listeners see, plus what commit writes. */
export interface PreparedPage {
  page: IndexedPage;
  records: RemoteRecord[];
  deletedIds: string[];
}

export interface PageApplierDeps {
  identity: IdentityIndex;
  records: RecordCache;
  resolveIdentity: ResolveIdentity;
  /** Epoch ms, stamped on cached records as their fetchedAt. */
  now: () => number;
}

export class PageApplier {
  // One record resolves at a time across every connector: a matcher deciding whether a record is
  // a twin must see the links made for the records before it, whichever CRM they came from.
  private readonly resolving = new SerialQueue();

  constructor(private readonly deps: PageApplierDeps) {}

  /** Links first-seen records and works out the page's changes; writes no record to the cache. */
  async prepare<E extends EntityType>(system: System, entity: E, fromCursor: string | null, listed: ChangePage<E>): Promise<PreparedPage> {
    const { identity, records } = this.deps;
    const page: IndexedPage = { system, entity, fromCursor, cursor: listed.cursor, upserts: [], deletions: [], counts: { received: listed.records.length, changed: 0, unchanged: 0, deleted: 0 } };

    for (const record of listed.records) {
      if (record.system !== system || record.entity !== entity) {
        throw new GatewayError('MAPPING', `a ${system} ${entity} listing must yield ${system} ${entity} records, but got ${record.system} ${record.entity} ${record.remoteId}`, { system });
      }
      const previous = records.get(record);
      const contentChanged = previous === null || previous.hash !== recordContentHash(record);
      let unifiedId = identity.find(system, entity, record.remoteId);
      const newlyLinked = unifiedId === null;
      if (unifiedId === null) unifiedId = await this.resolving.run(() => this.resolve(record));
      if (contentChanged) page.counts.changed += 1;
      else page.counts.unchanged += 1;
      if (contentChanged || newlyLinked) page.upserts.push({ record, previous: previous?.record ?? null, unifiedId, newlyLinked, contentChanged });
    }

    // Links each identity loses on this page, to tell when its last one goes.
    const losing = new Map<string, number>();
    for (const remoteId of listed.deletedIds) {
      const previous = records.get({ system, entity, remoteId });
      const unifiedId = identity.find(system, entity, remoteId);
      if (previous === null && unifiedId === null) continue;
      let identityRemoved = false;
      if (unifiedId !== null) {
        const lost = (losing.get(unifiedId) ?? 0) + 1;
        losing.set(unifiedId, lost);
        identityRemoved = (identity.get(unifiedId)?.links.length ?? 0) <= lost;
      }
      page.counts.deleted += 1;
      page.deletions.push({ remoteId, previous: previous?.record ?? null, unifiedId, identityRemoved });
    }
    return { page, records: listed.records, deletedIds: listed.deletedIds };
  }

  /** Writes the page's records to the cache and removes its deleted records from cache and index. */
  async commit({ page, records: listed, deletedIds }: PreparedPage): Promise<void> {
    const { identity, records } = this.deps;
    await records.putMany(listed, this.deps.now());
    for (const remoteId of deletedIds) {
      await records.delete({ system: page.system, entity: page.entity, remoteId });
      await identity.unlink(page.system, page.entity, remoteId);
    }
  }

  private async resolve(record: RemoteRecord): Promise<string> {
    const id = await this.deps.resolveIdentity(record);
    // A resolver that returns without linking would make every later page resolve the record again.
    if (this.deps.identity.find(record.system, record.entity, record.remoteId) !== id) {
      throw new GatewayError('INTERNAL', `resolveIdentity must link ${record.system} ${record.entity} ${record.remoteId} to the id it returns, but returned ${JSON.stringify(id)} without that link`, { system: record.system });
    }
    return id;
  }
}
