// What create, update and revise accept: value normalisation and the checks Vtiger 8.2 really makes.
import { formatScaled, toScaled } from './decimal.js';
import { GROUP_IDS, ADMIN_USER_ID, type RecordStore, type StoredLineItem, type StoredRecord } from './record-store.js';
import { MODULES, type FieldDef, type ModuleDef } from './modules.js';
import { VtigerFault } from './vtiger-fault.js';

export type WriteMode = 'create' | 'update' | 'revise';

export interface CheckedElement {
  values: Record<string, string>;
  ownerId: number | null;
  lineItems: StoredLineItem[] | null;
  /** An owner id that names no user or group: the record is saved, the reply is an HTML error page. */
  orphanOwner: boolean;
}

/** The element parameter as Vtiger decodes it: malformed JSON or a list counts as an empty element. */
export function decodeElement(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function checkElement(store: RecordStore, module: ModuleDef, element: Record<string, unknown>, mode: WriteMode, current?: StoredRecord): CheckedElement {
  const values: Record<string, string> = {};
  let ownerId: number | null = null;
  let orphanOwner = false;
  for (const field of module.fields) {
    if (field.readonly || !(field.name in element)) continue;
    const raw = element[field.name];
    if (field.type === 'owner') {
      // Only the number counts: "12x3" becomes owner 3 (a group), "1" the admin.
      const numeric = Number(/(\d+)$/.exec(String(raw ?? ''))?.[1] ?? NaN);
      if (Number.isFinite(numeric)) {
        ownerId = numeric;
        orphanOwner = numeric !== ADMIN_USER_ID && !GROUP_IDS.includes(numeric) && !store.extraUsers.has(numeric);
        values[field.name] = String(numeric);
      } else values[field.name] = '';
      continue;
    }
    values[field.name] = normalise(store, field, raw);
  }
  for (const field of module.fields) {
    if (!field.mandatory) continue;
    const sent = field.name in values;
    const empty = (values[field.name] ?? '') === '';
    if ((mode === 'revise' && sent && empty) || (mode !== 'revise' && empty)) {
      throw new VtigerFault('MANDATORY_FIELDS_MISSING', `${field.name} does not have a value`);
    }
  }
  delete values['assigned_user_id'];
  for (const field of module.fields) {
    if (!field.unique || !(field.name in values)) continue;
    const wanted = (values[field.name] ?? '').toLowerCase();
    const clash = store.live(module).some((r) => r !== current && (r.values[field.name] ?? '').toLowerCase() === wanted);
    if (clash) throw new VtigerFault(0, 'Duplicate(s) detected!');
  }
  let lineItems: StoredLineItem[] | null = null;
  if (module.inventory) {
    const sentLines = element['LineItems'];
    if (Array.isArray(sentLines) && sentLines.length > 0) lineItems = sentLines.map((line) => checkLineItem(store, line));
    else if (mode === 'create') throw new VtigerFault('MANDATORY_FIELDS_MISSING', 'Mandatory Fields Missing..');
  }
  return { values, ownerId, lineItems, orphanOwner };
}

function normalise(store: RecordStore, field: FieldDef, raw: unknown): string {
  const text = raw === null || raw === undefined ? '' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  switch (field.type) {
    case 'boolean':
      return raw === true || ['1', 'on', 'yes', 'true'].includes(text.toLowerCase()) ? '1' : '0';
    case 'integer':
      return text.trim() === '' || !Number.isFinite(Number(text)) ? '' : String(Math.round(Number(text)));
    case 'double':
      return text.trim() === '' ? '' : formatScaled(toScaled(text));
    case 'currency':
      return text.trim() === '' ? '' : store.formatAmount(toScaled(text));
    case 'date': {
      const dmy = /^(\d{2})[/.-](\d{2})[/.-](\d{4})$/.exec(text.trim());
      return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : text.trim();
    }
    case 'reference':
      return checkReference(store, field, text.trim());
    default:
      return text;
  }
}

/**
 * A reference must carry the prefix of a module it may point to (else REFERENCE_INVALID); one that
 * points at no live record of that module is accepted and silently stored empty.
 */
function checkReference(store: RecordStore, field: FieldDef, value: string): string {
  if (value === '') return '';
  const match = /^(\d+)x(\d+)$/.exec(value);
  const target = match ? (field.refersTo ?? []).map((name) => MODULES.get(name)).find((m) => m?.idPrefix === match[1]) : undefined;
  if (!match || !target) throw new VtigerFault('REFERENCE_INVALID', `Invalid reference specified for ${field.name}`);
  const crmid = Number(match[2]);
  const exists = target.isEntity
    ? store.byCrmid(crmid)?.module === target && !store.byCrmid(crmid)?.deleted
    : store.live(target).some((row) => row.crmid === crmid);
  return exists ? value : '';
}

function checkLineItem(store: RecordStore, line: unknown): StoredLineItem {
  const item = typeof line === 'object' && line !== null ? (line as Record<string, unknown>) : {};
  const productId = String(item['productid'] ?? '');
  const product = /^(\d+)x(\d+)$/.exec(productId) ? store.byCrmid(Number(productId.split('x')[1])) : undefined;
  if (!product || product.deleted || product.module.name !== 'Products' || product.module.idPrefix !== productId.split('x')[0]) {
    throw new VtigerFault('REFERENCE_INVALID', 'Invalid reference specified for productid');
  }
  const listPrice = item['listprice'] === undefined || item['listprice'] === '' ? (product.values['unit_price'] ?? '0') : String(item['listprice']);
  return {
    lineItemId: store.newLineItemId(),
    productId,
    quantity: toScaled(String(item['quantity'] ?? '1')),
    listPrice: toScaled(listPrice),
    comment: String(item['comment'] ?? ''),
    description: String(item['description'] ?? ''),
  };
}
