// Reads and validates the VTIGER_* environment variables once, at start.
import { z } from 'zod';
import { EnvVariables } from '../../src/env-variables.js';
import type { Env } from '../connector-module.js';
import type { RegionCode } from '../phone-numbers.js';
import { HTTP_URL, IANA_ZONE, PHONE_REGION, POSITIVE_MS } from '../variable-rules.js';

export interface VtigerConfig {
  /** Site base, e.g. "https://crm.example.org"; the client appends "/webservice.php". */
  url: string;
  username: string;
  /** The user's access key (My Preferences), never sent as is: login sends md5(challenge + key). */
  accessKey: string;
  /** IANA zone of the API user, in which Vtiger writes its naive date-times. */
  timezone: string;
  /** Region used to read phone numbers written without a country code. */
  defaultPhoneRegion: RegionCode;
  timeoutMs: number;
  /**
   * When `sync` is unusable, deletions are found by comparing the full id set with the last one;
   * this is the least time between two such scans (each costs one query per 100 records).
   */
  deletionScanIntervalMs: number;
}

const variables = new EnvVariables(
  {
    VTIGER_URL: {
      doc: 'Vtiger site base, e.g. https://crm.example.org (the client appends /webservice.php); enables Vtiger with VTIGER_USERNAME and VTIGER_ACCESS_KEY',
      ...HTTP_URL,
    },
    VTIGER_USERNAME: { doc: 'Vtiger user the gateway logs in as', schema: z.string().min(1), expects: 'a non-empty user name' },
    VTIGER_ACCESS_KEY: {
      doc: "That user's access key (My Preferences → Access Key); only md5(challenge + key) is sent",
      schema: z.string().min(1),
      expects: 'a non-empty access key',
      secret: true,
    },
    VTIGER_TIMEZONE: { doc: "IANA zone of that user, in which Vtiger's naive date-times are written (default UTC)", ...IANA_ZONE },
    VTIGER_DEFAULT_PHONE_REGION: {
      doc: 'ISO 3166-1 alpha-2 region for phone numbers written without a country code (default US)',
      ...PHONE_REGION,
    },
    VTIGER_TIMEOUT_MS: { doc: 'Milliseconds to wait for a Vtiger response before giving up (default 15000)', ...POSITIVE_MS },
    VTIGER_DELETION_SCAN_INTERVAL_MS: {
      doc: 'Least milliseconds between two id-set scans that find deletions when the sync operation is broken, as on Vtiger 8.2 under PHP 8 (default 900000)',
      ...POSITIVE_MS,
    },
  },
  'VTIGER',
);

export const VTIGER_VARIABLES = variables.docs;

/**
 * null when none of URL, user name and access key is set; a GatewayError CONFIG naming the
 * variable when one of them is missing or any value is wrong.
 */
export function readVtigerConfig(env: Env): VtigerConfig | null {
  const url = variables.read(env, 'VTIGER_URL');
  const username = variables.read(env, 'VTIGER_USERNAME');
  const accessKey = variables.read(env, 'VTIGER_ACCESS_KEY');
  if (url === undefined && username === undefined && accessKey === undefined) return null;
  const when = 'any of VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY is set';
  if (url === undefined) throw variables.missing('VTIGER_URL', when);
  if (username === undefined) throw variables.missing('VTIGER_USERNAME', when);
  if (accessKey === undefined) throw variables.missing('VTIGER_ACCESS_KEY', when);
  return {
    url: url.replace(/\/+$/, '').replace(/\/webservice\.php$/, ''),
    username,
    accessKey,
    timezone: variables.read(env, 'VTIGER_TIMEZONE') ?? 'UTC',
    defaultPhoneRegion: variables.read(env, 'VTIGER_DEFAULT_PHONE_REGION') ?? 'US',
    timeoutMs: variables.read(env, 'VTIGER_TIMEOUT_MS') ?? 15_000,
    deletionScanIntervalMs: variables.read(env, 'VTIGER_DELETION_SCAN_INTERVAL_MS') ?? 900_000,
  };
}
