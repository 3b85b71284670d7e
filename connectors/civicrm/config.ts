// Reads and validates the CIVICRM_* environment variables once, at start.
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { Env } from '../connector-module.js';
import { isValidZone } from '../naive-time.js';
import { isRegionCode, type RegionCode } from '../phone-numbers.js';

export interface CiviCrmConfig {
  /** APIv4 endpoint base, e.g. "https://crm.example.org/civicrm/ajax/api4". */
  url: string;
  apiKey: string;
  siteKey: string | null;
  /** IANA zone of the site: CiviCRM's date-times are naive strings in this zone. */
  timezone: string;
  /** Region used to read phone numbers written without a country code. */
  defaultPhoneRegion: RegionCode;
  timeoutMs: number;
}

export const CIVICRM_VARIABLES = {
  CIVICRM_URL: 'APIv4 endpoint base, e.g. https://crm.example.org/civicrm/ajax/api4 (enables CiviCRM together with CIVICRM_API_KEY)',
  CIVICRM_API_KEY: "API key of the CiviCRM contact the gateway acts as (sent as X-Civi-Auth: Bearer …)",
  CIVICRM_SITE_KEY: 'Optional site key (sent as X-Civi-Key); needed when that contact lacks "authenticate with api key"',
  CIVICRM_TIMEZONE: "IANA zone of the site, in which CiviCRM's naive date-times are written (default UTC)",
  CIVICRM_DEFAULT_PHONE_REGION: 'ISO 3166-1 alpha-2 region for phone numbers written without a country code (default US)',
  CIVICRM_TIMEOUT_MS: 'Milliseconds to wait for a CiviCRM response before giving up (default 15000)',
} as const;

type Variable = keyof typeof CIVICRM_VARIABLES;

/** The expectation for each variable, stated the way error messages quote it. */
const rules = {
  CIVICRM_URL: [z.url({ protocol: /^https?$/ }), 'an http(s) URL'],
  CIVICRM_API_KEY: [z.string().min(1), 'a non-empty API key'],
  CIVICRM_SITE_KEY: [z.string().min(1), 'a non-empty site key'],
  CIVICRM_TIMEZONE: [z.string().refine(isValidZone), 'an IANA time zone such as Europe/Berlin'],
  CIVICRM_DEFAULT_PHONE_REGION: [z.string().refine(isRegionCode), 'an ISO 3166-1 alpha-2 region such as US'],
  CIVICRM_TIMEOUT_MS: [z.coerce.number().int().positive(), 'a positive integer number of milliseconds'],
} satisfies Record<Variable, [z.ZodType, string]>;

/** Variables holding secrets: their values never appear in an error message. */
const SECRET: ReadonlySet<Variable> = new Set(['CIVICRM_API_KEY', 'CIVICRM_SITE_KEY']);

function configError(message: string): GatewayError {
  return new GatewayError('CONFIG', message, { system: 'CIVICRM' });
}

function read<V extends Variable>(env: Env, name: V): z.output<(typeof rules)[V][0]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const [schema, expected] = rules[name];
  const parsed = schema.safeParse(raw.trim());
  if (parsed.success) return parsed.data as z.output<(typeof rules)[V][0]>;
  const shown = SECRET.has(name) ? '(hidden)' : JSON.stringify(raw);
  throw configError(`${name} must be ${expected}, but got: ${shown}`);
}

/** null when neither URL nor key is set; a GatewayError CONFIG naming the variable when one is wrong or missing. */
export function readCiviCrmConfig(env: Env): CiviCrmConfig | null {
  const url = read(env, 'CIVICRM_URL');
  const apiKey = read(env, 'CIVICRM_API_KEY');
  if (url === undefined && apiKey === undefined) return null;
  if (url === undefined) throw configError('CIVICRM_URL must be set when CIVICRM_API_KEY is set, but got: nothing');
  if (apiKey === undefined) throw configError('CIVICRM_API_KEY must be set when CIVICRM_URL is set, but got: nothing');
  return {
    url: url.replace(/\/+$/, ''),
    apiKey,
    siteKey: read(env, 'CIVICRM_SITE_KEY') ?? null,
    timezone: read(env, 'CIVICRM_TIMEZONE') ?? 'UTC',
    defaultPhoneRegion: (read(env, 'CIVICRM_DEFAULT_PHONE_REGION') as RegionCode | undefined) ?? 'US',
    timeoutMs: read(env, 'CIVICRM_TIMEOUT_MS') ?? 15_000,
  };
}
