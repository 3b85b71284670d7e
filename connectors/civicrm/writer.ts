// Creates, updates and deletes CiviCRM records for the connector: one outcome per input, with the
// requests batched across inputs (create rows; read their child rows; write children; read back).
import type { WriteOutcome, WriteStatus } from '../connector.js';
import { writeFailure } from '../write-failure.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { EntityType } from '../../src/model/system.js';
import { planChildWrites, type ApiCall, type ChildKey } from './child-rows.js';
import type { BatchResult, CiviCrmClient } from './client.js';
import type { CiviBundle, CiviCrmMapper, CiviWrite, ContactBundle, ContributionBundle } from './mapper.js';
import { CONTACT_TYPE } from './queries.js';
import type { CiviCrmReader } from './reader.js';
import { isCiviId } from './refs.js';

/** One input on its way through the batches; `error` ends its journey. */
interface Job {
  index: number;
  id: number | null;
  write: CiviWrite;
  status: WriteStatus;
  error?: GatewayError;
}

type Bundle = ContactBundle | ContributionBundle;

/** Financial type of a new contribution and its line items; unified donations do not name one. */
const DEFAULT_FINANCIAL_TYPE = 'Donation';

const asError = (error: unknown): GatewayError => writeFailure('CIVICRM', error);

export function notFound(entity: EntityType, id: string): GatewayError {
  return new GatewayError('NOT_FOUND', `CIVICRM has no ${entity.toLowerCase()} with id ${JSON.stringify(id)}`, { system: 'CIVICRM' });
}

export class CiviCrmWriter {
  constructor(
    private readonly client: CiviCrmClient,
    private readonly reader: CiviCrmReader,
    private readonly mapper: CiviCrmMapper,
  ) {}

