// Sends one outbox write to its CRM through the connector (so rate budgets and sessions are the
// ones reads use), and records what it made: a new record is linked to the unified id at once, and
// the record the CRM returned goes into the record cache, so reads and lists see the write and the
// indexer does not report it again as a change.
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Connector, WriteOutcome, WriteStatus } from '../../connectors/connector.js';
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { WriteJob } from '../store/outbox.js';
import type { RecordCache } from '../store/record-cache.js';
import { splitHeld } from './held-fields.js';
import { REFERENCE_FIELDS, referenceField, type ReferenceField } from './reference-fields.js';
import { ENTITY_NOUNS } from './validation/known-ids.js';
import { cannotWrite } from './validation/target-systems.js';

export type Delivery =
  | { kind: 'written'; status: WriteStatus; remoteId: string; skippedFields: string[]; note: string | null }
  /** Nothing to send there (the CRM cannot take it, or the record it needs is missing). */
  | { kind: 'skipped'; reason: string; skippedFields: string[] }
  /** Failed in a way that may pass (5xx, timeout, network, 429): try again later. */
  | { kind: 'retry'; error: GatewayError; skippedFields: string[] }
  /** Refused for good (4xx, the CRM's validation): trying again would fail the same way. */
  | { kind: 'failed'; error: GatewayError; skippedFields: string[] };

export interface WriteDeliveryDeps {
  connectors: ReadonlyMap<System, Connector>;
  identity: IdentityIndex;
  records: RecordCache;
  logger: Logger;
  /** The clock the identity index stamps links with (default: now, UTC). */
  now?: () => DateTime;
}

type Payload = Record<string, unknown>;

export class WriteDelivery {
  private readonly now: () => DateTime;

  constructor(private readonly deps: WriteDeliveryDeps) {
    this.now = deps.now ?? (() => DateTime.utc());
  }

  async deliver(job: WriteJob): Promise<Delivery> {
    const connector = this.deps.connectors.get(job.system);
    if (!connector) return { kind: 'failed', error: new GatewayError('CONFIG', `${job.system} is not configured any more, so the write cannot be sent`), skippedFields: [] };
    const reason = cannotWrite(connector, job.entity, job.op);
    if (reason !== null) return { kind: 'skipped', reason, skippedFields: [] };
    if (job.op === 'CREATE') return this.create(connector, job);
    const remoteId = job.remoteId ?? this.recordIn(job.unifiedId, job.system);
    if (remoteId === null) return { kind: 'skipped', reason: `${job.unifiedId} has no record in ${job.system}`, skippedFields: [] };
    return job.op === 'UPDATE' ? this.update(connector, job, remoteId) : this.delete(connector, job, remoteId);
  }

  /** The first record the unified object has in the system, or null. */
  recordIn(unifiedId: string, system: System): string | null {
    return this.deps.identity.get(unifiedId)?.links.find((link) => link.system === system)?.remoteId ?? null;
  }

  private async create(connector: Connector, job: WriteJob): Promise<Delivery> {
    // A retry of a create that went through (its entry outlived the success) must not make a twin:
    // the link recorded at success says it is done.
    const done = this.recordIn(job.unifiedId, job.system);
    if (done !== null) return { kind: 'written', status: 'CREATED', remoteId: done, skippedFields: [], note: null };
    const prepared = this.prepare(connector, job);
    if ('reason' in prepared) return prepared;
    // Unheld fields ride along (connectors ignore fields their tables do not name) so the item
    // stays a whole record; unresolved references are null, never a unified id.
    const item = { ...job.payload, ...nullReferences(job.entity), ...prepared.payload };
    const sentAt = this.now().toMillis();
    const result = await this.call(connector, () => connector.create(job.entity, [item as never]));
    if (!result.ok) return this.failure(result.error, prepared.skippedFields);
    let status = result.status;
    let note: string | null = null;
    await this.bookkeeping(job, result.remoteId, async () => {
      const owner = this.deps.identity.find(job.system, job.entity, result.remoteId);
      const linkedAt = owner === null ? null : this.deps.identity.get(owner)?.links.find((l) => l.system === job.system && l.remoteId === result.remoteId)?.linkedAt;
      if (owner === null || (owner !== job.unifiedId && (linkedAt?.toMillis() ?? 0) >= sentAt)) {
        // New to the gateway, or the indexer met the new record before this link was made: ours.
        await this.deps.identity.link(job.unifiedId, job.system, result.remoteId);
      } else if (owner !== job.unifiedId) {
        // Linked before the write was sent: the CRM merged the write into a record it held
        // (Action Network's signup matches on email). Never take that record from its object.
        status = 'UPDATED';
        note = `${job.system} already held this ${ENTITY_NOUNS[job.entity].one} as record ${result.remoteId} (of ${owner}) and updated it instead`;
      }
      await this.cache(result.record);
    });
    return { kind: 'written', status, remoteId: result.remoteId, skippedFields: prepared.skippedFields, note };
  }

