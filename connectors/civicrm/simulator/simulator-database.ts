// Direct access to the simulator's data for tests and seeds: read, and write with the API's own rules.
import type { SimulatorClock } from './clock.js';
import { resolveFieldPath, type FieldPath } from './query/field-path.js';
import type { RowReader } from './query/row-reader.js';
import type { EntityName, EntityRegistry } from './schema/entity-registry.js';
import type { StoredRow, StoredValue } from './schema/field-spec.js';
import type { CiviStore } from './store/civi-store.js';
import { loadReferenceData } from './store/reference-data.js';
import type { RowWriter } from './write/row-writer.js';

export interface WriteOptions {
  /** The instant the write happens at (created_date/modified_date); defaults to the simulator clock. */
  readonly at?: Date;
}

/**
 * Writes go through the same rules as API calls (defaults, primary flags, modified_date
 * bumps, line items, "DB Error" checks, which throw ApiError) but need no HTTP and no auth.
 * Rows returned are copies; TIMESTAMP columns hold epoch milliseconds.
 */
export class SimulatorDatabase {
  constructor(
    private readonly store: CiviStore,
    private readonly registry: EntityRegistry,
    private readonly reader: RowReader,
    private readonly writer: RowWriter,
    private readonly clock: SimulatorClock,
  ) {}

  list(entity: EntityName): StoredRow[] {
    return this.store.rows(entity).map((row) => ({ ...row }));
  }

  find(entity: EntityName, id: number): StoredRow | undefined {
    const row = this.store.find(entity, id);
    return row ? { ...row } : undefined;
  }

  /** A row as the API's get would show it (default: every core column), trash or not. */
  read(entity: EntityName, id: number, select?: readonly string[]): Record<string, StoredValue> | undefined {
    const row = this.store.find(entity, id);
    if (!row) return undefined;
    const keys = select ?? this.registry.defaultFields(entity).map((f) => f.name);
    const paths = keys.map((k) => resolveFieldPath(this.registry, entity, k)).filter((p): p is FieldPath => p !== undefined);
    return this.reader.project(row, paths);
  }

  insert(entity: EntityName, values: Record<string, unknown>, options: WriteOptions = {}): StoredRow {
    const ctx = this.writer.context('create', options.at?.getTime());
    return { ...this.writer.createRecord(entity, values, ctx).row };
  }

  update(entity: EntityName, id: number, values: Record<string, unknown>, options: WriteOptions = {}): StoredRow {
    if (!this.store.find(entity, id)) throw new RangeError(`update needs an existing ${entity} id, but got: ${id}`);
    const ctx = this.writer.context('update', options.at?.getTime());
    return { ...this.writer.updateRecord(entity, id, values, ctx).row };
  }

  /** Permanent delete, with Civi's cascades. */
  remove(entity: EntityName, id: number, options: WriteOptions = {}): void {
    this.writer.remove(entity, id, this.writer.context('delete', options.at?.getTime()));
  }

  trash(contactId: number, options: WriteOptions = {}): void {
    this.writer.trash(contactId, this.writer.context('delete', options.at?.getTime()));
  }

  /** Sets stored columns verbatim, bypassing every rule (e.g. to backdate modified_date). */
  patch(entity: EntityName, id: number, columns: StoredRow): void {
    if (!this.store.patch(entity, id, columns)) throw new RangeError(`patch needs an existing ${entity} id, but got: ${id}`);
  }

  /** Empties every table (reference data is reloaded) — seed again if needed. */
  reset(): void {
    this.store.clear();
    loadReferenceData(this.store);
  }

  get now(): Date {
    return new Date(this.clock.nowMs());
  }
}
