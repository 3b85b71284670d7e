// In-memory tables of the simulated CiviCRM database, one per entity, with auto-increment ids.
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { StoredRow, StoredValue } from '../schema/field-spec.js';

/**
 * Raw storage: no validation, no side effects (those live in write/row-writer.ts).
 * Rows handed out are the stored objects; callers outside write/ must not mutate them.
 * Iteration order is insertion order, i.e. id order.
 */
export class CiviStore {
  readonly #tables = new Map<string, Map<number, StoredRow>>();
  readonly #nextId = new Map<string, number>();

  constructor(private readonly registry: EntityRegistry) {}

  rows(entity: string): readonly StoredRow[] {
    return [...this.#table(entity).values()];
  }

  find(entity: string, id: number): StoredRow | undefined {
    return this.#table(entity).get(id);
  }

  /** Stores a new row under the next id; columns not given get their default or null. */
  insert(entity: string, values: StoredRow, id?: number): StoredRow {
    const table = this.#table(entity);
    const newId = id ?? this.#nextId.get(entity) ?? 1;
    if (table.has(newId)) throw new Error(`${entity} ${newId} already exists`);
    this.#nextId.set(entity, Math.max(newId + 1, this.#nextId.get(entity) ?? 1));
    const row: StoredRow = { id: newId };
    for (const f of this.registry.defaultFields(entity)) {
      if (f.name !== 'id') row[f.name] = values[f.name] !== undefined ? (values[f.name] as StoredValue) : (f.default ?? null);
    }
    table.set(newId, row);
    return row;
  }

  /** Merges `patch` into an existing row; returns the row, or undefined when it does not exist. */
  patch(entity: string, id: number, patch: StoredRow): StoredRow | undefined {
    const row = this.#table(entity).get(id);
    if (!row) return undefined;
    for (const [key, value] of Object.entries(patch)) if (key !== 'id') row[key] = value;
    return row;
  }

  delete(entity: string, id: number): boolean {
    return this.#table(entity).delete(id);
  }

  /** The contact's primary row in a location entity (Email, Phone, Address), if any. */
  primaryId(entity: string, contactId: number): number | null {
    for (const row of this.#table(entity).values()) {
      if (row.contact_id === contactId && row.is_primary === true) return row.id as number;
    }
    return null;
  }

  /** Rows of `entity` whose `column` equals `value`. */
  where(entity: string, column: string, value: StoredValue): StoredRow[] {
    return [...this.#table(entity).values()].filter((row) => row[column] === value);
  }

  clear(): void {
    this.#tables.clear();
    this.#nextId.clear();
  }

  #table(entity: string): Map<number, StoredRow> {
    let table = this.#tables.get(entity);
    if (!table) {
      table = new Map();
      this.#tables.set(entity, table);
    }
    return table;
  }
}
