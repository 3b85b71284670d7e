// The contract every CRM connector implements; the core sees CRMs only through it.
import type { GatewayError } from '../src/errors/gateway-error.js';
import type { UnifiedData, UnifiedField } from '../src/model/entities.js';
import type { RemoteRecord } from '../src/model/remote-record.js';
import type { EntityType, System } from '../src/model/system.js';

/** How a CRM removes a record: really, or (Action Network people) by unsubscribing every email. */
export type DeleteMode = 'DELETE' | 'UNSUBSCRIBE' | 'NONE';

export interface EntityCapabilities<E extends EntityType = EntityType> {
  read: boolean;
  list: boolean;
  create: boolean;
  update: boolean;
  delete: DeleteMode;
  /** Most ids one `load` call should be given; the read path batches to this size. */
  maxBatchSize: number;
  /** Unified fields this CRM can hold for the entity; writes of other fields are reported as skipped. */
  fields: readonly UnifiedField<E>[];
}

/** Per entity: what the CRM can do, or null when it does not hold that entity at all. */
export type ConnectorCapabilities = { [E in EntityType]: EntityCapabilities<E> | null };

/** One page of an incremental listing. */
export interface ChangePage<E extends EntityType = EntityType> {
  /** Records created or changed since the cursor the listing started from. */
  records: RemoteRecord<E>[];
  /** Remote ids that were deleted (or trashed) since then. */
  deletedIds: string[];
  /**
   * Where to resume after this page has been applied. Opaque to the caller; store it only after the
   * page is applied, so a crash replays at most one page.
   */
  cursor: string;
}

export type WriteStatus = 'CREATED' | 'UPDATED' | 'DELETED' | 'UNSUBSCRIBED';

export type WriteOutcome<E extends EntityType = EntityType> =
  | { ok: true; status: WriteStatus; remoteId: string; record: RemoteRecord<E> | null }
  | { ok: false; error: GatewayError };

export interface RecordPatch<E extends EntityType> {
  remoteId: string;
  /** Only the fields named here change; absent fields are left alone. */
  patch: Partial<UnifiedData[E]>;
}

export interface Connector {
  readonly system: System;
  readonly capabilities: ConnectorCapabilities;

  /**
   * Loads records by remote id: one result per id, in id order; unknown or deleted ids yield null.
   * Throws a GatewayError when the CRM cannot be asked at all.
   */
  load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]>;

  /**
   * Lists what changed since `cursor` (null: everything), one page at a time, oldest change first.
   * Records changed in the same instant as the cursor may be yielded again; callers de-duplicate.
   */
  listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>>;

  /** Writes: one outcome per input, in input order; a failure of one item does not throw. */
  create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]>;
  update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]>;
  delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]>;

  /** Resolves when the CRM answers an authenticated request; throws a GatewayError otherwise. */
  health(): Promise<void>;
  close(): Promise<void>;
}