  private async update(connector: Connector, job: WriteJob, remoteId: string): Promise<Delivery> {
    const prepared = this.prepare(connector, job);
    if ('reason' in prepared) return prepared;
    if (Object.keys(prepared.payload).length === 0) {
      return { kind: 'skipped', reason: `${job.system} holds none of the fields given`, skippedFields: prepared.skippedFields };
    }
    const result = await this.call(connector, () => connector.update(job.entity, [{ remoteId, patch: prepared.payload as never }]));
    if (!result.ok) return this.failure(result.error, prepared.skippedFields);
    await this.bookkeeping(job, remoteId, () => this.cache(result.record));
    return { kind: 'written', status: result.status, remoteId, skippedFields: prepared.skippedFields, note: null };
  }

  private async delete(connector: Connector, job: WriteJob, remoteId: string): Promise<Delivery> {
    const result = await this.call(connector, () => connector.delete(job.entity, [remoteId]));
    // Gone already (a delete whose answer was lost, or someone else's): the goal is reached.
    const gone = !result.ok && result.error.code === 'NOT_FOUND';
    if (!result.ok && !gone) return this.failure(result.error, []);
    const status: WriteStatus = result.ok ? result.status : 'DELETED';
    await this.bookkeeping(job, remoteId, async () => {
      if (status === 'DELETED') {
        await this.deps.records.delete({ system: job.system, entity: job.entity, remoteId });
        await this.deps.identity.unlink(job.system, job.entity, remoteId);
      } else if (result.ok) {
        await this.cache(result.record);
      }
    });
    return { kind: 'written', status, remoteId, skippedFields: [], note: gone ? `${job.system} record ${remoteId} was already gone` : null };
  }

  /**
   * The payload this CRM gets: only fields it holds, references turned into its own remote ids.
   * A reference with no record in this CRM is left out (and reported), unless the write cannot be
   * made without it (a donation's donor): then the write is skipped.
   */
  private prepare(connector: Connector, job: WriteJob): { payload: Payload; skippedFields: string[] } | Extract<Delivery, { kind: 'skipped' }> {
    const capability = connector.capabilities[job.entity];
    const { held, skippedFields } = splitHeld(job.entity, capability ?? { fields: [] }, job.op, job.payload as Payload);
    const payload: Payload = { ...held };
    for (const [field, value] of Object.entries(payload)) {
      const ref: ReferenceField | null = referenceField(job.entity, field);
      if (ref === null || typeof value !== 'string') continue;
      const remoteId = this.recordIn(value, job.system);
      if (remoteId !== null) {
        payload[field] = remoteId;
        continue;
      }
      if (ref.required) return { kind: 'skipped', reason: `the ${ENTITY_NOUNS[ref.target].one} ${value} has no record in ${job.system}`, skippedFields };
      delete payload[field];
      skippedFields.push(ref.input);
    }
    return { payload, skippedFields };
  }

  /** Runs one connector write; a throw (the contract says it should not) becomes a failed outcome. */
  private async call<E extends EntityType>(connector: Connector, write: () => Promise<WriteOutcome<E>[]>): Promise<WriteOutcome<E>> {
    try {
      const [result] = await write();
      return result ?? { ok: false, error: new GatewayError('INTERNAL', `${connector.system} returned no outcome for the write`, { system: connector.system }) };
    } catch (err) {
      if (isGatewayError(err)) return { ok: false, error: err };
      // Outcomes reach clients (and pendingWrites): an unknown error's text may name internals,
      // so it goes to the log only, as to-graphql-error does with unknown errors.
      this.deps.logger.error({ err, system: connector.system }, 'connector write threw an unexpected error');
      return { ok: false, error: new GatewayError('INTERNAL', `${connector.system} write failed unexpectedly; the gateway log has the details`, { system: connector.system, cause: err }) };
    }
  }

  private failure(error: GatewayError, skippedFields: string[]): Delivery {
    return error.retryable ? { kind: 'retry', error, skippedFields } : { kind: 'failed', error, skippedFields };
  }

  private async cache(record: RemoteRecord | null): Promise<void> {
    if (record !== null) await this.deps.records.put(record);
  }

  /**
   * The CRM has the write: a failure to note it in the store must not turn it into a failure (a
   * retry would write it twice). The indexer picks the record up later instead.
   */
  private async bookkeeping(job: WriteJob, remoteId: string, note: () => Promise<void>): Promise<void> {
    try {
      await note();
    } catch (err) {
      this.deps.logger.error({ err, system: job.system, entity: job.entity, remoteId, unifiedId: job.unifiedId }, 'the CRM took the write, but the gateway could not record it; the indexer will find the record');
    }
  }
}

function nullReferences(entity: EntityType): Payload {
  return Object.fromEntries(Object.keys(REFERENCE_FIELDS[entity]).map((field) => [field, null]));
}
