// Many generated contacts at once, straight into the store: for paging tests and the benchmark.
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
