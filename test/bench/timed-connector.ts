// A Connector that passes every call through and adds up the time spent waiting on `load`, so a
// benchmark can subtract upstream time from the gateway's latency.
import type { ChangePage, Connector, RecordPatch, WriteOutcome } from '../../connectors/connector.js';
import type { UnifiedData } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';

export class TimedConnector implements Connector {
  /** Milliseconds spent in `load` since the last reset. */
  loadMs = 0;
  loadCalls = 0;

  constructor(private readonly inner: Connector) {}

  get system() {
    return this.inner.system;
  }

  get capabilities() {
    return this.inner.capabilities;
  }

  reset(): void {
    this.loadMs = 0;
    this.loadCalls = 0;
  }

  async load<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<(RemoteRecord<E> | null)[]> {
    const started = performance.now();
    try {
      return await this.inner.load(entity, remoteIds);
    } finally {
      this.loadMs += performance.now() - started;
      this.loadCalls++;
    }
  }

  listChanged<E extends EntityType>(entity: E, cursor: string | null): AsyncIterable<ChangePage<E>> {
    return this.inner.listChanged(entity, cursor);
  }

  create<E extends EntityType>(entity: E, items: readonly UnifiedData[E][]): Promise<WriteOutcome<E>[]> {
    return this.inner.create(entity, items);
  }

  update<E extends EntityType>(entity: E, patches: readonly RecordPatch<E>[]): Promise<WriteOutcome<E>[]> {
    return this.inner.update(entity, patches);
  }

  delete<E extends EntityType>(entity: E, remoteIds: readonly string[]): Promise<WriteOutcome<E>[]> {
    return this.inner.delete(entity, remoteIds);
  }

  health(): Promise<void> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
