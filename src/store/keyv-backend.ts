// What every store backend (memory, SQLite, Redis) offers: one Keyv per namespace over one connection.
import type Keyv from 'keyv';
import type { DeserializedData, Deserialize, Serialize } from 'keyv';

/** The namespaces the store uses today; later features (outbox, change log) add their own names. */
export const STORE_NAMESPACES = {
  identity: 'identity',
  records: 'records',
  cursors: 'cursors',
  outbox: 'outbox',
  idempotency: 'idempotency',
  changelog: 'changelog',
  matchCandidates: 'match-candidates',
  syncRuns: 'sync-runs',
  conflicts: 'conflicts',
  syncBacklog: 'sync-backlog',
  echoes: 'echoes',
} as const;

// Lowercase letters, digits and '-': no ':' (the key separator) and no '_' or '%' (SQLite LIKE wildcards).
const NAMESPACE_PATTERN = /^[a-z][a-z0-9-]*$/;

export function assertNamespaceName(name: string): void {
  if (!NAMESPACE_PATTERN.test(name)) {
    throw new Error(`store namespace must match ${NAMESPACE_PATTERN.source}, but got: ${JSON.stringify(name)}`);
  }
}

/**
 * Plain JSON for every Keyv: what we store is JSON-safe already (the record codec turns dates into
 * strings), and keyv's default serializer, which walks each value looking for Buffers, cost more
 * than the rest of an indexer write put together.
 */
export const PLAIN_JSON: { serialize: Serialize; deserialize: Deserialize } = {
  serialize: (data) => JSON.stringify(data),
  deserialize: <Value>(text: string) => JSON.parse(text) as DeserializedData<Value>,
};

export interface KeyvBackend {
  /** STORE_URL without its password, for messages. */
  readonly description: string;
  /**
   * The Keyv for one namespace (the same instance on every call). It throws on storage errors
   * (`throwOnErrors`) so a write that did not reach the store rejects instead of passing silently.
   */
  keyv(namespace: string): Keyv;
  /** Every key and value of one namespace, keys without the namespace prefix. */
  entries(namespace: string): AsyncIterable<[string, unknown]>;
  /** Resolves when the storage answers; throws a GatewayError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Reads a namespace through Keyv's own iterator, which every backend we use supports. */
export async function* keyvEntries(keyv: Keyv, description: string): AsyncIterable<[string, unknown]> {
  const iterate = keyv.iterator;
  if (!iterate) throw new Error(`store ${description} cannot list the keys of namespace ${String(keyv.namespace)}`);
  // Keyv binds its iterator to itself and passes its adapter's namespace on; the argument is unused.
  for await (const entry of iterate(undefined) as AsyncIterable<[string, unknown]>) {
    yield entry;
  }
}
