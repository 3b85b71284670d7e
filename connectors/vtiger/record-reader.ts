// Turns Vtiger rows into unified records, fetching what rows lack (an invoice's line items, names).
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import type { VtigerClient } from './client.js';
import { inParallel } from './in-parallel.js';
import type { InventoryLookups } from './inventory-lookups.js';
import type { VtigerMapper } from './mapper.js';
import type { VtigerRecord } from './raw.js';

/** The Vtiger module behind each unified entity, in dependency order (Accounts → Contacts → Invoice). */
export const ENTITY_MODULES = { ORGANIZATION: 'Accounts', PERSON: 'Contacts', DONATION: 'Invoice' } as const satisfies Record<EntityType, string>;

/** Retrieves in flight at once when rows need completing: enough to hide latency, few enough to be polite. */
const RETRIEVE_CONCURRENCY = 8;

export class RecordReader {
  constructor(
    private readonly client: VtigerClient,
    private readonly mapper: VtigerMapper,
    private readonly lookups: InventoryLookups,
  ) {}

  /**
   * Maps rows as query or sync returned them. Invoice rows carry no LineItems there, so each is
   * retrieved; one deleted in between is left out.
   */
  async toRecords<E extends EntityType>(entity: E, rows: readonly VtigerRecord[]): Promise<RemoteRecord<E>[]> {
    switch (entity) {
      case 'PERSON':
        return rows.map((row) => this.mapper.toPerson(row)) as RemoteRecord<E>[];
      case 'ORGANIZATION':
        return rows.map((row) => this.mapper.toOrganization(row)) as RemoteRecord<E>[];
      default:
        return (await this.toDonations(rows)) as RemoteRecord<E>[];
    }
  }

  private async toDonations(rows: readonly VtigerRecord[]): Promise<RemoteRecord<'DONATION'>[]> {
    const complete = await inParallel(rows, RETRIEVE_CONCURRENCY, (row) => (row.lineItems ? Promise.resolve(row) : this.client.retrieve(row.fields['id'] ?? '')));
    const invoices = complete.filter((row): row is VtigerRecord => row !== null);
    await this.lookups.loadCurrencies();
    await this.lookups.loadProductNames(invoices.flatMap((invoice) => (invoice.lineItems ?? []).map((line) => line.productid)));
    return invoices.map((invoice) => this.mapper.toDonation(invoice, this.lookups));
  }
}
