// sqlite:// — one SQLite file, one connection, one table; namespaces are key prefixes in it.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter, type StoredData } from 'keyv';
import { GatewayError } from '../errors/gateway-error.js';
import { assertNamespaceName, keyvEntries, PLAIN_JSON, type KeyvBackend } from './keyv-backend.js';

// Rows fetched per query while a namespace is read at start (the adapter's default is 10).
const ITERATION_LIMIT = 1000;
const BUSY_TIMEOUT_MS = 5000;

/**
 * One namespace's view of the shared adapter. Keyv writes its namespace onto the adapter it is given
 * and lists keys by that namespace, so several Keyvs on one adapter would list each other's keys;
 * this view gives each Keyv its own `namespace` slot while every query goes to the one connection.
 */
class NamespaceView implements KeyvStoreAdapter {
  namespace: string | undefined;

  constructor(
    private readonly base: KeyvSqlite,
    private readonly pinned: string,
  ) {
    this.namespace = pinned;
  }

  get opts(): unknown {
    return this.base.opts;
  }

  get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.base.get<Value>(key) as Promise<StoredData<Value> | undefined>;
  }

  set(key: string, value: unknown): Promise<unknown> {
    return this.base.set(key, value);
  }

  getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return this.base.getMany<Value>(keys);
  }

  delete(key: string): Promise<boolean> {
    return this.base.delete(key);
  }

  deleteMany(keys: string[]): Promise<boolean> {
    return this.base.deleteMany(keys);
  }

  has(key: string): Promise<boolean> {
    return this.base.has(key);
  }

  async clear(): Promise<void> {
    await this.base.query(`DELETE FROM ${this.base.opts.table ?? 'keyv'} WHERE key LIKE ?`, `${this.pinned}:%`);
  }

  iterator(): AsyncGenerator<Array<string | undefined>, void> {
    return this.base.iterator(this.pinned) as AsyncGenerator<Array<string | undefined>, void>;
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.base.on(event, listener);
    return this;
  }
}

export class SqliteBackend implements KeyvBackend {
  readonly description: string;
  private readonly namespaces = new Map<string, Keyv>();

  private constructor(private readonly adapter: KeyvSqlite) {
    this.description = `sqlite://${String(adapter.opts.db)}`;
  }

  /** Opens (creating directory and file if needed) the database at an absolute path. */
  static async open(path: string): Promise<SqliteBackend> {
    const url = `sqlite://${path}`;
    try {
      await mkdir(dirname(path), { recursive: true });
      const adapter = new KeyvSqlite({ uri: url, busyTimeout: BUSY_TIMEOUT_MS, iterationLimit: ITERATION_LIMIT });
      // The adapter also emits every error it throws (an EventEmitter throws an unheard 'error');
      // the rejected query is what we act on.
      adapter.on('error', () => {});
      // Every namespace's Keyv listens for errors on this one adapter: one listener each, by design.
      adapter.setMaxListeners(0);
      // WAL with synchronous=NORMAL: a commit is an append, not an fsync, so the indexer's one write
      // per record stays cheap; a committed write survives a process crash (a power cut may lose the
      // last few, which the next sync pass re-reads from the CRM).
      await adapter.query('PRAGMA journal_mode=WAL');
      await adapter.query('PRAGMA synchronous=NORMAL');
      return new SqliteBackend(adapter);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new GatewayError('CONFIG', `STORE_URL must name a SQLite file the gateway can open, but ${url} failed: ${reason}`, { cause: err });
    }
  }

  keyv(namespace: string): Keyv {
    let keyv = this.namespaces.get(namespace);
    if (!keyv) {
      assertNamespaceName(namespace);
      keyv = new Keyv({ store: new NamespaceView(this.adapter, namespace), namespace, throwOnErrors: true, ...PLAIN_JSON });
      this.namespaces.set(namespace, keyv);
    }
    return keyv;
  }

  entries(namespace: string): AsyncIterable<[string, unknown]> {
    return keyvEntries(this.keyv(namespace), this.description);
  }

  async ping(): Promise<void> {
    try {
      await this.adapter.query('SELECT 1');
    } catch (err) {
      throw new GatewayError('UPSTREAM_UNAVAILABLE', `store ${this.description} does not answer: ${(err as Error).message}`, { cause: err });
    }
  }

  async close(): Promise<void> {
    this.namespaces.clear();
    await this.adapter.disconnect();
  }
}
