// Shared set-up for the Vtiger tests and benchmark: a simulator and a client or connector aimed at it.
import pino from 'pino';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import { VtigerClient } from './client.js';
import type { VtigerConfig } from './config.js';
import { VtigerConnector } from './connector.js';
import { SIMULATOR_ACCESS_KEY, SIMULATOR_USERNAME, type VtigerSimulator } from './simulator/server.js';

/** Retries without real waiting, so fault tests stay fast. */
export const FAST_RETRY: Partial<RetryPolicy> = { baseDelayMs: 1, maxDelayMs: 2 };

export function simulatorConfig(sim: VtigerSimulator, overrides: Partial<VtigerConfig> = {}): VtigerConfig {
  return {
    url: sim.url,
    username: SIMULATOR_USERNAME,
    accessKey: SIMULATOR_ACCESS_KEY,
    timezone: sim.store.timezone,
    defaultPhoneRegion: 'US',
    timeoutMs: 5_000,
    deletionScanIntervalMs: 60_000,
    ...overrides,
  };
}

export function simulatorClient(sim: VtigerSimulator, accessKey = SIMULATOR_ACCESS_KEY): VtigerClient {
  return new VtigerClient({ siteUrl: sim.url, credentials: { username: SIMULATOR_USERNAME, accessKey }, retry: FAST_RETRY, timeoutMs: 5_000 });
}

export function simulatorConnector(sim: VtigerSimulator, overrides: Partial<VtigerConfig> = {}, now?: () => number): VtigerConnector {
  return new VtigerConnector(simulatorConfig(sim, overrides), { logger: pino({ level: 'silent' }), retry: FAST_RETRY, ...(now ? { now } : {}) });
}
