// Keeps twins in sync: sees every pulled page before it is committed, and after each entity's
// pulls reconciles the objects whose twins changed, queueing writes to the other CRMs.
//
// On a page (before the record cache takes it, so nothing is lost to a crash):
// - a changed record whose changed fields all hold what the sync last wrote there is an echo of
//   that write: it is left out of the page the change log sees, and nothing is noted;
// - any other change is noted in the backlog with the record's field hashes from before;
// - a deletion is carried, per policy, to the object's other twins as delete writes.
// After the pulls of an entity, `reconcile` plans each noted object (reconcile-plan.ts), records
// its conflicts, notes the expected echoes, queues the writes, and clears the backlog.
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import type { Connector } from '../../connectors/connector.js';
import type { MergePolicy } from '../identity/merge-policy.js';
import type { UnifiedData } from '../model/entities.js';
import type { EntityType, System } from '../model/system.js';
import type { EchoLedger } from '../store/echo-ledger.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { newWriteJobId, type Outbox, type WriteJob, type WriteOp } from '../store/outbox.js';
import { decodeUnifiedData } from '../store/record-codec.js';
import type { RecordCache } from '../store/record-cache.js';
import { twinKey, type BacklogEntry, type ChangedTwin, type SyncBacklog } from '../store/sync-backlog.js';
import { REFERENCE_FIELDS, referencedIds } from '../writes/reference-fields.js';
import type { IndexedPage, IndexedUpsert } from './page-applier.js';
import { fieldHashes, portableData, type FieldHashes } from './field-values.js';
import { planReconcile, type MissingTwin, type TwinState } from './reconcile-plan.js';
import type { NewSyncConflict, SyncConflict } from './sync-conflict.js';
import { flows, type SyncPolicy } from './sync-policy.js';

/** Per CRM: what the sync did because of that CRM's changes. */
export interface SyncEffects {
  pushed: number;
  conflicts: number;
  echoes: number;
  errors: number;
}

export interface TwinSyncDeps {
  identity: IdentityIndex;
  records: RecordCache;
  backlog: SyncBacklog;
  echoes: EchoLedger;
  conflicts: { record(conflicts: readonly NewSyncConflict[]): Promise<SyncConflict[]> };
  outbox: Outbox;
  /** Queues planned writes for delivery (write-ahead: stored before it resolves). */
  queue(jobs: readonly WriteJob[]): Promise<void>;
  connectors: readonly Connector[];
  /**
   * Unified ids a match candidate names: a person the matcher was unsure about gets no twins
   * created until someone decides, or a copy made now would be a duplicate to clean up later.
   */
  undecided?: () => ReadonlySet<string>;
  policy: SyncPolicy;
  mergePolicy: MergePolicy;
  logger: Logger;
  now?: () => DateTime;
}

export const noEffects = (): SyncEffects => ({ pushed: 0, conflicts: 0, echoes: 0, errors: 0 });

/** Backlog entries reconciled, queued and settled together. */
export const RECONCILE_CHUNK = 500;

/** What one reconcile pass carries from chunk to chunk. */
interface ReconcilePass {
  /** People a match candidate holds for review: no twins are created for them. */
  undecided: ReadonlySet<string>;
  /** "SYSTEM:unifiedId" of creates pending in the outbox or planned in this pass. */
  creating: Set<string>;
  /** "SYSTEM:unifiedId" of creates ever queued (pending, refused or planned). */
  tried: Set<string>;
  /** The effects counted for an originating CRM. */
  of(system: System): SyncEffects;
}

export class TwinSync {
  private readonly connectors: ReadonlyMap<System, Connector>;
  private readonly now: () => DateTime;

  constructor(private readonly deps: TwinSyncDeps) {
    this.connectors = new Map(deps.connectors.map((c) => [c.system, c]));
    this.now = deps.now ?? (() => DateTime.utc());
  }

  /** Whether any change of the entity is carried anywhere. */
  propagates(entity: EntityType): boolean {
    return this.deps.policy.flows[entity].length > 0;
  }

