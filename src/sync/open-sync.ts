// Opens the sync: its stores (run history, conflicts, backlog, echo ledger), the twin sync, the
// indexer that schedules the pulls, and the engine over them. The gateway serves it; the CLI runs
// it without a server.
import type { Logger } from 'pino';
import type { Connector } from '../../connectors/connector.js';
import type { ChangeLog } from '../events/change-log.js';
import { PulledChanges } from '../events/pulled-changes.js';
import { DEFAULT_MERGE_POLICY, type MergePolicy } from '../identity/merge-policy.js';
import type { MatchCandidates } from '../identity/match-candidates.js';
import type { TwinResolver } from '../identity/twin-resolver.js';
import { ConflictLog } from '../store/conflict-log.js';
import { EchoLedger } from '../store/echo-ledger.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import type { GatewayStore } from '../store/open-store.js';
import { SyncBacklog } from '../store/sync-backlog.js';
import { SyncRunHistory } from '../store/sync-run-history.js';
import type { GatewayWrites } from '../writes/gateway-writes.js';
import { Indexer } from './indexer.js';
import { SyncEngine } from './sync-engine.js';
import { DEFAULT_SYNC_POLICY, type SyncPolicy } from './sync-policy.js';
import { TwinSync } from './twin-sync.js';

export interface OpenSyncOptions {
  store: GatewayStore;
  connectors: readonly Connector[];
  logger: Logger;
  /** The write path: the sync queues its writes in the same outbox. */
  writes: GatewayWrites;
  changes: ChangeLog;
  /** Links records seen for the first time to their twins. */
  resolver: TwinResolver;
  /** People held for review: the sync creates no twins for them until a person decides. */
  candidates: MatchCandidates;
  /** Pause between passes in ms; 0: one pass at start only. */
  intervalMs: number;
  policy?: SyncPolicy;
  mergePolicy?: MergePolicy;
  /** How long conflicts are kept, in ms (the change log's retention). */
  conflictRetentionMs?: number;
}

export interface OpenSync {
  engine: SyncEngine;
  indexer: Indexer;
  conflicts: ConflictLog;
  /** Resolves once every store write of the sync started so far has settled. */
  idle(): Promise<void>;
}

export async function openSync(options: OpenSyncOptions): Promise<OpenSync> {
  const { store, connectors, logger, writes, changes } = options;
  const mergePolicy = options.mergePolicy ?? DEFAULT_MERGE_POLICY;
  const ns = (name: string) => [store.keyv(name), store.entries(name)] as const;
  const [runs, conflicts, backlog, echoes] = await Promise.all([
    SyncRunHistory.load(...ns(STORE_NAMESPACES.syncRuns)),
    ConflictLog.load(...ns(STORE_NAMESPACES.conflicts), options.conflictRetentionMs === undefined ? {} : { retentionMs: options.conflictRetentionMs }),
    SyncBacklog.load(...ns(STORE_NAMESPACES.syncBacklog)),
    EchoLedger.load(...ns(STORE_NAMESPACES.echoes)),
  ]);
  const twins = new TwinSync({
    identity: store.identity,
    records: store.records,
    backlog,
    echoes,
    conflicts,
    outbox: writes.outbox,
    queue: (jobs) => writes.queue(jobs),
    connectors,
    undecided: () => new Set(options.candidates.all().flatMap((c) => c.personIds)),
    policy: options.policy ?? DEFAULT_SYNC_POLICY,
    mergePolicy,
    logger,
  });
  let engine: SyncEngine | null = null;
  const indexer = new Indexer({
    store,
    connectors,
    logger,
    intervalMs: options.intervalMs,
    resolveIdentity: options.resolver.resolve,
    afterEntity: (entity, listings, pass) => engine!.afterEntity(entity, listings, pass),
  });
  // The matcher learns every page, echoes included; the change log hears only what is news.
  indexer.onPage(options.resolver.observe);
  const pulled = new PulledChanges({ identity: store.identity, records: store.records, changes, policy: mergePolicy });
  engine = new SyncEngine({ indexer, twins, runs, conflicts, cursors: store.cursors, connectors, logger, onPage: pulled.observe });
  return {
    engine,
    indexer,
    conflicts,
    idle: () => Promise.all([runs.idle(), conflicts.idle(), backlog.idle(), echoes.idle()]).then(() => undefined),
  };
}
