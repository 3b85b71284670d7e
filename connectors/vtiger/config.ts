// Reads and validates the VTIGER_* environment variables once, at start.
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { Env } from '../connector-module.js';
import { isValidZone } from '../naive-time.js';
import { isRegionCode, type RegionCode } from '../phone-numbers.js';

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

export const VTIGER_VARIABLES = {
  VTIGER_URL: 'Vtiger site base, e.g. https://crm.example.org (the client appends /webservice.php); enables Vtiger with VTIGER_USERNAME and VTIGER_ACCESS_KEY',
  VTIGER_USERNAME: 'Vtiger user the gateway logs in as',
  VTIGER_ACCESS_KEY: "That user's access key (My Preferences → Access Key); only md5(challenge + key) is sent",
  VTIGER_TIMEZONE: "IANA zone of that user, in which Vtiger's naive date-times are written (default UTC)",
  VTIGER_DEFAULT_PHONE_REGION: 'ISO 3166-1 alpha-2 region for phone numbers written without a country code (default US)',
  VTIGER_TIMEOUT_MS: 'Milliseconds to wait for a Vtiger response before giving up (default 15000)',
  VTIGER_DELETION_SCAN_INTERVAL_MS:
    'Least milliseconds between two id-set scans that find deletions when the sync operation is broken, as on Vtiger 8.2 under PHP 8 (default 900000)',
} as const;

type Variable = keyof typeof VTIGER_VARIABLES;

const positiveMs = z.coerce.number().int().positive();

/** Per variable: its schema and the expectation as error messages quote it. */
const rules = {
  VTIGER_URL: [z.url({ protocol: /^https?$/ }), 'an http(s) URL'],
  VTIGER_USERNAME: [z.string().min(1), 'a non-empty user name'],
  VTIGER_ACCESS_KEY: [z.string().min(1), 'a non-empty access key'],
  VTIGER_TIMEZONE: [z.string().refine(isValidZone), 'an IANA time zone such as Europe/Berlin'],
  VTIGER_DEFAULT_PHONE_REGION: [z.string().refine(isRegionCode), 'an ISO 3166-1 alpha-2 region such as US'],
  VTIGER_TIMEOUT_MS: [positiveMs, 'a positive integer number of milliseconds'],
  VTIGER_DELETION_SCAN_INTERVAL_MS: [positiveMs, 'a positive integer number of milliseconds'],
} satisfies Record<Variable, [z.ZodType, string]>;

const SECRET: ReadonlySet<Variable> = new Set(['VTIGER_ACCESS_KEY']);

function configError(message: string): GatewayError {
  return new GatewayError('CONFIG', message, { system: 'VTIGER' });
}

function read<V extends Variable>(env: Env, name: V): z.output<(typeof rules)[V][0]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const [schema, expected] = rules[name];
  const parsed = schema.safeParse(raw.trim());
  if (parsed.success) return parsed.data as z.output<(typeof rules)[V][0]>;
  throw configError(`${name} must be ${expected}, but got: ${SECRET.has(name) ? '(hidden)' : JSON.stringify(raw)}`);
}

/**
 * null when none of URL, user name and access key is set; a GatewayError CONFIG naming the
 * variable when one of them is missing or any value is wrong.
 */
export function readVtigerConfig(env: Env): VtigerConfig | null {
  const url = read(env, 'VTIGER_URL');
  const username = read(env, 'VTIGER_USERNAME');
  const accessKey = read(env, 'VTIGER_ACCESS_KEY');
  if (url === undefined && username === undefined && accessKey === undefined) return null;
  const missing = (['VTIGER_URL', 'VTIGER_USERNAME', 'VTIGER_ACCESS_KEY'] as const).find((name) => read(env, name) === undefined);
  if (missing !== undefined || url === undefined || username === undefined || accessKey === undefined) {
    throw configError(`${missing} must be set when any of VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY is set, but got: nothing`);
  }
  return {
    url: url.replace(/\/+$/, '').replace(/\/webservice\.php$/, ''),
    username,
    accessKey,
    timezone: read(env, 'VTIGER_TIMEZONE') ?? 'UTC',
    defaultPhoneRegion: (read(env, 'VTIGER_DEFAULT_PHONE_REGION') as RegionCode | undefined) ?? 'US',
    timeoutMs: read(env, 'VTIGER_TIMEOUT_MS') ?? 15_000,
    deletionScanIntervalMs: read(env, 'VTIGER_DELETION_SCAN_INTERVAL_MS') ?? 900_000,
  };
}
