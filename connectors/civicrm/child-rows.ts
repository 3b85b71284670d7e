// Plans the API calls that make a record's child rows (emails, phones, addresses, websites, line
// items) match a desired list, keeping existing rows (and their ids, location types, history)
// wherever one can be reused.
import type { AddressDraft, EmailDraft, PhoneDraft, WebsiteDraft } from './contact-points.js';
import { MAIN_WEBSITE_TYPES } from './contact-points.js';
import type { LineItemDraft } from './donation-values.js';

export interface ChildDrafts {
  emails?: EmailDraft[];
  phones?: PhoneDraft[];
  addresses?: AddressDraft[];
  websites?: WebsiteDraft[];
  lineItems?: LineItemDraft[];
}
export type ChildKey = keyof ChildDrafts;

/** One APIv4 call: [Entity, action, params], as the batch form takes it. */
export type ApiCall = [entity: string, action: string, params: Record<string, unknown>];

type Row = Readonly<Record<string, unknown>>;

interface ChildKind {
  entity: string;
  /** The values that tie a new row to its parent. */
  parent: (parentId: number) => Record<string, unknown>;
  /** Identity of a row for matching: the same key means "the same address", so the row is kept. */
  key: (row: Row) => string;
  /** Rows the unified field stands for; others (e.g. a Facebook website) are left alone. */
  owns?: (row: Row) => boolean;
}

const lower = (value: unknown): string => String(value ?? '').trim().toLowerCase();

export const CHILD_KINDS: Readonly<Record<ChildKey, ChildKind>> = {
  emails: { entity: 'Email', parent: (id) => ({ contact_id: id }), key: (row) => lower(row['email']) },
  phones: { entity: 'Phone', parent: (id) => ({ contact_id: id }), key: (row) => String(row['phone'] ?? '').replace(/\D/g, '') },
  addresses: {
    entity: 'Address',
    parent: (id) => ({ contact_id: id }),
    key: (row) => [row['street_address'], row['city'], row['postal_code']].map(lower).join('|'),
  },
  websites: {
    entity: 'Website',
    parent: (id) => ({ contact_id: id }),
    key: (row) => lower(row['url']),
    owns: (row) => MAIN_WEBSITE_TYPES.includes((row['website_type_id:name'] as string | null | undefined) ?? null),
  },
  lineItems: {
    entity: 'LineItem',
    parent: (id) => ({ contribution_id: id, entity_id: id, entity_table: 'civicrm_contribution' }),
    key: (row) => lower(row['label']),
  },
};

/**
 * Calls turning `existing` into `desired`, in the order they must run: deletions first, then
 * updates and creations in list order, so new rows get ids (and read back) in that order. The
 * primary flag settles by itself whatever the order: CiviCRM clears it on the other rows when a
 * row is saved as primary, and makes a row primary when a contact would otherwise have none.
 * `extra` is added to every created row (e.g. a line item's financial type).
 */
export function planChildWrites(
  key: ChildKey,
  parentId: number,
  existing: readonly (Row & { id: number })[],
  desired: readonly Row[],
  extra: Record<string, unknown> = {},
): ApiCall[] {
  const kind = CHILD_KINDS[key];
  const free = existing.filter((row) => kind.owns?.(row) ?? true);
  const take = (match: (row: Row) => boolean) => {
    const index = free.findIndex(match);
    return index === -1 ? undefined : free.splice(index, 1)[0];
  };
  // Same identity first, then reuse leftover rows in order (an edited address keeps its row).
  const byKey = desired.map((draft) => take((row) => kind.key(row) === kind.key(draft)));
  const pairs = desired.map((draft, i) => ({ draft, row: byKey[i] ?? take(() => true) }));

  const calls: ApiCall[] = [];
  if (free.length > 0) calls.push([kind.entity, 'delete', { where: [['id', 'IN', free.map((row) => row.id)]] }]);
  for (const { draft, row } of pairs) {
    if (row === undefined) calls.push([kind.entity, 'create', { values: { ...kind.parent(parentId), ...extra, ...draft } }]);
    else if (changed(draft, row)) calls.push([kind.entity, 'update', { where: [['id', '=', row.id]], values: draft }]);
  }
  return calls;
}

function changed(draft: Row, row: Row): boolean {
  return Object.entries(draft).some(([field, value]) => !sameValue(value, row[field]));
}

/** Equal as CiviCRM stores them: null and absent alike, 125.5 and "125.50" alike. */
function sameValue(a: unknown, b: unknown): boolean {
  if ((a ?? null) === (b ?? null)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(String(a)) && numeric.test(String(b))) return Number(a) === Number(b);
  return String(a) === String(b);
}
