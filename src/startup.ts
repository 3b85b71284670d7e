// From environment to running gateway: validate every variable first, then start the demo
// simulators when no CRM is configured, open the store, create the connectors, start serving.
import type { Logger } from 'pino';
import type { Connector } from '../connectors/connector.js';
import type { Env } from '../connectors/connector-module.js';
import { CONNECTORS } from '../connectors/registry.js';
import type { RegisteredConnector } from '../connectors/registered-connector.js';
import { readCoreConfig, type CoreConfig } from './config.js';
import { Gateway } from './gateway.js';
import { readMatchConfig } from './identity/match-config.js';
import { readWriteConfig } from './writes/write-config.js';
import { readSyncPolicy } from './sync/sync-config.js';
import { readSocialSignInConfig } from './integrations/socialsignin/config.js';
import { socialSignInRoutes } from './integrations/socialsignin/social-sign-in-routes.js';
import { createLogger } from './logger.js';
import type { System } from './model/system.js';
import { openStore, type GatewayStore } from './store/open-store.js';
import { DEFAULT_STORE_URL } from './store/store-url.js';
/** The demo's CRMs are simulators whose data resets at every start; so does the demo's store. */
export const DEMO_STORE_URL = 'memory://';

export interface RunningGateway {
  gateway: Gateway;
  config: CoreConfig;
  logger: Logger;
  /** The simulators started because no CRM was configured: system → URL. */
  demo: ReadonlyMap<System, string>;
  close(): Promise<void>;
}

export async function startFromEnv(env: Env, options: { logger?: Logger; connectors?: readonly RegisteredConnector[] } = {}): Promise<RunningGateway> {
  const config = readCoreConfig(env);
  const registered = options.connectors ?? CONNECTORS;
  // Read every connector's and integration's variables before starting anything, so a typo stops
  // the process at once.
  const configured = registered.map((r) => ({ registered: r, create: r.configure(env) }));
  const socialSignIn = readSocialSignInConfig(env);
  const matching = readMatchConfig(env);
  const writes = readWriteConfig(env);
  const syncPolicy = readSyncPolicy(env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const deps = { logger };
  const demoMode = configured.every((c) => c.create === null);

  const stops: (() => Promise<void>)[] = [];
  const demo = new Map<System, string>();
  const connectors: Connector[] = [];
  let store: GatewayStore | undefined;
  try {
    for (const { registered: r, create } of configured) {
      if (create) connectors.push(create({ logger: logger.child({ system: r.system }) }));
      else if (demoMode) {
        const running = await r.startDemo(deps);
        stops.push(running.stop);
        demo.set(r.system, running.url);
        connectors.push(running.connector);
      }
    }
    store = await openStore(config.storeUrl ?? (demoMode ? DEMO_STORE_URL : DEFAULT_STORE_URL));
    const readMaxAgeMs = new Map(registered.map((r) => [r.system, config.readMaxAgeMs ?? r.defaultReadMaxAgeMs]));
    const gateway = await Gateway.start({
      host: config.host,
      port: config.port,
      apiKeys: config.apiKeys,
      syncIntervalMs: config.syncIntervalMs,
      readMaxAgeMs,
      mergePolicy: config.mergePolicy,
      changelogRetentionMs: config.changelogRetentionMs,
      matching,
      writes,
      syncPolicy,
      store,
      connectors,
      logger,
      ...(socialSignIn ? { routes: (services) => socialSignInRoutes(socialSignIn, services) } : {}),
    });
    return {
      gateway,
      config,
      logger,
      demo,
      async close() {
        await gateway.close();
        await Promise.all(stops.map((stop) => stop()));
      },
    };
  } catch (err) {
    await Promise.allSettled([...connectors.map((c) => c.close()), ...stops.map((stop) => stop()), ...(store ? [store.close()] : [])]);
    throw err;
  }
}
