// Reads and validates the mutations' WRITE_* and OUTBOX_* environment variables once, at start.
import type { Env } from '../../connectors/connector-module.js';
import { PHONE_REGION, POSITIVE_MS } from '../../connectors/variable-rules.js';
import { EnvVariables } from '../env-variables.js';
import type { WriteSettings } from './gateway-writes.js';
import { DEFAULT_OUTBOX_BACKOFF } from './outbox-worker.js';


const variables = new EnvVariables({
  WRITE_DEFAULT_PHONE_REGION: {
    doc: 'ISO 3166-1 alpha-2 region in which mutations read a phone number given without a country code when the input has no address country (default US).',
    ...PHONE_REGION,
  },
  OUTBOX_RETRY_BASE_MS: {
    doc: `Wait before the first retry of a queued write, doubled for each further retry (default ${DEFAULT_OUTBOX_BACKOFF.baseDelayMs}).`,
    ...POSITIVE_MS,
  },
  OUTBOX_RETRY_MAX_MS: {
    doc: `Longest wait between two retries of a queued write (default ${DEFAULT_OUTBOX_BACKOFF.maxDelayMs}).`,
    ...POSITIVE_MS,
  },
});

export const WRITE_VARIABLES = variables.docs;

export function readWriteConfig(env: Env): Required<WriteSettings> {
  const baseDelayMs = variables.read(env, 'OUTBOX_RETRY_BASE_MS') ?? DEFAULT_OUTBOX_BACKOFF.baseDelayMs;
  const maxDelayMs = variables.read(env, 'OUTBOX_RETRY_MAX_MS') ?? Math.max(DEFAULT_OUTBOX_BACKOFF.maxDelayMs, baseDelayMs);
  if (maxDelayMs < baseDelayMs) {
    throw variables.error(`OUTBOX_RETRY_MAX_MS must be at least OUTBOX_RETRY_BASE_MS (${baseDelayMs}), but got: ${JSON.stringify(env['OUTBOX_RETRY_MAX_MS'])}`);
  }
  return {
    defaultPhoneRegion: variables.read(env, 'WRITE_DEFAULT_PHONE_REGION') ?? 'US',
    backoff: { baseDelayMs, maxDelayMs },
  };
}
