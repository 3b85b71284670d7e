// Reads and validates the ACTIONNETWORK_* environment variables once, at start.
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { Env } from '../connector-module.js';

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

export const ACTIONNETWORK_VARIABLES = {
  ACTIONNETWORK_API_TOKEN: 'API key of the Action Network group or list (sent as OSDI-API-Token); enables Action Network',
  ACTIONNETWORK_URL: `API base (default ${ACTIONNETWORK_DEFAULT_URL})`,
  ACTIONNETWORK_RATE_LIMIT: 'Requests per second allowed for the API key, shared by every read, sync and write (default 4, the documented limit)',
  ACTIONNETWORK_FUNDRAISING_PAGE: 'Id of an API-created fundraising page to record donations on; unset: donation writes are reported unsupported',
  ACTIONNETWORK_TIMEOUT_MS: 'Milliseconds to wait for an Action Network response before giving up (default 15000)',
} as const;

type Variable = keyof typeof ACTIONNETWORK_VARIABLES;

/** Each variable's schema and the expectation error messages quote. */
const expectations = {
  ACTIONNETWORK_API_TOKEN: [z.string().min(1), 'a non-empty API key'],
  ACTIONNETWORK_URL: [z.url({ protocol: /^https?$/ }), 'an http(s) URL'],
  ACTIONNETWORK_RATE_LIMIT: [z.coerce.number().int().positive(), 'a positive whole number of requests per second'],
  ACTIONNETWORK_FUNDRAISING_PAGE: [z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i), 'a fundraising page uuid'],
  ACTIONNETWORK_TIMEOUT_MS: [z.coerce.number().int().positive(), 'a positive integer number of milliseconds'],
} satisfies Record<Variable, [z.ZodType, string]>;

function configError(message: string): GatewayError {
  return new GatewayError('CONFIG', message, { system: 'ACTION_NETWORK' });
}

function variable<V extends Variable>(env: Env, name: V): z.output<(typeof expectations)[V][0]> | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  const [schema, expected] = expectations[name];
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.output<(typeof expectations)[V][0]>;
  // The token is a secret: say that it is wrong, never what it is.
  const shown = name === 'ACTIONNETWORK_API_TOKEN' ? '(hidden)' : JSON.stringify(env[name]);
  throw configError(`${name} must be ${expected}, but got: ${shown}`);
}

/** null when no token is set (the URL has a default); a CONFIG GatewayError naming the variable when one is wrong. */
export function readActionNetworkConfig(env: Env): ActionNetworkConfig | null {
  const apiToken = variable(env, 'ACTIONNETWORK_API_TOKEN');
  const url = variable(env, 'ACTIONNETWORK_URL');
  if (apiToken === undefined) {
    if (url !== undefined) throw configError('ACTIONNETWORK_API_TOKEN must be set when ACTIONNETWORK_URL is set, but got: nothing');
    return null;
  }
  return {
    url: (url ?? ACTIONNETWORK_DEFAULT_URL).replace(/\/+$/, ''),
    apiToken,
    ratePerSecond: variable(env, 'ACTIONNETWORK_RATE_LIMIT') ?? 4,
    fundraisingPage: variable(env, 'ACTIONNETWORK_FUNDRAISING_PAGE')?.toLowerCase() ?? null,
    timeoutMs: variable(env, 'ACTIONNETWORK_TIMEOUT_MS') ?? 15_000,
  };
}
