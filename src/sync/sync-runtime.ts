// The sync without the gateway's server: what `contact-gateway sync` and `status` run on. Opens
// the store and the configured CRMs from the environment like `npm start` does (no demo: the CLI
// syncs real CRMs, or simulators started with `npm run simulators`).
import type { Logger } from 'pino';
import type { Connector } from '../../connectors/connector.js';
import type { Env } from '../../connectors/connector-module.js';
import { CONNECTORS } from '../../connectors/registry.js';
import { readCoreConfig } from '../config.js';
import { GatewayError } from '../errors/gateway-error.js';
import { readMatchConfig } from '../identity/match-config.js';
import type { System } from '../model/system.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { DEFAULT_STORE_URL } from '../store/store-url.js';
import { readWriteConfig } from '../writes/write-config.js';
import { openSyncCore } from './open-sync-core.js';
import { readSyncPolicy } from './sync-config.js';
import type { SyncService } from './sync-service.js';

export interface SyncRuntime {
  sync: SyncService;
  /** The CRMs configured by the environment, in registry order. */
  systems: readonly System[];
  close(): Promise<void>;
}

/** How long a run waits for the writes it queued before it reports (the rest stays queued for the next run or the gateway). */
const DELIVERY_WAIT_MS = 120_000;
const DELIVERY_POLL_MS = 100;

/**
 * Validates every variable (a CONFIG GatewayError names a wrong one), opens the store and the
 * configured connectors and the sync over them, with neither server nor schedule. Throws CONFIG
 * when no CRM is configured. Queued writes are delivered only while a run is in progress, so
 * `status` changes nothing.
 */
export async function openSyncRuntime(env: Env, options: { logger: Logger }): Promise<SyncRuntime> {
  const config = readCoreConfig(env);
  const configured = CONNECTORS.map((r) => ({ system: r.system, create: r.configure(env) }));
  const matching = readMatchConfig(env);
  const writeSettings = readWriteConfig(env);
  const policy = readSyncPolicy(env);
  const { logger } = options;
  if (configured.every((c) => c.create === null)) {
    const names = CONNECTORS.map((r) => Object.keys(r.variables)[0]).join(', ');
    throw new GatewayError('CONFIG', `no CRM is configured, so there is nothing to sync: set the variables of at least one (${names}, …); the demo's simulators run only inside npm start`);
  }
  const connectors: Connector[] = configured.flatMap((c) => (c.create ? [c.create({ logger: logger.child({ system: c.system }) })] : []));
  let store: GatewayStore | null = null;
  try {
    store = await openStore(config.storeUrl ?? DEFAULT_STORE_URL);
    const core = await openSyncCore({
      store,
      connectors,
      logger,
      syncIntervalMs: 0,
      changelogRetentionMs: config.changelogRetentionMs,
      writes: writeSettings,
      mergePolicy: config.mergePolicy,
      matching,
      syncPolicy: policy,
    });
    const { writes, sync } = core;
    let delivering = false;
    let closed = false;
    const opened = store;
    const service: SyncService = {
      status: () => sync.engine.status(),
      runs: () => sync.engine.runs(),
      conflicts: () => sync.engine.conflicts(),
      async run(scope, trigger, onProgress) {
        if (!delivering) writes.start();
        delivering = true;
        const runs = await sync.engine.run(scope, trigger, onProgress);
        // A pass is done when the twins have its writes: wait for those due now (not ones backing off).
        const deadline = Date.now() + DELIVERY_WAIT_MS;
        const due = () => writes.outbox.list().some((e) => e.status === 'PENDING' && (e.nextAttemptAt?.toMillis() ?? Infinity) <= Date.now());
        while (!closed && due() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, DELIVERY_POLL_MS));
        return runs;
      },
    };
    return {
      sync: service,
      systems: connectors.map((c) => c.system),
      async close() {
        closed = true;
        await core.close();
        await Promise.all(connectors.map((c) => c.close()));
        await opened.close();
      },
    };
  } catch (err) {
    await Promise.allSettled([...connectors.map((c) => c.close()), ...(store ? [store.close()] : [])]);
    throw err;
  }
}
