// Which unified fields of a merged object change when the set of records linked to it changes (a
// merge, a split), for the change log's changedFields.
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType } from '../model/system.js';
import { canonicalJson } from '../store/content-hash.js';
import { encodeUnifiedData } from '../store/record-codec.js';
import { mergeRecords, type MergePolicy } from './merge-policy.js';

const EMPTY = new Set(['null', '""', '[]', '{}']);

/** Field → canonical JSON of its merged value; fields without a value are left out. */
function mergedFields(records: readonly RemoteRecord[], policy?: MergePolicy): Map<string, string> {
  const first = records[0];
  if (!first) return new Map();
  const encoded = encodeUnifiedData(first.entity, mergeRecords(records, policy).data, `merged ${first.entity}`);
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
export function mergedFieldChanges<E extends EntityType>(before: readonly RemoteRecord<E>[], after: readonly RemoteRecord<E>[], policy?: MergePolicy): string[] {
  const a = mergedFields(before, policy);
  const b = mergedFields(after, policy);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return [...fields.filter((field) => a.get(field) !== b.get(field)), 'sources'];
}
