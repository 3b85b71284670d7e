// What the CiviCRM folder exports to the core: variables, config, the connector, and its demo.
import type { ConnectorModule } from '../connector-module.js';
import { CIVICRM_VARIABLES, readCiviCrmConfig, type CiviCrmConfig } from './config.js';
import { CiviCrmConnector } from './connector.js';
import { startCiviCrmSimulator } from './simulator/civicrm-simulator.js';

export const civicrmModule: ConnectorModule<CiviCrmConfig> = {
  system: 'CIVICRM',
  variables: CIVICRM_VARIABLES,
  readConfig: readCiviCrmConfig,
  // CiviCRM has no rate limit worth sparing: reads go to it fresh every time.
  defaultReadMaxAgeMs: 0,
  create: (config) => new CiviCrmConnector(config),
  async startDemo({ port = 0 }) {
    const sim = await startCiviCrmSimulator({ seed: 'demo', port });
    const env: Record<string, string> = {
      CIVICRM_URL: sim.url,
      CIVICRM_API_KEY: sim.apiKey,
      CIVICRM_TIMEZONE: sim.timeZone,
    };
    const config = readCiviCrmConfig(env) as CiviCrmConfig;
    return { config, url: sim.url, env, stop: () => sim.close() };
  },
};
