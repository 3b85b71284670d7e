// Turns one validated mutation into one planned write per CRM: an outbox job to send, or the
// reason that CRM is skipped. No CRM is asked here.
import type { Connector } from '../../connectors/connector.js';
import type { UnifiedData } from '../model/entities.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { newWriteJobId, type Outbox, type WriteJob, type WriteOp } from '../store/outbox.js';
import type { DateTime } from 'luxon';
import { referencedIds } from './reference-fields.js';
import { outcome, type SystemOutcome } from './system-outcome.js';
import { cannotWrite, type TargetSystem } from './validation/target-systems.js';

export type PlannedWrite = { kind: 'job'; job: WriteJob } | { kind: 'skip'; outcome: SystemOutcome };

export interface WritePlannerDeps {
  connectors: readonly Connector[];
  identity: IdentityIndex;
  outbox: Outbox;
  now: () => DateTime;
}

export class WritePlanner {
  constructor(private readonly deps: WritePlannerDeps) {}

  /** A create in each target system (skipped where the system cannot create the entity). */
  creates<E extends EntityType>(entity: E, unifiedId: string, payload: UnifiedData[E], targets: readonly TargetSystem[]): PlannedWrite[] {
    return targets.map((target) =>
      target.skipReason === null
        ? { kind: 'job', job: this.job(target.system, entity, 'CREATE', unifiedId, null, payload) }
        : { kind: 'skip', outcome: outcome(target.system, 'SKIPPED', { error: target.skipReason }) },
    );
  }

  /**
   * An update (or delete) of every record the object has, in every configured system. A system
   * without a record is skipped — unless a create there is still queued: then the change is queued
   * behind it, for the record it will make. Records in systems no longer configured are skipped.
   */
  changes<E extends EntityType>(entity: E, unifiedId: string, op: Exclude<WriteOp, 'CREATE'>, payload: Partial<UnifiedData[E]>): PlannedWrite[] {
    const links = this.deps.identity.get(unifiedId)?.links ?? [];
    const planned: PlannedWrite[] = [];
    const skip = (system: System, error: string, remoteId: string | null = null): PlannedWrite => ({ kind: 'skip', outcome: outcome(system, 'SKIPPED', { error, remoteId }) });
    for (const connector of this.deps.connectors) {
      const { system } = connector;
      const records = links.filter((link) => link.system === system).map((link) => link.remoteId);
      const reason = cannotWrite(connector, entity, op);
      if (reason !== null) {
        planned.push(...(records.length > 0 ? records.map((remoteId) => skip(system, reason, remoteId)) : [skip(system, reason)]));
      } else if (records.length > 0) {
        planned.push(...records.map((remoteId): PlannedWrite => ({ kind: 'job', job: this.job(system, entity, op, unifiedId, remoteId, payload) })));
      } else if (this.deps.outbox.pendingCreate(system, unifiedId) !== null) {
        planned.push({ kind: 'job', job: this.job(system, entity, op, unifiedId, null, payload) });
      } else {
        planned.push(skip(system, `${unifiedId} has no record in ${system}`));
      }
    }
    const configured = new Set(this.deps.connectors.map((c) => c.system));
    for (const link of links) {
      if (!configured.has(link.system)) planned.push(skip(link.system, `${link.system} is not configured`, link.remoteId));
    }
    return planned;
  }

  private job<E extends EntityType>(system: System, entity: E, op: WriteOp, unifiedId: string, remoteId: string | null, payload: Partial<UnifiedData[E]>): WriteJob<E> {
    const createdAt = this.deps.now();
    return { id: newWriteJobId(createdAt), system, entity, op, unifiedId, remoteId, payload, dependsOn: referencedIds(entity, payload), createdAt };
  }
}
