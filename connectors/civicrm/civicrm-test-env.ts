// Test wiring: a CiviCRM simulator on an ephemeral port and a connector (or client) pointed at it.
import { CiviCrmClient } from './client.js';
import type { CiviCrmConfig } from './config.js';
import { CiviCrmConnector, type CiviCrmConnectorOptions } from './connector.js';
import { startCiviCrmSimulator, type CiviCrmSimulator, type CiviCrmSimulatorOptions } from './simulator/civicrm-simulator.js';

export interface CiviCrmTestEnv {
  sim: CiviCrmSimulator;
  config: CiviCrmConfig;
  connector: CiviCrmConnector;
  client: CiviCrmClient;
  close(): Promise<void>;
}

/** Fast retries so tests that provoke them stay quick. */
export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

export async function startCiviCrmTestEnv(
  options: { sim?: CiviCrmSimulatorOptions; config?: Partial<CiviCrmConfig>; connector?: CiviCrmConnectorOptions } = {},
): Promise<CiviCrmTestEnv> {
  const sim = await startCiviCrmSimulator({ seed: 'none', ...options.sim });
  const config: CiviCrmConfig = {
    url: sim.url,
    apiKey: sim.apiKey,
    siteKey: sim.siteKey ?? null,
    timezone: sim.timeZone,
    defaultPhoneRegion: 'US',
    timeoutMs: 5000,
    ...options.config,
  };
  const connector = new CiviCrmConnector(config, { listPageSize: 10, retry: FAST_RETRY, ...options.connector });
  const client = new CiviCrmClient(config, { retry: FAST_RETRY });
  return {
    sim,
    config,
    connector,
    client,
    async close() {
      await Promise.all([connector.close(), client.close()]);
      await sim.close();
    },
  };
}
