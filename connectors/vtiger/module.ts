// What the Vtiger folder exports to the core: its variables, config reader, connector and demo.
import type { ConnectorModule } from '../connector-module.js';
import { readVtigerConfig, VTIGER_VARIABLES, type VtigerConfig } from './config.js';
import { VtigerConnector } from './connector.js';
import { seedDemo } from './simulator/demo-seed.js';
import { SIMULATOR_ACCESS_KEY, SIMULATOR_USERNAME, startVtigerSimulator } from './simulator/server.js';

export const vtigerModule: ConnectorModule<VtigerConfig> = {
  system: 'VTIGER',
  variables: VTIGER_VARIABLES,
  readConfig: readVtigerConfig,
  // Vtiger has no rate limit and answers 100 ids per query: reads go to it fresh every time.
  defaultReadMaxAgeMs: 0,
  create: (config, deps) => new VtigerConnector(config, { logger: deps.logger }),
  async startDemo({ port }) {
    const simulator = await startVtigerSimulator({ ...(port === undefined ? {} : { port }), seed: seedDemo });
    // The simulator's access key is no secret: it exists only in this process.
    const env: Record<string, string> = {
      VTIGER_URL: simulator.url,
      VTIGER_USERNAME: SIMULATOR_USERNAME,
      VTIGER_ACCESS_KEY: SIMULATOR_ACCESS_KEY,
      VTIGER_TIMEZONE: simulator.store.timezone,
    };
    const config = readVtigerConfig(env) as VtigerConfig;
    return { config, url: simulator.url, env, stop: () => simulator.close() };
  },
};
