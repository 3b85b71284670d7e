// Parses APIv4 `orderBy` ({field: 'ASC'|'DESC'}) and sorts rows with MySQL's ordering rules.
import { civiErrors, CriticalError } from '../api-error.js';
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { StoredRow } from '../schema/field-spec.js';
import { compareColumns } from './compare.js';
import { pathType, resolveFieldPath, type FieldPath } from './field-path.js';
import type { RowReader } from './row-reader.js';

export interface SortKey {
  readonly path: FieldPath;
  readonly descending: boolean;
}

/**
 * The direction is checked before the field and is case-sensitive, as in
 * Api4SelectQuery::buildOrderBy (observed text: "Invalid sort direction. Cannot order by id SIDEWAYS").
 */
export function parseOrderBy(registry: EntityRegistry, entity: string, raw: unknown): SortKey[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object') throw new CriticalError('orderBy must be an array');
  return Object.entries(raw as Record<string, unknown>).map(([key, direction]) => {
    if (direction !== 'ASC' && direction !== 'DESC') throw civiErrors.invalidSortDirection(key, String(direction));
    const path = resolveFieldPath(registry, entity, key);
    if (!path) throw civiErrors.invalidField(key);
    return { path, descending: direction === 'DESC' };
  });
}

/**
 * Stable sort by the keys, then by id. Without orderBy real Civi's order is unspecified
 * (observed 3,2,7,4…); id order is one legal answer and keeps tests deterministic.
 */
export function sortRows(rows: readonly StoredRow[], keys: readonly SortKey[], reader: RowReader): StoredRow[] {
  const decorated = rows.map((row) => ({ row, values: keys.map((k) => reader.read(row, k.path)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as SortKey;
      const n = compareColumns(pathType(key.path), a.values[i] ?? null, b.values[i] ?? null);
      if (n !== 0) return key.descending ? -n : n;
    }
    return (a.row.id as number) - (b.row.id as number);
  });
  return decorated.map((d) => d.row);
}
