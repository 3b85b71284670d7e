// What the gateway and the CLI's sync runtime both stand on, put together once: the change log, the
// write path, twin matching and the sync over one store and one set of connectors. The callers add
// what is theirs (a server and a schedule; or a run that waits for its writes) and own the store and
// the connectors.
import type { Logger } from 'pino';
import type { Connector } from '../../connectors/connector.js';
import { ChangeLog } from '../events/change-log.js';
import type { MergePolicy } from '../identity/merge-policy.js';
import type { TwinMatching } from '../identity/twin-resolver.js';
import { openTwinMatching, type OpenTwinMatching } from '../identity/twin-matching.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import type { GatewayStore } from '../store/open-store.js';
import { GatewayWrites, type WriteSettings } from '../writes/gateway-writes.js';
import { openSync, type OpenSync } from './open-sync.js';
import type { SyncPolicy } from './sync-policy.js';

export interface SyncCoreOptions {
  store: GatewayStore;
  connectors: readonly Connector[];
  logger: Logger;
  /** Pause between sync passes in ms; 0: one pass at start only. */
  syncIntervalMs: number;
  /** How long the change log keeps a change (and the sync a conflict), in ms (default 7 days). */
  changelogRetentionMs?: number;
  writes?: WriteSettings;
  mergePolicy?: MergePolicy;
  matching?: TwinMatching;
  syncPolicy?: SyncPolicy;
}

export interface SyncCore {
  changes: ChangeLog;
  writes: GatewayWrites;
  twins: OpenTwinMatching;
  sync: OpenSync;
  /** Stops the pulls and the deliveries and waits for every store write started; leaves the store and connectors open. */
  close(): Promise<void>;
}

export async function openSyncCore(options: SyncCoreOptions): Promise<SyncCore> {
  const { store, connectors, logger, mergePolicy } = options;
  const changes = await ChangeLog.load(store.keyv(STORE_NAMESPACES.changelog), store.entries(STORE_NAMESPACES.changelog), {
    ...(options.changelogRetentionMs === undefined ? {} : { retentionMs: options.changelogRetentionMs }),
  });
  const writes = await GatewayWrites.open({ store, connectors, logger, changes, ...(options.writes ? { settings: options.writes } : {}), ...(mergePolicy ? { mergePolicy } : {}) });
  const twins = await openTwinMatching(store, changes, options.matching, mergePolicy);
  const sync = await openSync({
    store,
    connectors,
    logger,
    writes,
    changes,
    resolver: twins.resolver,
    candidates: twins.candidates,
    intervalMs: options.syncIntervalMs,
    ...(options.syncPolicy ? { policy: options.syncPolicy } : {}),
    ...(mergePolicy ? { mergePolicy } : {}),
    conflictRetentionMs: changes.retentionMs,
  });
  return {
    changes,
    writes,
    twins,
    sync,
    async close() {
      await sync.indexer.stop();
      await writes.close();
      await Promise.all([twins.idle(), changes.idle(), sync.idle()]);
    },
  };
}
