// The running gateway: store, connectors, indexer, GraphQL schema and HTTP server, wired together.
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Connector } from '../connectors/connector.js';
import { buildGatewaySchema } from '../schema/build-schema.js';
import type { ClientConnection, GatewayContext } from './context.js';
import type { MergePolicy } from './identity/merge-policy.js';
import { formatGraphQLError } from './errors/to-graphql-error.js';
import { scheduleChangeLogPruning } from './events/change-log-pruner.js';
import { ChangeFeed } from './events/change-feed.js';
import { Directory } from './graph/directory.js';
import { EntityReader } from './graph/entity-reader.js';
import { RecordLoaders } from './graph/record-loaders.js';
import { UpstreamWarnings } from './graph/upstream-warnings.js';
import type { System } from './model/system.js';
import { ClientAuth } from './server/client-auth.js';
import { graphqlHttpHandler } from './server/graphql-http.js';
import { createHttpServer, GRAPHQL_PATH, type RouteHandler } from './server/http-server.js';
import { Readiness } from './server/readiness.js';
import { useUpstreamWarnings } from './server/upstream-warnings.plugin.js';
import { graphqlWebSocket } from './server/websocket.js';
import type { TwinMatching } from './identity/twin-resolver.js';
import type { ChangeLog } from './events/change-log.js';
import type { Outbox } from './store/outbox.js';
import type { GatewayStore } from './store/open-store.js';
import type { Indexer } from './sync/indexer.js';
import type { SyncEngine } from './sync/sync-engine.js';
import type { SyncPolicy } from './sync/sync-policy.js';
import { openSyncCore } from './sync/open-sync-core.js';
import type { WriteSettings } from './writes/gateway-writes.js';

export interface GatewayOptions {
  host: string;
  port: number;
  apiKeys: readonly string[];
  syncIntervalMs: number;
  /** Per system: how old a cached record may be and still be served instead of asking the CRM. */
  readMaxAgeMs: ReadonlyMap<System, number>;
  store: GatewayStore;
  connectors: readonly Connector[];
  logger: Logger;
  /** Which CRM wins each field of a merged object (default: the most recently modified). */
  mergePolicy?: MergePolicy;
  /** How the twin matcher links records seen for the first time (default: DEFAULT_TWIN_MATCHING). */
  matching?: TwinMatching;
  /** How mutations validate phone numbers and how the outbox backs off. */
  writes?: WriteSettings;
  /** What the sync copies between CRMs (default DEFAULT_SYNC_POLICY: people and organizations every way, donations into CiviCRM). */
  syncPolicy?: SyncPolicy;
  /** How long the change log keeps a change (and the sync a conflict), in ms (default 7 days). */
  changelogRetentionMs?: number;
  /** Live changes queued for one subscriber before it is closed as too slow (default 1,000). */
  maxBufferedChanges?: number;
  /** Extra HTTP routes (integrations) by exact path, given the gateway's read services. */
  routes?: (services: GatewayServices) => ReadonlyMap<string, RouteHandler>;
}

/** What integrations outside GraphQL read the graph through. */
export interface GatewayServices {
  directory: Directory;
  /** A fresh per-request context (its own loaders and warnings), as a resolver would get. */
  context(connection?: ClientConnection): GatewayContext;
}

export class Gateway {
  private constructor(
    readonly url: string,
    readonly schema: GraphQLSchema,
    readonly indexer: Indexer,
    /** Status, history and conflicts of the sync, and runs on demand. */
    readonly sync: SyncEngine,
    /** Writes on their way to the CRMs (mutations' and the sync's), and those refused for good. */
    readonly outbox: Outbox,
    /** Every change to a unified object, in order: what the change feed serves. */
    readonly changes: ChangeLog,
    private readonly shutdown: () => Promise<void>,
  ) {}

  static async start(options: GatewayOptions): Promise<Gateway> {
    const { store, connectors, logger } = options;
    const schema = await buildGatewaySchema();
    const connectorsBySystem = new Map(connectors.map((c) => [c.system, c]));
    const directory = new Directory(store.identity, store.records, options.mergePolicy);
    const maxAge = (system: System) => options.readMaxAgeMs.get(system) ?? 0;
    const core = await openSyncCore({
      store,
      connectors,
      logger,
      syncIntervalMs: options.syncIntervalMs,
      ...(options.changelogRetentionMs === undefined ? {} : { changelogRetentionMs: options.changelogRetentionMs }),
      ...(options.writes ? { writes: options.writes } : {}),
      ...(options.mergePolicy ? { mergePolicy: options.mergePolicy } : {}),
      ...(options.matching ? { matching: options.matching } : {}),
      ...(options.syncPolicy ? { syncPolicy: options.syncPolicy } : {}),
    });
    const { changes, writes, twins, sync } = core;
    const stopPruning = scheduleChangeLogPruning(changes, logger);
    const feed = new ChangeFeed(changes, options.maxBufferedChanges);
    const { indexer, engine } = sync;
    const stopConflictPruning = scheduleChangeLogPruning(sync.conflicts, logger, 'conflict log');
    const readers = () => {
      const warnings = new UpstreamWarnings();
      const loaders = new RecordLoaders(connectorsBySystem, store.records, maxAge, warnings);
      return { reader: new EntityReader(store.identity, loaders, options.mergePolicy), warnings };
    };
    const context = (connection?: ClientConnection): GatewayContext => {
      const ctx: GatewayContext = { ...readers(), directory, writes, curator: twins.curator, feed, sync: engine, renew: () => Object.assign(ctx, readers()), ...(connection ? { connection } : {}) };
      return ctx;
    };

    const apollo = new ApolloServer<GatewayContext>({
      schema,
      plugins: [useUpstreamWarnings(logger)],
      formatError: formatGraphQLError(logger),
      includeStacktraceInErrorResponses: false,
    });
    await apollo.start();

    const auth = new ClientAuth(options.apiKeys);
    const websocket = graphqlWebSocket(schema, auth, context, formatGraphQLError(logger));
    const readiness = new Readiness({
      pingStore: () => store.ping(),
      connectors,
      indexing: () => indexer.status(),
      logger,
    });
    const server = createHttpServer({
      graphql: graphqlHttpHandler(apollo, async () => context()),
      websocket,
      auth,
      readiness,
      logger,
      ...(options.routes ? { routes: options.routes({ directory, context }) } : {}),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve());
      });
    } catch (err) {
      // Nothing has started serving: release what was set up, leave the store and connectors to the caller.
      server.close();
      await Promise.allSettled([websocket.close(), apollo.stop(), core.close(), stopPruning(), stopConflictPruning()]);
      throw err;
    }
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    indexer.start();
    writes.start();

    const shutdown = async () => {
      await indexer.stop();
      await websocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await core.close();
      await stopPruning();
      await stopConflictPruning();
      await Promise.all(connectors.map((c) => c.close()));
      await store.close();
    };
    return new Gateway(`http://${host}:${address.port}${GRAPHQL_PATH}`, schema, indexer, engine, writes.outbox, changes, shutdown);
  }

  async close(): Promise<void> {
    await this.shutdown();
  }
}
