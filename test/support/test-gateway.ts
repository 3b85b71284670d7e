// Boots the real gateway on an ephemeral loopback port for end-to-end tests, and speaks GraphQL
// to it over HTTP like a client would.
import { request } from 'undici';
import type { Connector } from '../../connectors/connector.js';
import { Gateway, type GatewayOptions } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import type { System } from '../../src/model/system.js';
import { openStore, type GatewayStore } from '../../src/store/open-store.js';
import { NO_PROPAGATION, type SyncPolicy } from '../../src/sync/sync-policy.js';

export interface TestGatewayOptions {
  connectors: readonly Connector[];
  apiKeys?: readonly string[];
  readMaxAgeMs?: Partial<Record<System, number>>;
  store?: GatewayStore;
  /** Extra HTTP routes (integrations), as Gateway.start takes them. */
  routes?: GatewayOptions['routes'];
  /** How long the change log keeps a change, in ms (default 7 days). */
  changelogRetentionMs?: number;
  /** Live changes queued for one subscriber before it is closed as too slow (default 1,000). */
  maxBufferedChanges?: number;
  /** Phone region and outbox backoff for mutations, as Gateway.start takes them. */
  writes?: GatewayOptions['writes'];
  /** What the sync copies between CRMs (default NO_PROPAGATION: pulls only, so tests of reads and writes see each CRM as seeded). */
  syncPolicy?: SyncPolicy;
  /** Pause between sync passes (default 0: one pass at start; tests call runSync). */
  syncIntervalMs?: number;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  gateway: Gateway;
  store: GatewayStore;
  url: string;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const store = options.store ?? (await openStore('memory://'));
  const gateway = await Gateway.start({
    host: '127.0.0.1',
    port: 0,
    apiKeys: options.apiKeys ?? [],
    syncIntervalMs: options.syncIntervalMs ?? 0,
    syncPolicy: options.syncPolicy ?? NO_PROPAGATION,
    readMaxAgeMs: new Map(Object.entries(options.readMaxAgeMs ?? {}) as [System, number][]),
    store,
    connectors: options.connectors,
    logger: createLogger('silent'),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.writes ? { writes: options.writes } : {}),
    ...(options.changelogRetentionMs === undefined ? {} : { changelogRetentionMs: options.changelogRetentionMs }),
    ...(options.maxBufferedChanges === undefined ? {} : { maxBufferedChanges: options.maxBufferedChanges }),
  });
  await gateway.indexer.whenReady();
  return {
    gateway,
    store,
    url: gateway.url,
    async query(query, variables, headers = {}) {
      const res = await request(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.body.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.statusCode, ...body } as GraphQLResponse<any>;
    },
    close: () => gateway.close(),
  };
}
