// Reads and validates the CIVICRM_* environment variables once, at start.
import { z } from 'zod';
import { EnvVariables } from '../../src/env-variables.js';
import type { Env } from '../connector-module.js';
import type { RegionCode } from '../phone-numbers.js';
import { HTTP_URL, IANA_ZONE, PHONE_REGION, POSITIVE_MS } from '../variable-rules.js';

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

const variables = new EnvVariables(
  {
    CIVICRM_URL: {
      doc: 'APIv4 endpoint base, e.g. https://crm.example.org/civicrm/ajax/api4 (enables CiviCRM together with CIVICRM_API_KEY)',
      ...HTTP_URL,
    },
    CIVICRM_API_KEY: {
      doc: 'API key of the CiviCRM contact the gateway acts as (sent as X-Civi-Auth: Bearer …)',
      schema: z.string().min(1),
      expects: 'a non-empty API key',
      secret: true,
    },
    CIVICRM_SITE_KEY: {
      doc: 'Optional site key (sent as X-Civi-Key); needed when that contact lacks "authenticate with api key"',
      schema: z.string().min(1),
      expects: 'a non-empty site key',
      secret: true,
    },
    CIVICRM_TIMEZONE: { doc: "IANA zone of the site, in which CiviCRM's naive date-times are written (default UTC)", ...IANA_ZONE },
    CIVICRM_DEFAULT_PHONE_REGION: {
      doc: 'ISO 3166-1 alpha-2 region for phone numbers written without a country code (default US)',
      ...PHONE_REGION,
    },
    CIVICRM_TIMEOUT_MS: { doc: 'Milliseconds to wait for a CiviCRM response before giving up (default 15000)', ...POSITIVE_MS },
  },
  'CIVICRM',
);

export const CIVICRM_VARIABLES = variables.docs;

/** null when neither URL nor key is set; a GatewayError CONFIG naming the variable when one is wrong or missing. */
export function readCiviCrmConfig(env: Env): CiviCrmConfig | null {
  const url = variables.read(env, 'CIVICRM_URL');
  const apiKey = variables.read(env, 'CIVICRM_API_KEY');
  if (url === undefined && apiKey === undefined) return null;
  if (url === undefined) throw variables.missing('CIVICRM_URL', 'CIVICRM_API_KEY is set');
  if (apiKey === undefined) throw variables.missing('CIVICRM_API_KEY', 'CIVICRM_URL is set');
  return {
    url: url.replace(/\/+$/, ''),
    apiKey,
    siteKey: variables.read(env, 'CIVICRM_SITE_KEY') ?? null,
    timezone: variables.read(env, 'CIVICRM_TIMEZONE') ?? 'UTC',
    defaultPhoneRegion: variables.read(env, 'CIVICRM_DEFAULT_PHONE_REGION') ?? 'US',
    timeoutMs: variables.read(env, 'CIVICRM_TIMEOUT_MS') ?? 15_000,
  };
}
