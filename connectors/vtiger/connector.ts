// The Vtiger connector: the contract implemented with the webservice client, mapper and lister.
import type { Logger } from 'pino';
import { GatewayError, isGatewayError } from '../../src/errors/gateway-error.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import type { UnifiedData, UnifiedDonation } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import type { ChangePage, Connector, ConnectorCapabilities, RecordPatch, WriteOutcome } from '../connector.js';
import { writeFailure } from '../write-failure.js';
import type { ConnectorDeps } from '../connector-module.js';
import { writableFields } from '../field-table.js';
import { ChangeLister } from './change-lister.js';
import { VtigerClient, type VtigerElement } from './client.js';
import type { VtigerConfig } from './config.js';
import { DonationWriter } from './donation-writer.js';
import { donationFields, organizationFields, personFields } from './fields.js';
import { inParallel } from './in-parallel.js';
import { InventoryLookups } from './inventory-lookups.js';
import { VtigerMapper } from './mapper.js';
import { ModuleCatalog } from './module-catalog.js';
import type { VtigerRecord } from './raw.js';
import { ENTITY_MODULES, RecordReader } from './record-reader.js';
import { VTQL_ROW_CAP } from './vtql.js';

export interface VtigerConnectorDeps extends ConnectorDeps {
  /** Tests shorten backoff; production uses the transport's defaults. */
  retry?: Partial<RetryPolicy>;
  now?: () => number;
}

/** Writes in flight at once: Vtiger takes one record per create/revise/delete call. */
const WRITE_CONCURRENCY = 4;

export class VtigerConnector implements Connector {
  readonly system = 'VTIGER' as const;
  readonly capabilities: ConnectorCapabilities;
  readonly client: VtigerClient;
  private readonly catalog: ModuleCatalog;
  private readonly mapper: VtigerMapper;
  private readonly reader: RecordReader;
  private readonly lister: ChangeLister;
  private readonly donations: DonationWriter;
  private readonly logger: Logger;

  constructor(config: VtigerConfig, deps: VtigerConnectorDeps) {
    this.logger = deps.logger;
    this.client = new VtigerClient({
      siteUrl: config.url,
      credentials: { username: config.username, accessKey: config.accessKey },
      timeoutMs: config.timeoutMs,
      ...(deps.retry ? { retry: deps.retry } : {}),
    });
    this.catalog = new ModuleCatalog(this.client);
    this.mapper = new VtigerMapper({ timezone: config.timezone, defaultPhoneRegion: config.defaultPhoneRegion });
    const lookups = new InventoryLookups(this.client, this.catalog);
    this.reader = new RecordReader(this.client, this.mapper, lookups);
    this.donations = new DonationWriter(this.mapper, lookups);
    this.lister = new ChangeLister(this.client, this.catalog, this.reader, {
      deletionScanIntervalMs: config.deletionScanIntervalMs,
      timezone: config.timezone,
      logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const common = { read: true, list: true, create: true, update: true, delete: 'DELETE', maxBatchSize: VTQL_ROW_CAP } as const;
    this.capabilities = {
      ORGANIZATION: { ...common, fields: writableFields(organizationFields(config.defaultPhoneRegion)) },
      PERSON: { ...common, fields: writableFields(personFields(config.defaultPhoneRegion)) },
      DONATION: { ...common, fields: writableFields(donationFields(config.timezone)) },
    };
  }

  /** Whether listings fell back to VTQL because sync is broken on this server. */
  get usingQueryFallback(): boolean {
    return this.lister.usingQueryFallback;
  }

  /** One `WHERE id IN (…)` query per 100 ids (plus a retrieve per invoice, for its line items). */
  async load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]> {
    const module = await this.catalog.module(ENTITY_MODULES[entity]);
    // An id of another module cannot name a record here: null, without asking.
    const ids = remoteIds.filter((id) => ModuleCatalog.owns(module, id));
    const rows = ids.length > 0 ? await this.client.queryByIds(module.name, ids) : new Map<string, VtigerRecord>();
    const records = await this.reader.toRecords(entity, [...rows.values()]);
    const byId = new Map(records.map((record) => [record.remoteId, record]));
    return remoteIds.map((id) => byId.get(id) ?? null);
  }

  listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>> {
    return this.lister.list(entity, cursor);
  }

  create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    return inParallel(items, WRITE_CONCURRENCY, (item) =>
      this.outcome(async () => {
        const module = await this.catalog.module(ENTITY_MODULES[entity]);
        const element = await this.catalog.complete(module, await this.elementFor(entity, item, true));
        const record = await this.toRecord(entity, await this.client.create(module.name, element));
        return { ok: true, status: 'CREATED', remoteId: record.remoteId, record };
      }),
    );
  }

