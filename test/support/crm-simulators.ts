// The three CRM simulators, empty and quick (no rate-limit waits, short retries), with a connector
// aimed at each: what the write-path tests run the gateway against.
import pino from 'pino';
import { ActionNetworkConnector } from '../../connectors/actionnetwork/connector.js';
import { startActionNetworkSimulator, type ActionNetworkSimulator } from '../../connectors/actionnetwork/simulator/server.js';
import { FAST_RETRY as CIVI_FAST_RETRY } from '../../connectors/civicrm/civicrm-test-env.js';
import { CiviCrmConnector } from '../../connectors/civicrm/connector.js';
import { startCiviCrmSimulator, type CiviCrmSimulator } from '../../connectors/civicrm/simulator/civicrm-simulator.js';
import type { Connector } from '../../connectors/connector.js';
import { simulatorConnector } from '../../connectors/vtiger/test-setup.js';
import { startVtigerSimulator, type VtigerSimulator } from '../../connectors/vtiger/simulator/server.js';

export interface CrmSimulators {
  civi: CiviCrmSimulator;
  an: ActionNetworkSimulator;
  vtiger: VtigerSimulator;
  /** Id of the Action Network fundraising page donations are recorded on. */
  fundraisingPage: string;
  /** Fresh connectors to all three (a restarted gateway needs its own: close() closes them). */
  connectors(): Connector[];
  close(): Promise<void>;
}

export async function startCrmSimulators(): Promise<CrmSimulators> {
  let fundraisingPage = '';
  const [civi, an, vtiger] = await Promise.all([
    startCiviCrmSimulator({ seed: 'none' }),
    startActionNetworkSimulator({
      rateLimit: 1_000,
      seed: (store) => {
        fundraisingPage = store.createPage('Gateway donations', 'contact-gateway').id;
      },
    }),
    startVtigerSimulator(),
  ]);
  return {
    civi,
    an,
    vtiger,
    fundraisingPage,
    connectors: () => [
      new CiviCrmConnector(
        { url: civi.url, apiKey: civi.apiKey, siteKey: null, timezone: civi.timeZone, defaultPhoneRegion: 'US', timeoutMs: 5_000 },
        { retry: CIVI_FAST_RETRY },
      ),
      new ActionNetworkConnector(
        { url: an.url, apiToken: an.apiToken, ratePerSecond: 1_000, fundraisingPage, timeoutMs: 5_000 },
        { logger: pino({ level: 'silent' }), retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      ),
      simulatorConnector(vtiger),
    ],
    close: async () => {
      await Promise.all([civi.close(), an.close(), vtiger.close()]);
    },
  };
}
