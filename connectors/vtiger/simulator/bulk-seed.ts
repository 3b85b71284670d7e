// Many generated contacts at once, straight into the store: for paging tests and the benchmark.
import { toScaled } from './decimal.js';
import { MODULES } from './modules.js';
import { ADMIN_USER_ID, type RecordStore, type StoredRecord } from './record-store.js';

export interface BulkSeedOptions {
  /** Modification time of the i-th contact (epoch ms); defaults to the store's clock. */
  at?: (index: number) => number;
  ownerId?: number;
}

/** Adds `count` contacts named "Bulk Contact0001"…, with emails and phones; returns them in creation order. */
export function seedContacts(store: RecordStore, count: number, options: BulkSeedOptions = {}): StoredRecord[] {
  const contacts = MODULES.get('Contacts');
  if (!contacts) throw new Error('the Contacts module is not defined');
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(Math.max(4, width), '0');
    const values = {
      firstname: 'Bulk',
      lastname: `Contact${n}`,
      email: `bulk.contact${n}@example.invalid`,
      mobile: `+1 415 555 ${String(i % 10000).padStart(4, '0')}`,
      mailingcity: 'Springfield',
      mailingcountry: 'United States',
      source: 'WEBSERVICE',
    };
    return store.insert(contacts, values, options.ownerId ?? ADMIN_USER_ID, null, options.at?.(i) ?? store.clock());
  });
}

/** Adds `count` accounts named "Bulk Organization 0001"… (names are unique, as Vtiger requires). */
export function seedAccounts(store: RecordStore, count: number, options: BulkSeedOptions = {}): StoredRecord[] {
  const accounts = MODULES.get('Accounts');
  if (!accounts) throw new Error('the Accounts module is not defined');
  const start = store.live(accounts).length;
  return Array.from({ length: count }, (_, i) => {
    const n = String(start + i + 1).padStart(4, '0');
    const values = { accountname: `Bulk Organization ${n}`, email1: `org${n}@example.invalid`, bill_city: 'Springfield', source: 'WEBSERVICE' };
    return store.insert(accounts, values, options.ownerId ?? ADMIN_USER_ID, null, options.at?.(i) ?? store.clock());
  });
}

/** Adds `count` one-line USD invoices of 25.00 for a "Bulk Gifts" product (created on first use). */
export function seedInvoices(store: RecordStore, count: number, options: BulkSeedOptions = {}): StoredRecord[] {
  const invoice = MODULES.get('Invoice');
  const products = MODULES.get('Products');
  if (!invoice || !products) throw new Error('the Invoice and Products modules are not defined');
  const product = store.live(products).find((p) => p.values['productname'] === 'Bulk Gifts') ?? store.insert(products, { productname: 'Bulk Gifts' }, ADMIN_USER_ID, null);
  return Array.from({ length: count }, (_, i) => {
    const line = { lineItemId: store.newLineItemId(), productId: `${products.idPrefix}x${product.crmid}`, quantity: toScaled('1'), listPrice: toScaled('25'), comment: '', description: '' };
    const values = { subject: `Bulk gift ${i + 1}`, invoicestatus: 'Paid', invoicedate: '2026-01-15', currency_id: '21x1', source: 'WEBSERVICE' };
    return store.insert(invoice, values, options.ownerId ?? ADMIN_USER_ID, [line], options.at?.(i) ?? store.clock());
  });
}