  async create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    const jobs = items.map((item, index) => this.job(entity, index, null, 'CREATED', item));
    const live = jobs.filter((job) => !job.error);
    // Contact.create / Contribution.create; the result row is the saved row with its id.
    const results = await this.run(live, (job) => ({ [`c${job.index}`]: [apiEntity(entity), 'create', { values: createValues(entity, job.write.values) }] }));
    for (const job of live) {
      const created = results.get(job.index);
      const id = created?.ok ? Number(created.values[0]?.['id']) : NaN;
      if (created && !created.ok) job.error = created.error;
      else if (!Number.isInteger(id)) job.error = new GatewayError('UPSTREAM_REJECTED', `CIVICRM ${apiEntity(entity)}.create returned no id`, { system: 'CIVICRM' });
      else job.id = id;
      job.write.values = {}; // written by the create; only the child rows are left
    }
    return this.finish(entity, jobs);
  }

  async update<E extends EntityType>(entity: E, patches: readonly { remoteId: string; patch: Partial<UnifiedData[E]> }[]): Promise<WriteOutcome<E>[]> {
    const jobs = patches.map((p, index) =>
      isCiviId(p.remoteId) ? this.job(entity, index, Number(p.remoteId), 'UPDATED', p.patch) : failed(index, notFound(entity, p.remoteId)),
    );
    return this.finish(entity, jobs);
  }

  async delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    const jobs = remoteIds.map((id, index) =>
      isCiviId(id) ? { index, id: Number(id), write: { values: {}, children: {} }, status: 'DELETED' as const } : failed(index, notFound(entity, id)),
    );
    // Contact.delete moves to the trash (useTrash defaults to true); a contribution is deleted.
    // Delete with a where matching nothing succeeds with no rows (reference "Trash semantics").
    const typeCheck = entity === 'DONATION' ? [] : [['contact_type', '=', contactType(entity)]];
    const results = await this.run(jobs, (job) => ({ [`d${job.index}`]: [apiEntity(entity), 'delete', { where: [['id', '=', job.id], ...typeCheck] }] }));
    return jobs.map((job) => {
      const result = results.get(job.index);
      if (job.error) return { ok: false, error: job.error };
      if (result && !result.ok) return { ok: false, error: result.error };
      if (!result || result.values.length === 0) return { ok: false, error: notFound(entity, String(job.id)) };
      return { ok: true, status: 'DELETED', remoteId: String(job.id), record: null };
    });
  }

  private job(entity: EntityType, index: number, id: number | null, status: WriteStatus, patch: object): Job {
    try {
      const write = this.mapper.toWrite(entity, patch);
      if (entity === 'DONATION' && status === 'CREATED' && write.values['contact_id'] == null) {
        throw GatewayError.badInput('donorRef', 'CIVICRM donations need donorRef (the contact id of the donor), but got: null');
      }
      return { index, id, write, status };
    } catch (error) {
      return failed(index, asError(error));
    }
  }

  /** Writes the record values and child rows of every job still alive, then reads the results back. */
  private async finish<E extends EntityType>(entity: E, jobs: Job[]): Promise<WriteOutcome<E>[]> {
    const ids = () => jobs.filter((job) => !job.error && job.id !== null).map((job) => job.id as number);
    const before = await this.readOr(entity, ids(), jobs);
    for (const job of jobs) {
      const bundle = job.id === null ? undefined : before.get(job.id);
      if (!job.error && (bundle === undefined || ('contact' in bundle && bundle.contact.is_deleted))) job.error = notFound(entity, String(job.id));
    }
    const results = await this.run(jobs.filter((job) => !job.error), (job) => this.calls(entity, job, before.get(job.id as number) as Bundle));
    for (const job of jobs) {
      const result = results.get(job.index);
      if (result && !result.ok && !job.error) job.error = result.error;
    }
    const after = await this.readOr(entity, ids(), jobs);
    return jobs.map((job): WriteOutcome<E> => {
      if (job.error) return { ok: false, error: job.status === 'CREATED' && job.id !== null ? partlyCreated(job.id, job.error) : job.error };
      const bundle = after.get(job.id as number);
      const record = bundle ? this.mapper.toRecord(entity, bundle as CiviBundle<E>) : null;
      return { ok: true, status: job.status, remoteId: String(job.id), record };
    });
  }

  /** The record update (when the patch has values) and the child-row plans, in the order to run. */
  private calls(entity: EntityType, job: Job, bundle: Bundle): Record<string, ApiCall> {
    const calls: ApiCall[] = [];
    const id = job.id as number;
    if (Object.keys(job.write.values).length > 0) calls.push([apiEntity(entity), 'update', { where: [['id', '=', id]], values: job.write.values }]);
    const financialType = 'contribution' in bundle ? (bundle.contribution['financial_type_id:name'] ?? DEFAULT_FINANCIAL_TYPE) : null;
    for (const [key, drafts] of Object.entries(job.write.children) as [ChildKey, Record<string, unknown>[]][]) {
      const existing = (bundle as unknown as Record<ChildKey, { id: number }[]>)[key] ?? [];
      calls.push(...planChildWrites(key, id, existing, drafts, financialType ? { 'financial_type_id:name': financialType } : {}));
    }
    return Object.fromEntries(calls.map((call, n) => [`j${job.index}_${n}`, call]));
  }

  /** Runs every job's calls in one batch; per job, its first failed result (or its last result). */
  private async run(jobs: readonly Job[], callsOf: (job: Job) => Record<string, ApiCall>): Promise<Map<number, BatchResult>> {
    const owners = new Map<string, Job>();
    const calls: Record<string, ApiCall> = {};
    for (const job of jobs.filter((j) => !j.error)) {
      for (const [key, call] of Object.entries(callsOf(job))) {
        calls[key] = call;
        owners.set(key, job);
      }
    }
    const byJob = new Map<number, BatchResult>();
    let results: Record<string, BatchResult>;
    try {
      results = await this.client.batch(calls);
    } catch (error) {
      for (const job of owners.values()) byJob.set(job.index, { ok: false, error: asError(error) });
      return byJob;
    }
    for (const [key, job] of owners) {
      const result = results[key];
      if (result && !(byJob.get(job.index)?.ok === false)) byJob.set(job.index, result);
    }
    return byJob;
  }

  private async readOr(entity: EntityType, ids: number[], jobs: Job[]): Promise<Map<number, Bundle>> {
    try {
      return entity === 'DONATION' ? await this.reader.contributions(ids) : await this.reader.contacts(entity, ids);
    } catch (error) {
      for (const job of jobs) if (!job.error && job.id !== null) job.error = asError(error);
      return new Map();
    }
  }
}

function failed(index: number, error: GatewayError): Job {
  return { index, id: null, write: { values: {}, children: {} }, status: 'UPDATED', error };
}

function contactType(entity: EntityType): string {
  return CONTACT_TYPE[entity as keyof typeof CONTACT_TYPE];
}

function apiEntity(entity: EntityType): string {
  return entity === 'DONATION' ? 'Contribution' : 'Contact';
}

/**
 * Create values: the contact type (or the default financial type) and every mapped field. Nulls
 * are sent on purpose: a unified record without a language means none, not the site default
 * CiviCRM would fill into an omitted preferred_language.
 */
function createValues(entity: EntityType, values: Record<string, unknown>): Record<string, unknown> {
  return entity === 'DONATION' ? { 'financial_type_id:name': DEFAULT_FINANCIAL_TYPE, ...values } : { contact_type: contactType(entity), ...values };
}

/** The record exists even though a later step failed: say so, so nobody creates it twice. */
function partlyCreated(id: number, error: GatewayError): GatewayError {
  return new GatewayError(error.code, `CIVICRM record ${id} was created, but completing it failed: ${error.message}`, {
    system: 'CIVICRM',
    cause: error,
    retryable: false,
    ...(error.upstreamCode ? { upstreamCode: error.upstreamCode } : {}),
  });
}
