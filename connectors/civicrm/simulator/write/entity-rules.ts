// The per-entity behaviour of writes (defaults, derived columns, side effects), declared as hooks.
import type { EntityRegistry } from '../schema/entity-registry.js';
import type { StoredRow } from '../schema/field-spec.js';
import type { CiviStore } from '../store/civi-store.js';

/** What a rule may do to other rows: go back through the writer, so their own rules run too. */
export interface CascadeWriter {
  create(entity: string, values: Record<string, unknown>, ctx: WriteContext): StoredRow;
  remove(entity: string, id: number, ctx: WriteContext): void;
  /** Bumps a contact's modified_date, as Civi's triggers do when a close relation changes. */
  touchContact(contactId: unknown, ctx: WriteContext): void;
}

export interface WriteContext {
  readonly store: CiviStore;
  readonly registry: EntityRegistry;
  /** One instant per API call: every row it writes gets the same modified_date. */
  readonly nowMs: number;
  readonly timeZone: string;
  /** The action named in messages ("Api4 Contribution::create" vs "::save"). */
  readonly action: string;
  readonly cascade: CascadeWriter;
}

export interface WriteChange {
  readonly created: boolean;
  /** Columns the caller wrote, after `:name` suffixes were resolved. */
  readonly given: ReadonlySet<string>;
  /** Columns that belong in the create result; rules add the ones they set. */
  readonly touched: Set<string>;
}

export interface EntityRules {
  /** Defaults Civi fills on create and echoes in the create result (applied only to omitted keys). */
  createDefaults?(values: StoredRow, ctx: WriteContext): StoredRow;
  /** Recomputes derived columns on the row about to be stored (display_name, phone_numeric…). */
  derive?(row: StoredRow, change: WriteChange, ctx: WriteContext): void;
  /** Side effects once the row is stored (primary flags, line items, contact bumps). */
  afterSave?(row: StoredRow, change: WriteChange, ctx: WriteContext): void;
  /** Runs after values written through joins (email_primary.email…) were stored. */
  afterJoins?(row: StoredRow, change: WriteChange, ctx: WriteContext): void;
  /** Cascades of a permanent delete. */
  afterDelete?(row: StoredRow, ctx: WriteContext): void;
}
