// An in-memory CRM behind the Connector contract, for tests of the core (indexer, GraphQL layer).
// Not a stand-in for a real connector's tests: those run the real client against its simulator.
//
// Every change (seed, edit, write, removal) gets the next number of one sequence; the listing
// cursor is the sequence number of the last change a page carried, so listings are incremental.
import { DateTime } from 'luxon';
import type {
  ChangePage,
  Connector,
  ConnectorCapabilities,
  EntityCapabilities,
  RecordPatch,
  WriteOutcome,
} from '../../connectors/connector.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { UnifiedData, UnifiedField } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import { ENTITY_TYPES, type EntityType, type System } from '../../src/model/system.js';

const ALL_FIELDS: { [E in EntityType]: readonly UnifiedField<E>[] } = {
  PERSON: ['givenName', 'familyName', 'emails', 'phones', 'addresses', 'languages', 'birthDate', 'tags', 'customFields', 'organizationRef'],
  ORGANIZATION: ['name', 'website', 'emails', 'phones', 'addresses'],
  DONATION: ['amount', 'receivedAt', 'donorRef', 'designations', 'recurring'],
};

function fullCapabilities<E extends EntityType>(entity: E): EntityCapabilities<E> {
  return { read: true, list: true, create: true, update: true, delete: 'DELETE', maxBatchSize: 100, fields: ALL_FIELDS[entity] };
}

export type ConnectorOperation = 'listChanged' | 'load' | 'create' | 'update' | 'delete' | 'health';

export interface FaultSpec {
  operation: ConnectorOperation;
  /** Only calls for this entity fail (default: any). */
  entity?: EntityType;
  /** listChanged only: this many pages are delivered, then asking for the next one fails (default 0). */
  afterPages?: number;
  /** How many calls fail before the fault clears itself (default 1; Infinity: until clearFaults). */
  times?: number;
  /** What is thrown (default UPSTREAM_UNAVAILABLE naming the system); any Error, to provoke an unexpected one. */
  error?: Error;
}

export interface MemoryConnectorOptions {
  system?: System;
  /** Changes per listing page (default 50). */
  pageSize?: number;
  /** Per entity: replaces the default full capabilities; null means the CRM does not hold it. */
  capabilities?: Partial<ConnectorCapabilities>;
  /** Clock for createdAt / modifiedAt (default: now, UTC). */
  now?: () => DateTime;
}

export interface SeedOptions {
  remoteId?: string;
  createdAt?: DateTime | null;
  modifiedAt?: DateTime | null;
}

interface Entry {
  seq: number;
  remoteId: string;
  /** null: deleted (a tombstone listings report in deletedIds). */
  record: RemoteRecord | null;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

/** A gate that holds listings before their first page until it is released. */
export interface ListingHold {
  release(): void;
}

export class MemoryConnector implements Connector {
  readonly system: System;
  readonly capabilities: ConnectorCapabilities;
  /** Every call made, in order, for assertions. */
  readonly calls = {
    listChanged: [] as Array<{ entity: EntityType; cursor: string | null }>,
    load: [] as Array<{ entity: EntityType; remoteIds: string[] }>,
    create: [] as Array<{ entity: EntityType; count: number }>,
    update: [] as Array<{ entity: EntityType; remoteIds: string[] }>,
    delete: [] as Array<{ entity: EntityType; remoteIds: string[] }>,
    health: 0,
  };
  /** Listings in progress now, and the most there ever were at once. */
  activeListings = 0;
  maxConcurrentListings = 0;
  closed = false;

  private readonly pageSize: number;
  private readonly now: () => DateTime;
  private readonly entries = new Map<EntityType, Map<string, Entry>>(ENTITY_TYPES.map((e) => [e, new Map()]));
  private readonly faults: ActiveFault[] = [];
  private hold: Promise<void> | null = null;
  private seq = 0;
  private nextId = 1;