  /** Partial updates with revise: only the columns behind the patched fields are sent. */
  update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]> {
    return inParallel(patches, WRITE_CONCURRENCY, ({ remoteId, patch }) =>
      this.outcome(async () => {
        await this.requireOwnId(entity, remoteId);
        let changes: VtigerElement;
        if (entity === 'DONATION') {
          const current = (await this.load('DONATION', [remoteId]))[0];
          if (!current) throw notFound(remoteId);
          // Lines are rewritten as a whole, so the merged donation decides them.
          changes = await this.donations.element({ ...current.data, ...(patch as Partial<UnifiedDonation>) }, false);
        } else {
          changes = entity === 'PERSON' ? this.mapper.personChanges(patch) : this.mapper.organizationChanges(patch);
        }
        const record = await this.toRecord(entity, await this.client.revise(remoteId, changes));
        return { ok: true, status: 'UPDATED', remoteId, record };
      }),
    );
  }

  delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    return inParallel(remoteIds, WRITE_CONCURRENCY, (remoteId) =>
      this.outcome(async () => {
        await this.requireOwnId(entity, remoteId);
        await this.client.delete(remoteId);
        return { ok: true, status: 'DELETED', remoteId, record: null };
      }),
    );
  }

  /** An authenticated call: logs in if needed and lists the modules. */
  async health(): Promise<void> {
    await this.client.listTypes();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async elementFor<E extends EntityType>(entity: E, item: UnifiedData[E], forCreate: boolean): Promise<VtigerElement> {
    switch (entity) {
      case 'PERSON':
        return this.mapper.personChanges(item as UnifiedData['PERSON']);
      case 'ORGANIZATION':
        return this.mapper.organizationChanges(item as UnifiedData['ORGANIZATION']);
      default:
        return this.donations.element(item as UnifiedDonation, forCreate);
    }
  }

  private async toRecord<E extends EntityType>(entity: E, raw: VtigerRecord): Promise<RemoteRecord<E>> {
    const [record] = await this.reader.toRecords(entity, [raw]);
    if (!record) throw notFound(raw.fields['id'] ?? '');
    return record;
  }

  private async requireOwnId(entity: EntityType, remoteId: string): Promise<void> {
    const module = await this.catalog.module(ENTITY_MODULES[entity]);
    if (!ModuleCatalog.owns(module, remoteId)) throw notFound(remoteId);
  }

  /** One item's failure becomes its outcome; the batch goes on. */
  private async outcome<E extends EntityType>(write: () => Promise<WriteOutcome<E>>): Promise<WriteOutcome<E>> {
    try {
      return await write();
    } catch (err) {
      if (!isGatewayError(err)) this.logger.error({ err }, 'VTIGER write failed unexpectedly');
      return { ok: false, error: writeFailure('VTIGER', err) };
    }
  }
}

function notFound(remoteId: string): GatewayError {
  return new GatewayError('NOT_FOUND', `VTIGER record ${JSON.stringify(remoteId)} does not exist or was deleted`, { system: 'VTIGER' });
}
