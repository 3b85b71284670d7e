// A twin's field values as the sync compares them across CRMs.
//
// Each CRM holds the same fact a little differently (list order, `primary` flags, phone kinds,
// bounce states it cannot express), and a reference names a record of its own CRM. So values are
// compared in a portable, canonical form: references as unified ids, lists as sorted sets of what
// every CRM can hold, blanks as null. Two values with the same hash say the same thing.
import type { EmailAddress, PhoneNumber, PostalAddress } from '../model/contact-points.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType } from '../model/system.js';
import { canonicalJson, contentHash } from '../store/content-hash.js';
import type { IdentityIndex } from '../store/identity-index.js';
import { encodeUnifiedData } from '../store/record-codec.js';
import { referenceField } from '../writes/reference-fields.js';

/** Field name → hash of its comparable value. */
export type FieldHashes = Readonly<Record<string, string>>;

const OPTED_OUT = new Set(['UNSUBSCRIBED', 'SPAM_COMPLAINT']);

function sortedSet(items: string[]): string[] | null {
  const set = [...new Set(items)].sort();
  return set.length === 0 ? null : set;
}

const LIST_FORMS: Readonly<Record<string, (items: never[]) => string[] | null>> = {
  emails: (items: EmailAddress[]) => sortedSet(items.map((e) => `${e.address.trim().toLowerCase()}|${OPTED_OUT.has(e.status) ? 'out' : 'in'}`)),
  phones: (items: PhoneNumber[]) => sortedSet(items.map((p) => p.number.replace(/[^\d+]/g, ''))),
  addresses: (items: PostalAddress[]) =>
    sortedSet(items.map((a) => [...a.lines, a.locality, a.region, a.postalCode, a.country].map((v) => (v ?? '').trim().toLowerCase()).join('|'))),
  tags: (items: string[]) => sortedSet(items.map((t) => t.trim())),
  languages: (items: string[]) => sortedSet(items.map((t) => t.trim().toLowerCase())),
};

/** The canonical form of one portable field value (see the file comment). */
export function comparableValue(field: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const listForm = LIST_FORMS[field];
  if (listForm && Array.isArray(value)) return listForm(value as never[]);
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return value;
}

/** Whether a portable value says anything (null, blanks and empty lists do not). */
export function hasValue(field: string, value: unknown): boolean {
  return comparableValue(field, value) !== null;
}

export function fieldHash(field: string, value: unknown): string {
  return contentHash(canonicalJson(comparableValue(field, value))).slice(0, 20);
}

export function fieldHashes(data: Readonly<Record<string, unknown>>, fields: Iterable<string>): FieldHashes {
  const out: Record<string, string> = {};
  for (const field of fields) out[field] = fieldHash(field, data[field]);
  return out;
}

/**
 * The record's unified data in portable form: JSON-safe (dates as ISO strings), references as
 * the unified ids of the records they name (null when that record is not linked). What the outbox
 * takes as a write's payload, and what conflicts show.
 */
export function portableData(record: RemoteRecord, identity: IdentityIndex): Record<string, unknown> {
  const data = encodeUnifiedData(record.entity, record.data, `${record.system} ${record.entity} ${record.remoteId}`);
  for (const [field, value] of Object.entries(data)) {
    const ref = referenceField(record.entity, field);
    if (ref !== null) data[field] = typeof value === 'string' ? identity.find(record.system, ref.target, value) : null;
  }
  return data;
}

/** The unified fields of an entity that point at other objects (translated by portableData). */
export function isReference(entity: EntityType, field: string): boolean {
  return referenceField(entity, field) !== null;
}