  constructor(options: MemoryConnectorOptions = {}) {
    this.system = options.system ?? 'CIVICRM';
    this.pageSize = options.pageSize ?? 50;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new Error(`pageSize must be a positive integer, but got: ${this.pageSize}`);
    this.now = options.now ?? (() => DateTime.utc());
    this.capabilities = {
      PERSON: fullCapabilities('PERSON'),
      ORGANIZATION: fullCapabilities('ORGANIZATION'),
      DONATION: fullCapabilities('DONATION'),
      ...options.capabilities,
    };
  }

  // ---- test controls: the CRM changing by itself ----

  /** Creates or replaces a record as if someone changed it in the CRM; returns it. */
  seed<E extends EntityType>(entity: E, data: UnifiedData[E], options: SeedOptions = {}): RemoteRecord<E> {
    const remoteId = options.remoteId ?? String(this.nextId++);
    const existing = this.live(entity, remoteId);
    const now = this.now();
    const record: RemoteRecord<E> = {
      system: this.system,
      entity,
      remoteId,
      createdAt: options.createdAt !== undefined ? options.createdAt : (existing?.createdAt ?? now),
      modifiedAt: options.modifiedAt !== undefined ? options.modifiedAt : now,
      data: cloneData(data),
    };
    this.table(entity).set(remoteId, { seq: ++this.seq, remoteId, record });
    return cloneRecord(record);
  }

  /** Changes some fields of a record as if someone edited it in the CRM; returns the new version. */
  edit<E extends EntityType>(entity: E, remoteId: string, patch: Partial<UnifiedData[E]>): RemoteRecord<E> {
    const existing = this.live(entity, remoteId);
    if (!existing) throw new Error(`no ${entity} ${remoteId} in the memory ${this.system}`);
    return this.seed(entity, { ...existing.data, ...cloneData(patch) } as UnifiedData[E], { remoteId });
  }

  /** Deletes a record as if someone deleted it in the CRM. */
  remove(entity: EntityType, remoteId: string): void {
    if (!this.live(entity, remoteId)) throw new Error(`no ${entity} ${remoteId} in the memory ${this.system}`);
    this.table(entity).set(remoteId, { seq: ++this.seq, remoteId, record: null });
  }

  /** The live records of an entity, in change order. */
  records<E extends EntityType>(entity: E): RemoteRecord<E>[] {
    return [...this.table(entity).values()]
      .filter((e) => e.record !== null)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => cloneRecord(e.record as RemoteRecord<E>));
  }

  /** Makes matching calls fail (see FaultSpec). */
  injectFault(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Holds every listing before its first page until `release()`. */
  holdListings(): ListingHold {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.hold = gate;
    return {
      release: () => {
        if (this.hold === gate) this.hold = null;
        release();
      },
    };
  }

  // ---- the Connector contract ----

  async load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]> {
    this.calls.load.push({ entity, remoteIds: [...remoteIds] });
    this.trip('load', entity);
    return remoteIds.map((id) => {
      const record = this.live(entity, id);
      return record ? cloneRecord(record) : null;
    });
  }

  async *listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>> {
    this.calls.listChanged.push({ entity, cursor });
    this.activeListings += 1;
    this.maxConcurrentListings = Math.max(this.maxConcurrentListings, this.activeListings);
    try {
      if (this.hold) await this.hold;
      const since = cursor === null ? 0 : Number(cursor);
      if (!Number.isInteger(since) || since < 0) {
        throw new GatewayError('UPSTREAM_REJECTED', `listing cursor must be a change number, but got: ${JSON.stringify(cursor)}`, { system: this.system });
      }
      // A full listing (no cursor) lists what exists, as a CRM would; deletions only show up incrementally.
      const changes = [...this.table(entity).values()]
        .filter((e) => e.seq > since && (cursor !== null || e.record !== null))
        .sort((a, b) => a.seq - b.seq)
        .map((e) => ({ seq: e.seq, remoteId: e.remoteId, record: e.record ? cloneRecord(e.record as RemoteRecord<E>) : null }));
      // Page 0 is always asked for (an empty listing is still a request that can fail).
      for (let start = 0, page = 0; page === 0 || start < changes.length; start += this.pageSize, page += 1) {
        this.trip('listChanged', entity, page);
        const slice = changes.slice(start, start + this.pageSize);
        if (slice.length === 0) break;
        yield {
          records: slice.flatMap((c) => (c.record ? [c.record] : [])),
          deletedIds: slice.filter((c) => c.record === null).map((c) => c.remoteId),
          cursor: String(slice[slice.length - 1]!.seq),
        };
      }
    } finally {
      this.activeListings -= 1;
    }
  }