  /**
   * The page listener: notes the page's changes and queues its deletions' propagation; resolves to
   * the page without its echoes (what the change log must report) and what it did.
   */
  async observe(page: IndexedPage): Promise<{ page: IndexedPage; effects: SyncEffects }> {
    const effects = noEffects();
    if (!this.propagates(page.entity)) return { page, effects };
    const held = this.held(page.system, page.entity);
    const noted: ChangedTwin[] = [];
    const kept: IndexedUpsert[] = [];
    for (const upsert of page.upserts) {
      const current = fieldHashes(portableData(upsert.record, this.deps.identity), held);
      const previous = upsert.newlyLinked || upsert.previous === null ? null : fieldHashes(portableData(upsert.previous, this.deps.identity), held);
      const changedFields = [...held].filter((f) => previous === null || previous[f] !== current[f]);
      const expected = this.deps.echoes.expected(page.system, upsert.unifiedId);
      const echoed = changedFields.filter((f) => expected[f] === current[f]);
      // Shown by this pull, each expectation is over: the echo came, or the field moved on.
      await this.deps.echoes.settle(page.system, upsert.unifiedId, Object.keys(expected).filter((f) => held.has(f)));
      if (previous !== null && echoed.length === changedFields.length && changedFields.length > 0) {
        effects.echoes += 1;
        continue;
      }
      kept.push(upsert);
      if (changedFields.length === 0 && previous !== null) continue;
      // Echoed fields count as settled: only what the CRM's own users changed is news.
      const before = previous === null ? null : { ...previous, ...Object.fromEntries(echoed.map((f) => [f, current[f]!])) };
      noted.push({ entity: page.entity, unifiedId: upsert.unifiedId, system: page.system, remoteId: upsert.record.remoteId, previous: before });
    }
    await this.deps.backlog.note(noted);
    effects.pushed += await this.propagateDeletions(page);
    return { page: kept.length === page.upserts.length ? page : { ...page, upserts: kept }, effects };
  }

  /** Reconciles every noted object of the entity; resolves to the effects per originating CRM. */
  async reconcile(entity: EntityType): Promise<Map<System, SyncEffects>> {
    const effects = new Map<System, SyncEffects>();
    const of = (system: System) => effects.get(system) ?? effects.set(system, noEffects()).get(system)!;
    const pending = this.deps.backlog.pending(entity);
    const undecided = this.deps.undecided?.() ?? new Set<string>();
    // Creates queued (or refused) already, and those planned in this pass: twins on their way.
    const creating = new Set<string>();
    const tried = new Set<string>();
    for (const e of this.deps.outbox.list()) {
      if (e.op !== 'CREATE') continue;
      tried.add(`${e.system}:${e.unifiedId}`);
      if (e.status === 'PENDING') creating.add(`${e.system}:${e.unifiedId}`);
    }
    await this.deps.echoes.prune();
    for (let start = 0; start < pending.length; start += RECONCILE_CHUNK) {
      await this.reconcileChunk(entity, pending.slice(start, start + RECONCILE_CHUNK), { undecided, creating, tried, of });
    }
    return effects;
  }

  /**
   * Plans, records and queues one chunk of the backlog, then settles it: a first sync's tens of
   * thousands of objects never have their plans, writes and echo expectations in memory at once.
   */
  private async reconcileChunk(entity: EntityType, pending: readonly BacklogEntry[], pass: ReconcilePass): Promise<void> {
    const { undecided, creating, tried, of } = pass;
    const jobs: WriteJob[] = [];
    const conflicts: NewSyncConflict[] = [];
    const expectations: { system: System; unifiedId: string; fields: FieldHashes }[] = [];
    for (const entry of pending) {
      try {
        const plan = planReconcile({
          entity,
          unifiedId: entry.unifiedId,
          twins: this.twins(entity, entry.unifiedId, entry.twins),
          missing: undecided.has(entry.unifiedId) ? [] : this.missing(entity, entry.unifiedId, tried),
          policy: this.deps.policy,
          mergePolicy: this.deps.mergePolicy,
          resolvable: (system, id) => this.hasTwin(system, id) || creating.has(`${system}:${id}`),
          requiredReferences: Object.entries(REFERENCE_FIELDS[entity]).filter(([, ref]) => ref?.required).map(([field]) => field),
        });
        for (const update of plan.updates) {
          jobs.push(this.job(update.system, entity, 'UPDATE', entry.unifiedId, update.remoteId, update.patch, update.origin));
          expectations.push({ system: update.system, unifiedId: entry.unifiedId, fields: fieldHashes(update.patch, Object.keys(update.patch)) });
          of(update.origin).pushed += 1;
        }
        for (const create of plan.creates) {
          jobs.push(this.job(create.system, entity, 'CREATE', entry.unifiedId, null, create.payload, create.origin));
          creating.add(`${create.system}:${entry.unifiedId}`);
          tried.add(`${create.system}:${entry.unifiedId}`);
          expectations.push({ system: create.system, unifiedId: entry.unifiedId, fields: fieldHashes(create.payload, this.held(create.system, entity)) });
          of(create.origin).pushed += 1;
        }
        conflicts.push(...plan.conflicts);
        for (const conflict of plan.conflicts) for (const value of conflict.values) of(value.system).conflicts += 1;
      } catch (err) {
        // One object the sync cannot plan (say, a value no write can carry) must not hold up the rest.
        this.deps.logger.error({ err, entity, unifiedId: entry.unifiedId }, 'could not reconcile an object; its twins stay as they are');
        for (const key of entry.twins.keys()) of(key.split(':')[0] as System).errors += 1;
      }
    }
    if (conflicts.length > 0) await this.deps.conflicts.record(conflicts);
    // Expectations first: an echo that comes back before the write is confirmed must be known.
    await this.deps.echoes.expect(expectations);
    await this.deps.queue(jobs);
    await this.deps.backlog.settle(pending.map((e) => e.unifiedId));
  }

