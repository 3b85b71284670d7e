// Which unified fields of a merged object change when the set of records linked to it changes (a
// merge, a split), for the change log's changedFields.
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import { canonicalJson } from '../store/content-hash.js';
import { encodeUnifiedData } from '../store/record-codec.js';
import { referenceField } from '../writes/reference-fields.js';
import { mergeRecords, type MergePolicy } from './merge-policy.js';

const EMPTY = new Set(['null', '""', '[]', '{}']);

/** Finds the unified id of a CRM's record (the identity index). */
export interface RecordLookup {
  find(system: System, entity: EntityType, remoteId: string): string | null;
}

/**
 * Field → canonical JSON of its merged value; fields without a value are left out. A reference
 * names a record of the CRM whose value won, so it is compared as the unified id that record has:
 * the same organization seen through another CRM's record is no change.
 */
function mergedFields(records: readonly RemoteRecord[], policy?: MergePolicy, lookup?: RecordLookup): Map<string, string> {
  const first = records[0];
  if (!first) return new Map();
  const merged = mergeRecords(records, policy);
  const encoded = encodeUnifiedData(first.entity, merged.data, `merged ${first.entity}`);
  for (const [field, value] of Object.entries(encoded)) {
    const ref = referenceField(first.entity, field);
    const winner = merged.winners[field];
    if (ref && lookup && winner && typeof value === 'string') encoded[field] = lookup.find(winner.system, ref.target, value) ?? `${winner.system}:${value}`;
  }
  return new Map(
    Object.entries(encoded)
      .map(([field, value]): [string, string] => [field, canonicalJson(value ?? null)])
      .filter(([, json]) => !EMPTY.has(json)),
  );
}

/**
 * The merged fields whose value differs between the two record sets (from none: every field that
 * has a value), then `sources`, since the callers change which records are linked.
 */
export function mergedFieldChanges<E extends EntityType>(before: readonly RemoteRecord<E>[], after: readonly RemoteRecord<E>[], policy?: MergePolicy, lookup?: RecordLookup): string[] {
  const a = mergedFields(before, policy, lookup);
  const b = mergedFields(after, policy, lookup);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return [...fields.filter((field) => a.get(field) !== b.get(field)), 'sources'];
}
