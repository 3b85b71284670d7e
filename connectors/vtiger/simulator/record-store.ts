// The simulated CRM's records: one global crmid sequence, soft deletes, server-set times and owners.
import { DateTime } from 'luxon';
import { formatScaled, multiply, toScaled } from './decimal.js';
import { htmlEntities } from './html-entities.js';
import { GROUPS_PREFIX, LINE_ITEM_PREFIX, MODULES, USERS_PREFIX, WS_ENTITIES, type FieldDef, type ModuleDef } from './modules.js';
import { VtigerFault } from './vtiger-fault.js';

export interface StoredLineItem {
  lineItemId: number;
  productId: string;
  quantity: bigint;
  listPrice: bigint;
  comment: string;
  description: string;
}

export interface StoredRecord {
  crmid: number;
  module: ModuleDef;
  /** Every writable and numbering field, as the string Vtiger would store. */
  values: Record<string, string>;
  /** Owner: a user or group number ("assigned_user_id" is rendered from it). */
  ownerId: number;
  /** Epoch milliseconds, whole seconds (the DB columns are DATETIME). */
  createdAt: number;
  modifiedAt: number;
  deleted: boolean;
  lineItems: StoredLineItem[] | null;
}

export type RenderedRecord = Record<string, unknown>;

export interface RecordStoreOptions {
  /** Clock in epoch ms; tests pin it to make modification times tie or cross a DST change. */
  now?: () => number;
  /** The API user's zone: date-times are kept in UTC and shown in this zone, as Vtiger does. */
  timezone?: string;
  /** Decimals the user's currency settings round amounts to (no_of_currency_decimals). */
  currencyDecimals?: number;
}

