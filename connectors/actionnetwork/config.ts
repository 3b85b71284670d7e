// Reads and validates the ACTIONNETWORK_* environment variables once, at start.
import { z } from 'zod';
import { EnvVariables } from '../../src/env-variables.js';
import type { Env } from '../connector-module.js';
import { HTTP_URL, POSITIVE_MS } from '../variable-rules.js';

export interface ActionNetworkConfig {
  /** API base, e.g. "https://actionnetwork.org/api/v2". */
  url: string;
  apiToken: string;
  /** Requests per second allowed for the token, shared by reads, the indexer and writes. */
  ratePerSecond: number;
  /** Id of an API-created fundraising page to record donations on; null: donation writes unsupported. */
  fundraisingPage: string | null;
  timeoutMs: number;
}

export const ACTIONNETWORK_DEFAULT_URL = 'https://actionnetwork.org/api/v2';

const variables = new EnvVariables(
  {
    ACTIONNETWORK_API_TOKEN: {
      doc: 'API key of the Action Network group or list (sent as OSDI-API-Token); enables Action Network',
      schema: z.string().min(1),
      expects: 'a non-empty API key',
      secret: true,
    },
    ACTIONNETWORK_URL: { doc: `API base (default ${ACTIONNETWORK_DEFAULT_URL})`, ...HTTP_URL },
    ACTIONNETWORK_RATE_LIMIT: {
      doc: 'Requests per second allowed for the API key, shared by every read, sync and write (default 4, the documented limit)',
      schema: z.coerce.number().int().positive(),
      expects: 'a positive whole number of requests per second',
    },
    ACTIONNETWORK_FUNDRAISING_PAGE: {
      doc: 'Id of an API-created fundraising page to record donations on; unset: donation writes are reported unsupported',
      schema: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
      expects: 'a fundraising page uuid',
    },
    ACTIONNETWORK_TIMEOUT_MS: { doc: 'Milliseconds to wait for an Action Network response before giving up (default 15000)', ...POSITIVE_MS },
  },
  'ACTION_NETWORK',
);

export const ACTIONNETWORK_VARIABLES = variables.docs;

/** null when no token is set (the URL has a default); a CONFIG GatewayError naming the variable when one is wrong. */
export function readActionNetworkConfig(env: Env): ActionNetworkConfig | null {
  const apiToken = variables.read(env, 'ACTIONNETWORK_API_TOKEN');
  const url = variables.read(env, 'ACTIONNETWORK_URL');
  if (apiToken === undefined) {
    if (url !== undefined) throw variables.missing('ACTIONNETWORK_API_TOKEN', 'ACTIONNETWORK_URL is set');
    return null;
  }
  return {
    url: (url ?? ACTIONNETWORK_DEFAULT_URL).replace(/\/+$/, ''),
    apiToken,
    ratePerSecond: variables.read(env, 'ACTIONNETWORK_RATE_LIMIT') ?? 4,
    fundraisingPage: variables.read(env, 'ACTIONNETWORK_FUNDRAISING_PAGE')?.toLowerCase() ?? null,
    timeoutMs: variables.read(env, 'ACTIONNETWORK_TIMEOUT_MS') ?? 15_000,
  };
}
