// Merges the records linked to one unified object into one value per field.
//
// Default policy: for each field, the value from the most recently modified record that has one
// (an empty string, empty list or null does not count as having one). Emails, phones and addresses
// are unions de-duplicated by normalised value, in winner-first order, with `primary` taken from
// the record that wins that list.
import type { DateTime } from 'luxon';
import type { EmailAddress, PhoneNumber, PostalAddress } from '../model/contact-points.js';
import type { RemoteRecord } from '../model/remote-record.js';
import { SYSTEMS, type EntityType, type System } from '../model/system.js';

export interface MergePolicy {
  /** Per unified field, systems to prefer in order, before recency decides. */
  fieldPriority: Readonly<Record<string, readonly System[]>>;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = { fieldPriority: {} };

/** Unified fields a priority may name: every field of every entity. */
const MERGEABLE_FIELDS: ReadonlySet<string> = new Set([
  'givenName', 'familyName', 'emails', 'phones', 'addresses', 'languages', 'birthDate', 'tags', 'customFields',
  'organizationRef', 'name', 'website', 'amount', 'receivedAt', 'donorRef', 'designations', 'recurring',
]);

/**
 * Reads "addresses=CIVICRM,VTIGER;phones=VTIGER" (field=systems in preference order, `;` between
 * fields). Throws an Error saying what is wrong; the caller names the variable.
 */
export function parseFieldPriority(text: string): MergePolicy {
  const fieldPriority: Record<string, System[]> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const [field, systems, extra] = part.split('=').map((p) => p.trim());
    if (!field || !systems || extra !== undefined) throw new Error(`"${part}" is not field=SYSTEM[,SYSTEM…]`);
    if (!MERGEABLE_FIELDS.has(field)) throw new Error(`"${field}" is not a unified field`);
    const list = systems.split(',').map((s) => s.trim().toUpperCase());
    const unknown = list.find((s) => !(SYSTEMS as readonly string[]).includes(s));
    if (unknown !== undefined) throw new Error(`"${unknown}" is not one of ${SYSTEMS.join(', ')}`);
    fieldPriority[field] = list as System[];
  }
  return { fieldPriority };
}

const UNION_KEYS: Readonly<Record<string, (item: never) => string>> = {
  emails: (e: EmailAddress) => e.address.trim().toLowerCase(),
  phones: (p: PhoneNumber) => p.number.replace(/[^\d+]/g, ''),
  addresses: (a: PostalAddress) =>
    [...a.lines, a.locality, a.postalCode, a.country].map((v) => (v ?? '').trim().toLowerCase()).join('|'),
};

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && !('toMillis' in value)) return Object.keys(value).length > 0;
  return true;
}

function modifiedMillis(record: RemoteRecord): number {
  return record.modifiedAt?.toMillis() ?? 0;
}

/** Records ordered for one field: priority systems first, then most recently modified. */
function rank<E extends EntityType>(records: readonly RemoteRecord<E>[], priority: readonly System[]): RemoteRecord<E>[] {
  const position = (s: System) => {
    const i = priority.indexOf(s);
    return i === -1 ? priority.length : i;
  };
  return [...records].sort((a, b) => position(a.system) - position(b.system) || modifiedMillis(b) - modifiedMillis(a));
}

function unionList<T extends { primary: boolean }>(ranked: readonly T[][], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  ranked.forEach((list, index) => {
    for (const item of list) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      // Only the winning record's primary flags stand; the others' would give several primaries.
      out.push(index === 0 ? item : { ...item, primary: false });
    }
  });
  return out;
}

export interface MergedRecords<E extends EntityType> {
  data: RemoteRecord<E>['data'];
  /** The record whose value won each field, for fields that point at other records. */
  winners: Record<string, RemoteRecord<E>>;
  createdAt: DateTime | null;
  modifiedAt: DateTime | null;
}

export function mergeRecords<E extends EntityType>(
  records: readonly RemoteRecord<E>[],
  policy: MergePolicy = DEFAULT_MERGE_POLICY,
): MergedRecords<E> {
  const first = records[0];
  if (!first) throw new Error('mergeRecords needs at least one record');
  const data: Record<string, unknown> = {};
  const winners: Record<string, RemoteRecord<E>> = {};
  for (const field of Object.keys(first.data)) {
    const ranked = rank(records, policy.fieldPriority[field] ?? []).filter((r) => hasValue(fieldOf(r, field)));
    const winner = ranked[0];
    if (!winner) {
      data[field] = fieldOf(rank(records, [])[0] ?? first, field);
      continue;
    }
    winners[field] = winner;
    const unionKey = UNION_KEYS[field];
    data[field] = unionKey
      ? unionList(ranked.map((r) => fieldOf(r, field) as { primary: boolean }[]), unionKey as (i: { primary: boolean }) => string)
      : fieldOf(winner, field);
  }
  const created = records.map((r) => r.createdAt).filter((d): d is DateTime => d !== null);
  const modified = records.map((r) => r.modifiedAt).filter((d): d is DateTime => d !== null);
  return {
    data: data as unknown as RemoteRecord<E>["data"],
    winners,
    createdAt: created.length ? created.reduce((a, b) => (a < b ? a : b)) : null,
    modifiedAt: modified.length ? modified.reduce((a, b) => (a > b ? a : b)) : null,
  };
}

function fieldOf(record: RemoteRecord, field: string): unknown {
  return (record.data as unknown as Record<string, unknown>)[field];
}