export const ADMIN_USER_ID = 1;
export const GROUP_IDS: readonly number[] = [2, 3, 4];
const DATETIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export class RecordStore {
  readonly timezone: string;
  private readonly now: () => number;
  private readonly currencyDecimals: number;
  private readonly records = new Map<number, StoredRecord>();
  /** Non-entity modules (Currency) number their rows separately from crmid. */
  private readonly nonEntityRows = new Map<string, Map<number, StoredRecord>>();
  private nextCrmid = 1;
  private nextLineItemId = 1;
  private readonly numbers = new Map<string, number>();
  /** Users other than the admin (the server adds a non-admin, for sync scope). */
  readonly extraUsers = new Set<number>();

  constructor(options: RecordStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.timezone = options.timezone ?? 'UTC';
    this.currencyDecimals = options.currencyDecimals ?? 2;
  }

  /** The current second, in epoch ms. */
  clock(): number {
    return Math.floor(this.now() / 1000) * 1000;
  }

  formatTime(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.timezone }).toFormat(DATETIME_FORMAT);
  }

  /** A datetime literal from a query ("YYYY-MM-DD[ HH:MM:SS]" in the user's zone) as epoch ms, or null. */
  parseTime(text: string): number | null {
    const parsed = DateTime.fromFormat(text.trim(), text.trim().length === 10 ? 'yyyy-MM-dd' : DATETIME_FORMAT, { zone: this.timezone });
    return parsed.isValid ? parsed.toMillis() : null;
  }

  // ——— lookups ———

  /** Live records of a module, in crmid order. */
  live(module: ModuleDef): StoredRecord[] {
    if (!module.isEntity) return [...(this.nonEntityRows.get(module.name)?.values() ?? [])];
    return [...this.records.values()].filter((r) => r.module === module && !r.deleted);
  }

  /** Live and deleted records of a module, for sync. */
  everyRecord(module: ModuleDef): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.module === module);
  }

  byCrmid(crmid: number): StoredRecord | undefined {
    return this.records.get(crmid);
  }

  /**
   * The record an id names, with Vtiger 8.2's answers for bad ids: malformed or unknown prefix →
   * "…denied for id"; missing or deleted → "…denied"; another module's crmid → INVALID_ID_ATTRIBUTE.
   */
  resolve(id: string | undefined): StoredRecord {
    const match = /^(\d+)x(\d+)$/.exec(id ?? '');
    const module = match ? [...MODULES.values()].find((m) => m.idPrefix === match[1] && m.isEntity) : undefined;
    if (!match || !module) throw VtigerFault.accessDenied(' for id');
    const record = this.records.get(Number(match[2]));
    if (!record || record.deleted) throw VtigerFault.accessDenied();
    if (record.module !== module) throw new VtigerFault('INVALID_ID_ATTRIBUTE', 'Id specified is incorrect');
    return record;
  }

  // ——— writes ———

  /** Adds a row of a non-entity module (Currency) with its own id. */
  addNonEntityRow(module: ModuleDef, id: number, values: Record<string, string>): void {
    const rows = this.nonEntityRows.get(module.name) ?? new Map<number, StoredRecord>();
    this.nonEntityRows.set(module.name, rows);
    const at = this.clock();
    rows.set(id, { crmid: id, module, values, ownerId: 0, createdAt: at, modifiedAt: at, deleted: false, lineItems: null });
  }

  /**
   * Creates a record from an element already checked for mandatory fields. `at` lets seeds give
   * records their history; live creates use the clock.
   */
  insert(module: ModuleDef, values: Record<string, string>, ownerId: number, lineItems: StoredLineItem[] | null, at = this.clock()): StoredRecord {
    const crmid = this.nextCrmid++;
    const record: StoredRecord = { crmid, module, values: { ...values }, ownerId, createdAt: at, modifiedAt: at, deleted: false, lineItems: null };
    if (module.numbering) {
      const next = (this.numbers.get(module.name) ?? 0) + 1;
      this.numbers.set(module.name, next);
      record.values[module.numbering.field] = `${module.numbering.prefix}${next}`;
    }
    if (lineItems) this.setLineItems(record, lineItems);
    this.records.set(crmid, record);
    return record;
  }

  /** Lays `values` over the record and moves modifiedtime forward. */
  change(record: StoredRecord, values: Record<string, string>, ownerId: number | null, lineItems: StoredLineItem[] | null, at = this.clock()): void {
    Object.assign(record.values, values);
    if (ownerId !== null) record.ownerId = ownerId;
    if (lineItems) this.setLineItems(record, lineItems);
    record.modifiedAt = Math.max(at, record.modifiedAt);
  }

  /** Soft delete: the row stays (for sync's deleted list) with its modifiedtime moved to now. */
  remove(record: StoredRecord, at = this.clock()): void {
    record.deleted = true;
    record.modifiedAt = Math.max(at, record.modifiedAt);
  }

  newLineItemId(): number {
    return this.nextLineItemId++;
  }

  private setLineItems(record: StoredRecord, lineItems: StoredLineItem[]): void {
    record.lineItems = lineItems;
    // The server recomputes the totals from the lines; no taxes, discounts or shipping here.
    const total = lineItems.reduce((sum, line) => sum + multiply(line.quantity, line.listPrice), 0n);
    const amount = formatScaled(total, 8, this.currencyDecimals);
    Object.assign(record.values, { hdnSubTotal: amount, hdnGrandTotal: amount, pre_tax_total: amount, balance: amount });
    record.values['received'] ||= formatScaled(0n);
  }

  // ——— rendering ———

  /** The owner as Vtiger shows it: "19x1", "20x3", or the bare number when it names nobody. */
  ownerRef(ownerId: number): string {
    if (ownerId === ADMIN_USER_ID || this.extraUsers.has(ownerId)) return `${USERS_PREFIX}x${ownerId}`;
    if (GROUP_IDS.includes(ownerId)) return `${GROUPS_PREFIX}x${ownerId}`;
    return String(ownerId);
  }

  /** One field's stored value as the API shows it. */
  value(record: StoredRecord, field: FieldDef): string {
    switch (field.name) {
      case 'id':
        return `${record.module.idPrefix}x${record.crmid}`;
      case 'assigned_user_id':
        return this.ownerRef(record.ownerId);
      case 'createdtime':
        return this.formatTime(record.createdAt);
      case 'modifiedtime':
        return this.formatTime(record.modifiedAt);
      case 'modifiedby':
        return `${USERS_PREFIX}x${ADMIN_USER_ID}`;
      case 'source':
        return record.values['source'] ?? 'WEBSERVICE';
      default:
        return record.values[field.name] ?? defaultValue(field);
    }
  }

  /**
   * The record as retrieve/create/revise return it (every field, id, then the HTML-encoded label;
   * LineItems for inventory) or, with `asRow`, as query and sync rows (no label, no line items).
   */
  render(record: StoredRecord, asRow = false): RenderedRecord {
    const out: RenderedRecord = {};
    for (const field of record.module.fields) {
      if (field.name === 'id') continue;
      out[field.name] = this.value(record, field);
    }
    if (!asRow && record.module.inventory && record.lineItems) {
      out['LineItems'] = record.lineItems.map((line, index) => this.renderLineItem(record, line, index));
      out['LineItems_FinalDetails'] = {
        hdnSubTotal: out['hdnSubTotal'],
        discountTotal_final: '0.00',
        shipping_handling_charge: '0.00',
        adjustment: '0.00',
        grandTotal: out['hdnGrandTotal'],
      };
    }
    out['id'] = `${record.module.idPrefix}x${record.crmid}`;
    if (!asRow && record.module.isEntity) {
      out['label'] = htmlEntities(record.module.labelFields.map((name) => record.values[name] ?? '').filter(Boolean).join(' '));
    }
    return out;
  }

  private renderLineItem(record: StoredRecord, line: StoredLineItem, index: number): RenderedRecord {
    return {
      parent_id: `${record.module.idPrefix}x${record.crmid}`,
      productid: line.productId,
      sequence_no: String(index + 1),
      quantity: formatScaled(line.quantity, 3),
      listprice: formatScaled(line.listPrice, 8, this.currencyDecimals),
      discount_percent: '',
      discount_amount: '',
      comment: line.comment,
      description: line.description,
      incrementondel: '1',
      netprice: formatScaled(multiply(line.quantity, line.listPrice), 8, this.currencyDecimals),
      id: `${LINE_ITEM_PREFIX}x${line.lineItemId}`,
    };
  }

  formatAmount(value: bigint): string {
    return formatScaled(value, 8, this.currencyDecimals);
  }
}

/** What an untouched field holds: "" for text, "0" for booleans (every value is a string). */
export function defaultValue(field: FieldDef): string {
  return field.type === 'boolean' ? '0' : '';
}

/** The type prefix for a module name, from vtiger_ws_entity. */
export function prefixOf(moduleName: string): string | undefined {
  const entry = WS_ENTITIES.find(([name]) => name === moduleName);
  return entry ? String(entry[1]) : undefined;
}
