// redis:// — one Redis connection shared by one @keyv/redis adapter per namespace.
// Keys look like `<prefix>:<namespace>::<key>` (the prefix comes from `?prefix=`, default contact-gateway).
import KeyvRedis, { createClient, type RedisClientConnectionType } from '@keyv/redis';
import Keyv from 'keyv';
import { GatewayError } from '../errors/gateway-error.js';
import { assertNamespaceName, keyvEntries, PLAIN_JSON, type KeyvBackend } from './keyv-backend.js';

const CONNECT_TIMEOUT_MS = 2000;
const PING_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 2000;

type RedisClient = ReturnType<typeof newClient>;

/** A client that gives up on its first connection failure and later retries lost connections. */
function newClient(url: string, isConnected: () => boolean, onError: (err: unknown) => void) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number, cause: Error) => (isConnected() ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause),
    },
  });
  // node-redis emits every socket error; without a listener Node would throw them.
  client.on('error', onError);
  return client;
}

export class RedisBackend implements KeyvBackend {
  private readonly namespaces = new Map<string, Keyv>();

  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    readonly description: string,
  ) {}

  /**
   * Connects, failing at once (CONFIG, naming STORE_URL) when Redis cannot be reached: a gateway
   * that starts without its store would hand out ids it cannot keep. Once connected, a lost
   * connection is retried in the background, and commands fail fast meanwhile (no offline queue),
   * so readyz and the indexer report the outage instead of hanging.
   */
  static async open(url: string, prefix: string, description: string): Promise<RedisBackend> {
    let connected = false;
    let lastError: unknown;
    const client = newClient(url, () => connected, (err) => {
      lastError = err;
    });
    // Every namespace's adapter listens to this one client (error, connect, …): one listener each, by design.
    client.setMaxListeners(0);
    try {
      await client.connect();
      connected = true;
    } catch (err) {
      const reason = describe(lastError ?? err);
      throw new GatewayError('CONFIG', `STORE_URL must point at a reachable Redis, but ${description} failed: ${reason}`, { cause: err });
    }
    return new RedisBackend(client, prefix, description);
  }

  keyv(namespace: string): Keyv {
    let keyv = this.namespaces.get(namespace);
    if (!keyv) {
      assertNamespaceName(namespace);
      const name = `${this.prefix}:${namespace}`;
      const adapter = new KeyvRedis(this.client as unknown as RedisClientConnectionType, { namespace: name, throwOnErrors: true, throwOnConnectError: true });
      // (The cast: node-redis' client type is generic in its modules; the adapter takes any of them.)
      // The adapter prefixes keys itself; Keyv must not prefix them a second time.
      keyv = new Keyv({ store: adapter, namespace: name, useKeyPrefix: false, throwOnErrors: true, ...PLAIN_JSON });
      this.namespaces.set(namespace, keyv);
    }
    return keyv;
  }

  entries(namespace: string): AsyncIterable<[string, unknown]> {
    return keyvEntries(this.keyv(namespace), this.description);
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } catch (err) {
      throw new GatewayError('UPSTREAM_UNAVAILABLE', `store ${this.description} does not answer: ${describe(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.namespaces.clear();
    if (this.client.isOpen) await this.client.close();
  }
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describe(err.errors[0]);
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}
