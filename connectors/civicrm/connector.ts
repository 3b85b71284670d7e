// The CiviCRM connector: the contract implemented with the APIv4 client, the reader, the change
// lister, the writer and the mapper.
import type { ChangePage, Connector, ConnectorCapabilities, EntityCapabilities, RecordPatch, WriteOutcome } from '../connector.js';
import { writableFields, type FieldTable } from '../field-table.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import { CiviCrmChangeLister } from './change-lister.js';
import { CiviCrmClient } from './client.js';
import type { CiviCrmConfig } from './config.js';
import { donationFields, organizationFields, personFields } from './fields.js';
import { CiviCrmMapper, type CiviBundle } from './mapper.js';
import { CiviCrmReader, type ContactEntity } from './reader.js';
import { isCiviId } from './refs.js';
import { CiviCrmWriter } from './writer.js';

export interface CiviCrmConnectorOptions {
  /** Rows per listChanged page; CiviCRM has no cap of its own (limit 0 = all). */
  listPageSize?: number;
  /** Most ids per load call, as advertised in the capabilities. */
  maxBatchSize?: number;
  retry?: Partial<RetryPolicy>;
}

function capabilities<E extends EntityType>(table: FieldTable<never, UnifiedData[E]>, maxBatchSize: number): EntityCapabilities<E> {
  return {
    read: true,
    list: true,
    create: true,
    update: true,
    // Contacts go to CiviCRM's trash (a deletion as far as the gateway is concerned);
    // contributions are deleted outright.
    delete: 'DELETE',
    maxBatchSize,
    fields: writableFields(table) as EntityCapabilities<E>['fields'],
  };
}

export class CiviCrmConnector implements Connector {
  readonly system = 'CIVICRM' as const;
  readonly capabilities: ConnectorCapabilities;
  private readonly client: CiviCrmClient;
  private readonly reader: CiviCrmReader;
  private readonly mapper: CiviCrmMapper;
  private readonly lister: CiviCrmChangeLister;
  private readonly writer: CiviCrmWriter;

  constructor(config: CiviCrmConfig, options: CiviCrmConnectorOptions = {}) {
    const ctx = { timezone: config.timezone, defaultPhoneRegion: config.defaultPhoneRegion };
    this.client = new CiviCrmClient(config, options.retry ? { retry: options.retry } : {});
    this.reader = new CiviCrmReader(this.client);
    this.mapper = new CiviCrmMapper(ctx);
    this.lister = new CiviCrmChangeLister(this.client, this.reader, this.mapper, options.listPageSize ?? 200);
    this.writer = new CiviCrmWriter(this.client, this.reader, this.mapper);
    const batch = options.maxBatchSize ?? 100;
    this.capabilities = {
      PERSON: capabilities<'PERSON'>(personFields(ctx) as FieldTable<never, UnifiedData['PERSON']>, batch),
      ORGANIZATION: capabilities<'ORGANIZATION'>(organizationFields(ctx) as FieldTable<never, UnifiedData['ORGANIZATION']>, batch),
      DONATION: capabilities<'DONATION'>(donationFields(ctx) as FieldTable<never, UnifiedData['DONATION']>, batch),
    };
  }

  /** One batched request per call; trashed contacts, other contact types and non-numeric ids are null. */
  async load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]> {
    const ids = [...new Set(remoteIds.filter(isCiviId).map(Number))];
    const bundles = entity === 'DONATION' ? await this.reader.contributions(ids) : await this.reader.contacts(entity as ContactEntity, ids);
    return remoteIds.map((remoteId) => {
      const bundle = isCiviId(remoteId) ? bundles.get(Number(remoteId)) : undefined;
      return bundle === undefined ? null : this.mapper.liveRecord(entity, bundle as CiviBundle<E>);
    });
  }

  listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>> {
    if (entity === 'DONATION') return this.lister.contributions(cursor) as AsyncIterable<ChangePage<E>>;
    return this.lister.contacts(entity as ContactEntity, cursor) as AsyncIterable<ChangePage<E>>;
  }

  create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    return this.writer.create(entity, items);
  }

  update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]> {
    return this.writer.update(entity, patches);
  }

  delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    return this.writer.delete(entity, remoteIds);
  }

  /** A cheap authenticated read: the contact count only, no rows. */
  async health(): Promise<void> {
    await this.client.get('Contact', { select: ['row_count'], limit: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
