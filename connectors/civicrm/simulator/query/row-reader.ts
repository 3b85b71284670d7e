// Reads a field path off a stored row: walks joins, applies option suffixes, renders dates.
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { FieldSpec, StoredRow, StoredValue } from '../schema/field-spec.js';
import type { CiviStore } from '../store/civi-store.js';
import type { FieldPath } from './field-path.js';
import { renderValue } from './render-value.js';

export class RowReader {
  constructor(
    private readonly store: CiviStore,
    private readonly registry: EntityRegistry,
    private readonly timeZone: string,
  ) {}

  /** The API value of `path` for `row`; a missing join target yields null (observed). */
  read(row: StoredRow, path: FieldPath): StoredValue {
    let current: StoredRow | undefined = row;
    for (const hop of path.hops) {
      const id = this.#column(current, hop);
      current = typeof id === 'number' && hop.fk ? this.store.find(hop.fk, id) : undefined;
      if (!current) return null;
    }
    const raw = this.#column(current, path.field);
    if (path.suffix) {
      if (raw === null) return null;
      return path.field.options?.find((o) => o.id === raw)?.[path.suffix] ?? null;
    }
    return renderValue(path.field, raw, this.timeZone);
  }

  /** Projects a row onto the selected paths, keys exactly as written. */
  project(row: StoredRow, paths: readonly FieldPath[]): Record<string, StoredValue> {
    const out: Record<string, StoredValue> = {};
    for (const path of paths) out[path.key] = this.read(row, path);
    return out;
  }

  #column(row: StoredRow, field: FieldSpec): StoredValue {
    if (field.primaryOf) return typeof row.id === 'number' ? this.store.primaryId(field.primaryOf, row.id) : null;
    return row[field.name] ?? null;
  }
}
