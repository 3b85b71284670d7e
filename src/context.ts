// What every resolver receives: per-request readers over the gateway's shared state.
import type { ChangeFeed } from './events/change-feed.js';
import type { Directory } from './graph/directory.js';
import type { EntityReader } from './graph/entity-reader.js';
import type { UpstreamWarnings } from './graph/upstream-warnings.js';
import type { IdentityCurator } from './identity/identity-curator.js';
import type { SyncService } from './sync/sync-service.js';
import type { GatewayWrites } from './writes/gateway-writes.js';

export interface GatewayContext {
  reader: EntityReader;
  directory: Directory;
  /** Upstream failures met while answering; reported as errors next to the partial data. */
  warnings: UpstreamWarnings;
  /** The mutations' write path (shared, not per request). */
  writes: GatewayWrites;
  /** Match candidates and people's decisions on identities: merge, link, unlink (shared). */
  curator: IdentityCurator;
  /** The change log as clients read it (shared). */
  feed: ChangeFeed;
  /** The sync engine: status, runs, conflicts, a run on demand (shared). */
  sync: SyncService;
  /**
   * Replaces `reader` and `warnings` with fresh ones: a subscription's context lives as long as it
   * does, so it renews them before each event.
   */
  renew(): void;
  /** Over graphql-ws only: the connection the operation came on. */
  connection?: ClientConnection;
}

export interface ClientConnection {
  /** Closes the whole connection with a graphql-ws close code and reason. */
  close(code: number, reason: string): void;
}
