// What the Action Network folder exports to the core: its variables, config reader, connector and demo.
import type { ConnectorModule } from '../connector-module.js';
import { ActionNetworkConnector } from './connector.js';
import { ACTIONNETWORK_VARIABLES, readActionNetworkConfig, type ActionNetworkConfig } from './config.js';
import { seedDemo } from './simulator/demo-seed.js';
import { startActionNetworkSimulator } from './simulator/server.js';

/** Action Network's documented limit; the demo runs at it so the demo shows the real pace. */
const DEMO_RATE_PER_SECOND = 4;

export const actionNetworkModule: ConnectorModule<ActionNetworkConfig> = {
  system: 'ACTION_NETWORK',
  variables: ACTIONNETWORK_VARIABLES,
  readConfig: readActionNetworkConfig,
  // At 4 requests/s and with no multi-id lookup, asking Action Network for every read would crawl:
  // records the indexer already holds are served from the cache for up to ten minutes.
  defaultReadMaxAgeMs: 10 * 60_000,
  create: (config, deps) => new ActionNetworkConnector(config, { logger: deps.logger }),
  async startDemo({ port }) {
    const seeded: { fundraisingPage: string | null } = { fundraisingPage: null };
    const simulator = await startActionNetworkSimulator({
      rateLimit: DEMO_RATE_PER_SECOND,
      ...(port === undefined ? {} : { port }),
      seed: (store) => {
        seeded.fundraisingPage = seedDemo(store).fundraisingPageId;
      },
    });
    const config: ActionNetworkConfig = {
      url: simulator.url,
      apiToken: simulator.apiToken,
      ratePerSecond: DEMO_RATE_PER_SECOND,
      fundraisingPage: seeded.fundraisingPage,
      timeoutMs: 15_000,
    };
    return {
      config,
      url: simulator.url,
      // The simulator's token is no secret: it exists only in this process.
      env: {
        ACTIONNETWORK_URL: config.url,
        ACTIONNETWORK_API_TOKEN: config.apiToken,
        ACTIONNETWORK_RATE_LIMIT: String(config.ratePerSecond),
        ...(config.fundraisingPage === null ? {} : { ACTIONNETWORK_FUNDRAISING_PAGE: config.fundraisingPage }),
      },
      stop: () => simulator.close(),
    };
  },
};
