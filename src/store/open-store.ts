// Opens the gateway's store from STORE_URL and loads its projections (identity, records, cursors).
import type Keyv from 'keyv';
import { IdentityIndex } from './identity-index.js';
import { STORE_NAMESPACES, type KeyvBackend } from './keyv-backend.js';
import { MemoryBackend } from './memory-backend.js';
import { RecordCache } from './record-cache.js';
import { RedisBackend } from './redis-backend.js';
import { SqliteBackend } from './sqlite-backend.js';
import { DEFAULT_STORE_URL, parseStoreUrl } from './store-url.js';
import { SyncCursors } from './sync-cursors.js';

export interface GatewayStore {
  /** STORE_URL without its password. */
  readonly description: string;
  readonly identity: IdentityIndex;
  readonly records: RecordCache;
  readonly cursors: SyncCursors;
  /**
   * The Keyv of another namespace (e.g. STORE_NAMESPACES.outbox), on the same connection, for the
   * features that keep their own state; names are lowercase letters, digits and '-'.
   */
  keyv(namespace: string): Keyv;
  /** Every key and value of one namespace, to load a projection at start. */
  entries(namespace: string): AsyncIterable<[string, unknown]>;
  /** Resolves when the storage answers (for readyz); throws a GatewayError otherwise. */
  ping(): Promise<void>;
  /** Waits for writes in flight, then closes the connection. */
  close(): Promise<void>;
}

/**
 * `sqlite://<path>` (relative to the working directory; the directory is created), `redis://host:port[/db][?prefix=name]`
 * or `memory://`. Throws GatewayError CONFIG naming STORE_URL when the URL is wrong or the store
 * cannot be opened.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<GatewayStore> {
  const location = parseStoreUrl(url);
  const backend: KeyvBackend =
    location.kind === 'memory'
      ? new MemoryBackend()
      : location.kind === 'sqlite'
        ? await SqliteBackend.open(location.path)
        : await RedisBackend.open(location.url, location.prefix, location.redacted);
  try {
    const namespace = (name: string) => [backend.keyv(name), backend.entries(name)] as const;
    const [identity, records, cursors] = await Promise.all([
      IdentityIndex.load(...namespace(STORE_NAMESPACES.identity)),
      RecordCache.load(...namespace(STORE_NAMESPACES.records)),
      SyncCursors.load(...namespace(STORE_NAMESPACES.cursors)),
    ]);
    return {
      description: backend.description,
      identity,
      records,
      cursors,
      keyv: (name) => backend.keyv(name),
      entries: (name) => backend.entries(name),
      ping: () => backend.ping(),
      close: async () => {
        await Promise.all([identity.idle(), records.idle(), cursors.idle()]);
        await backend.close();
      },
    };
  } catch (err) {
    await backend.close();
    throw err;
  }
}
