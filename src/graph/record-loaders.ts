// Per-request batched loading of remote records, one DataLoader per (system, entity).
//
// A record the cache saw less than the system's max age ago is served from the cache; the rest are
// asked for in batches of the connector's maxBatchSize. When a CRM fails, the cached copy (however
// old) stands in and the failure is noted as a warning, so one CRM down never blanks the answer.
import DataLoader from 'dataloader';
import type { Connector } from '../../connectors/connector.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { RecordCache } from '../store/record-cache.js';
import type { UpstreamWarnings } from './upstream-warnings.js';

export interface RecordLink {
  system: System;
  remoteId: string;
}

export class RecordLoaders {
  private readonly loaders = new Map<string, DataLoader<string, RemoteRecord | null>>();

  constructor(
    private readonly connectors: ReadonlyMap<System, Connector>,
    private readonly cache: RecordCache,
    private readonly maxAgeMs: (system: System) => number,
    private readonly warnings: UpstreamWarnings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The record, or null when the CRM no longer has it (or it is unknown). */
  async load<E extends EntityType>(entity: E, link: RecordLink): Promise<RemoteRecord<E> | null> {
    const key = { system: link.system, entity, remoteId: link.remoteId };
    const cached = this.cache.get(key);
    const connector = this.connectors.get(link.system);
    const capability = connector?.capabilities[entity];
    if (!connector || !capability?.read) return (cached?.record as RemoteRecord<E> | undefined) ?? null;
    if (cached && this.now() - cached.fetchedAt <= this.maxAgeMs(link.system)) return cached.record as RemoteRecord<E>;
    try {
      return (await this.loader(connector, entity, capability.maxBatchSize).load(link.remoteId)) as RemoteRecord<E> | null;
    } catch (err) {
      this.warnings.add(link.system, err);
      return (cached?.record as RemoteRecord<E> | undefined) ?? null;
    }
  }

  private loader(connector: Connector, entity: EntityType, maxBatchSize: number): DataLoader<string, RemoteRecord | null> {
    const name = `${connector.system}:${entity}`;
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, RemoteRecord | null>(
        async (ids) => {
          try {
            return await connector.load(entity, ids);
          } catch (err) {
            // DataLoader takes an Error per key: every id of the failed batch fails with it.
            const error = err instanceof Error ? err : new Error(String(err));
            return ids.map(() => error);
          }
        },
        { maxBatchSize },
      );
      this.loaders.set(name, loader);
    }
    return loader;
  }
}
