// Creates, updates and deletes one unified object in every CRM: plans the writes, sends them
// through the outbox, and keeps creates idempotent under a client's key.
import type { UnifiedData } from '../model/entities.js';
import type { EntityType } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { Outbox } from '../store/outbox.js';
import type { IdempotencyKeys, WriteResult } from './idempotency-keys.js';
import type { OutboxWorker } from './outbox-worker.js';
import type { WriteChanges } from './write-changes.js';
import { outcome, type SystemOutcome } from './system-outcome.js';
import type { TargetSystem } from './validation/target-systems.js';
import type { WriteDelivery } from './write-delivery.js';
import type { WriteFanOut } from './write-fan-out.js';
import type { PlannedWrite, WritePlanner } from './write-planner.js';

export interface EntityWritesDeps {
  identity: IdentityIndex;
  outbox: Outbox;
  planner: WritePlanner;
  fanOut: WriteFanOut;
  worker: OutboxWorker;
  delivery: WriteDelivery;
  keys: IdempotencyKeys;
  /** Where each mutation's effect is recorded as one change; none: not recorded. */
  changes: WriteChanges | null;
}

/** A validated create: the whole unified data (references as unified ids) and where it goes. */
export interface CreatePlan<E extends EntityType> {
  payload: UnifiedData[E];
  targets: readonly TargetSystem[];
}

/** A client's idempotency key with what it must come back with. */
export interface Idempotency {
  key: string;
  mutation: string;
  /** The mutation's arguments as given: a repeat must send the same. */
  input: unknown;
}

export class EntityWrites {
  constructor(private readonly deps: EntityWritesDeps) {}

  /**
   * Creates the object in each target system under one new unified id, reserved before anything
   * is sent, so the id exists even when every system's write is queued. Each record written is
   * linked to it as soon as its CRM confirms; when no system took the write, the id is released.
   * `prepare` validates the input; under an idempotency key it runs only for the key's first use,
   * so a repeat returns the first result even if its input would no longer pass (say, the
   * organization it named has gone since).
   */
  create<E extends EntityType>(entity: E, prepare: () => CreatePlan<E>, idempotency: Idempotency | null): Promise<WriteResult> {
    const run = async (begin: (planned: WriteResult) => Promise<void>): Promise<WriteResult> => {
      const { payload, targets } = prepare();
      const unifiedId = await this.deps.identity.reserve(entity);
      const planned = this.deps.planner.creates(entity, unifiedId, payload, targets);
      await begin({
        unifiedId,
        outcomes: planned.map((p) => (p.kind === 'job' ? outcome(p.job.system, 'QUEUED', { pendingWriteId: p.job.id }) : p.outcome)),
      });
      const outcomes = await this.fanOut(entity, unifiedId, planned);
      await this.deps.worker.releaseIfUnwritten(unifiedId);
      return { unifiedId, outcomes };
    };
    if (idempotency === null) return run(async () => {});
    return this.deps.keys.once(idempotency.key, idempotency.mutation, idempotency.input, run, (first) => this.recover(first));
  }

  /** Changes every record of the object in the fields the patch names. */
  async update<E extends EntityType>(entity: E, unifiedId: string, patch: Partial<UnifiedData[E]>): Promise<WriteResult> {
    return { unifiedId, outcomes: await this.fanOut(entity, unifiedId, this.deps.planner.changes(entity, unifiedId, 'UPDATE', patch)) };
  }

  /** Deletes every record of the object (or unsubscribes it, where the CRM cannot delete). */
  async delete(entity: EntityType, unifiedId: string): Promise<WriteResult> {
    return { unifiedId, outcomes: await this.fanOut(entity, unifiedId, this.deps.planner.changes(entity, unifiedId, 'DELETE', {})) };
  }

  /** Sends the planned writes and records what they changed, as one change of the object. */
  private fanOut(entity: EntityType, unifiedId: string, planned: readonly PlannedWrite[]): Promise<SystemOutcome[]> {
    const send = () => this.deps.fanOut.run(planned);
    return this.deps.changes ? this.deps.changes.around(entity, unifiedId, send) : send();
  }

  /** A create cut short by a restart: each planned write is now linked, still queued, or failed. */
  private recover(first: WriteResult): SystemOutcome[] {
    return first.outcomes.map((planned) => {
      if (planned.status !== 'QUEUED' || planned.pendingWriteId === null) return planned;
      const entry = this.deps.outbox.get(planned.pendingWriteId);
      if (entry?.status === 'PENDING') return { ...planned, error: entry.lastError };
      if (entry?.status === 'FAILED') return { ...planned, status: 'FAILED', error: entry.lastError };
      const remoteId = this.deps.delivery.recordIn(first.unifiedId, planned.system);
      if (remoteId !== null) return { ...planned, status: 'CREATED', remoteId, pendingWriteId: null };
      return { ...planned, status: 'FAILED', pendingWriteId: null, error: 'the gateway restarted during this write before recording its outcome, and no record of it is linked' };
    });
  }
}