  private held(system: System, entity: EntityType): ReadonlySet<string> {
    return new Set<string>(this.connectors.get(system)?.capabilities[entity]?.fields ?? []);
  }

  private hasTwin(system: System, unifiedId: string): boolean {
    return this.deps.identity.get(unifiedId)?.links.some((l) => l.system === system) ?? false;
  }

  private twins(entity: EntityType, unifiedId: string, changed: ReadonlyMap<string, FieldHashes | null>): TwinState[] {
    const links = this.deps.identity.get(unifiedId)?.links ?? [];
    return links.flatMap((link) => {
      const cached = this.deps.records.get({ system: link.system, entity, remoteId: link.remoteId });
      if (!cached || !this.connectors.has(link.system)) return [];
      const key = twinKey(link.system, link.remoteId);
      return [{
        system: link.system,
        remoteId: link.remoteId,
        data: portableData(cached.record, this.deps.identity),
        modifiedAt: cached.record.modifiedAt,
        held: this.held(link.system, entity),
        previous: changed.has(key) ? changed.get(key)! : undefined,
      }];
    });
  }

  /** CRMs that could hold a new twin: they create the entity, have none, and none was tried (`tried`: "SYSTEM:unifiedId"). */
  private missing(entity: EntityType, unifiedId: string, tried: ReadonlySet<string>): MissingTwin[] {
    return this.deps.connectors.flatMap((connector) => {
      const capability = connector.capabilities[entity];
      if (!capability?.create || this.hasTwin(connector.system, unifiedId) || tried.has(`${connector.system}:${unifiedId}`)) return [];
      return [{ system: connector.system, held: new Set<string>(capability.fields) }];
    });
  }

  /** Queues, per policy, the deletion of the deleted records' other twins; resolves to how many. */
  private async propagateDeletions(page: IndexedPage): Promise<number> {
    const { system, entity } = page;
    if (!this.deps.policy.propagateDeletes.has(entity)) return 0;
    const jobs: WriteJob[] = [];
    if (page.deletions.length === 0) return 0;
    // A page listed again after a crash finds its deletions queued already.
    const queued = new Set(this.deps.outbox.list().filter((e) => e.op === 'DELETE' && e.status === 'PENDING').map((e) => `${e.system}:${e.remoteId}`));
    for (const deletion of page.deletions) {
      if (deletion.unifiedId === null) continue;
      for (const link of this.deps.identity.get(deletion.unifiedId)?.links ?? []) {
        if (link.system === system) continue;
        const capability = this.connectors.get(link.system)?.capabilities[entity];
        if (!capability || capability.delete === 'NONE' || !flows(this.deps.policy, entity, system, link.system)) continue;
        if (!queued.has(`${link.system}:${link.remoteId}`)) jobs.push(this.job(link.system, entity, 'DELETE', deletion.unifiedId, link.remoteId, {}, system));
      }
    }
    await this.deps.queue(jobs);
    return jobs.length;
  }

  private job(system: System, entity: EntityType, op: WriteOp, unifiedId: string, remoteId: string | null, portable: Record<string, unknown>, origin: System): WriteJob {
    const createdAt = this.now();
    const payload = decodeUnifiedData(entity, portable, `sync write to ${system}`) as Partial<UnifiedData[EntityType]>;
    return { id: newWriteJobId(createdAt), system, entity, op, unifiedId, remoteId, payload, dependsOn: referencedIds(entity, payload), createdAt, origin };
  }
}