  async create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    this.calls.create.push({ entity, count: items.length });
    this.trip('create', entity);
    return items.map((data) => {
      if (!this.capabilities[entity]?.create) return { ok: false, error: this.unsupported('create', entity) };
      const record = this.seed(entity, data);
      return { ok: true, status: 'CREATED', remoteId: record.remoteId, record };
    });
  }

  async update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]> {
    this.calls.update.push({ entity, remoteIds: patches.map((p) => p.remoteId) });
    this.trip('update', entity);
    return patches.map(({ remoteId, patch }) => {
      if (!this.capabilities[entity]?.update) return { ok: false, error: this.unsupported('update', entity) };
      if (!this.live(entity, remoteId)) return { ok: false, error: this.notFound(entity, remoteId) };
      const record = this.edit(entity, remoteId, patch);
      return { ok: true, status: 'UPDATED', remoteId, record };
    });
  }

  async delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    this.calls.delete.push({ entity, remoteIds: [...remoteIds] });
    this.trip('delete', entity);
    return remoteIds.map((remoteId) => {
      if ((this.capabilities[entity]?.delete ?? 'NONE') === 'NONE') return { ok: false, error: this.unsupported('delete', entity) };
      if (!this.live(entity, remoteId)) return { ok: false, error: this.notFound(entity, remoteId) };
      this.remove(entity, remoteId);
      return { ok: true, status: 'DELETED', remoteId, record: null };
    });
  }

  async health(): Promise<void> {
    this.calls.health += 1;
    this.trip('health');
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  // ---- internals ----

  private table(entity: EntityType): Map<string, Entry> {
    return this.entries.get(entity)!;
  }

  private live<E extends EntityType>(entity: E, remoteId: string): RemoteRecord<E> | null {
    return (this.table(entity).get(remoteId)?.record as RemoteRecord<E> | null | undefined) ?? null;
  }

  /** Throws when a fault matches this call (and counts it down). */
  private trip(operation: ConnectorOperation, entity?: EntityType, page = 0): void {
    const fault = this.faults.find(
      (f) => f.operation === operation && f.remaining > 0 && (f.entity === undefined || f.entity === entity) && page >= (f.afterPages ?? 0),
    );
    if (!fault) return;
    fault.remaining -= 1;
    throw fault.error ?? new GatewayError('UPSTREAM_UNAVAILABLE', `memory ${this.system} was told to fail ${operation}`, { system: this.system });
  }

  private unsupported(operation: string, entity: EntityType): GatewayError {
    return new GatewayError('UNSUPPORTED', `memory ${this.system} cannot ${operation} ${entity}`, { system: this.system });
  }

  private notFound(entity: EntityType, remoteId: string): GatewayError {
    return new GatewayError('NOT_FOUND', `memory ${this.system} has no ${entity} ${remoteId}`, { system: this.system });
  }
}

function cloneRecord<E extends EntityType>(record: RemoteRecord<E>): RemoteRecord<E> {
  return { ...record, data: cloneData(record.data) };
}

/** Deep copy that keeps luxon DateTimes (immutable) as they are. */
function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object' || DateTime.isDateTime(value)) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneData(item)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneData(v)])) as T;
}
