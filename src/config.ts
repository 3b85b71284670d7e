// The gateway's own settings, read from the environment and validated once at start.
import { z } from 'zod';
import type { Env } from '../connectors/connector-module.js';
import { EnvVariables, MAX_TIMER_MS } from './env-variables.js';
import { DEFAULT_CHANGELOG_RETENTION_MS } from './events/change-log.js';
import { parseRetentionDuration } from './events/retention-duration.js';
import { DEFAULT_MERGE_POLICY, parseFieldPriority, type MergePolicy } from './identity/merge-policy.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Each variable: how it is read and what the README says of it. Defaults are applied in readCoreConfig. */
const variables = new EnvVariables({
  PORT: { schema: z.coerce.number().int().min(0).max(65535), expects: 'an integer from 0 to 65535', doc: 'Port the gateway listens on (default 4000; 0 picks a free one).' },
  HOST: { schema: z.string().min(1), expects: 'a host name or address', doc: 'Address to bind (default 127.0.0.1). A non-loopback address requires GATEWAY_API_KEYS.' },
  STORE_URL: { schema: z.string().min(1), expects: 'a store URL', doc: 'Where identities, the record cache and cursors live: sqlite://PATH (default sqlite://.gateway/state.sqlite; memory:// in the demo), redis://HOST:PORT[/DB], or memory://.' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS), expects: `one of ${LOG_LEVELS.join(', ')}`, doc: 'pino log level (default info).' },
  SYNC_INTERVAL_MS: { schema: z.coerce.number().int().min(0).max(MAX_TIMER_MS), expects: `a whole number of milliseconds up to ${MAX_TIMER_MS} (0 = no background sync)`, doc: 'How often each CRM is polled for changes (default 60000; 0 = index once at start only).' },
  READ_MAX_AGE_MS: { schema: z.coerce.number().int().min(0), expects: 'a whole number of milliseconds', doc: 'Serve a cached record younger than this instead of asking the CRM; overrides every connector\'s default (CiviCRM and Vtiger 0, Action Network 600000).' },
  MERGE_FIELD_PRIORITY: {
    schema: z.string().transform((text, ctx) => {
      try {
        return parseFieldPriority(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
    expects: 'field=SYSTEM[,SYSTEM…] pairs separated by ";" (e.g. addresses=CIVICRM,VTIGER;phones=VTIGER)',
    doc: 'Which CRM wins a field of a merged object, per field, before recency decides, e.g. `addresses=CIVICRM,VTIGER;phones=VTIGER`. By default each field comes from the most recently modified record that has a value.',
  },
  CHANGELOG_RETENTION: {
    schema: z.string().transform((text, ctx) => {
      const ms = parseRetentionDuration(text);
      if (ms !== null) return ms;
      ctx.addIssue({ code: 'custom', message: 'not a duration' });
      return z.NEVER;
    }),
    expects: 'a positive duration: whole days, hours, minutes or seconds (`7d`, `12h`, `30m`, `45s`) or milliseconds (`86400000`)',
    doc: 'How long the change log keeps a change for the `changes` feed to replay (default `7d`). Older changes are pruned from the store; resuming from a cursor older than that is refused.',
  },
  GATEWAY_API_KEYS: { schema: z.string(), expects: 'a comma-separated list of keys', secret: true, doc: 'Comma-separated client API keys; when set, every GraphQL request needs `Authorization: Bearer <key>`.' },
});

export type CoreVariable = keyof typeof variables.docs;
export const CORE_VARIABLE_DOCS: Readonly<Record<CoreVariable, string>> = variables.docs;

export interface CoreConfig {
  port: number;
  host: string;
  storeUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  syncIntervalMs: number;
  readMaxAgeMs: number | undefined;
  apiKeys: string[];
  mergePolicy: MergePolicy;
  changelogRetentionMs: number;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function readCoreConfig(env: Env): CoreConfig {
  const config: CoreConfig = {
    port: variables.read(env, 'PORT') ?? 4000,
    host: variables.read(env, 'HOST') ?? '127.0.0.1',
    storeUrl: variables.read(env, 'STORE_URL'),
    logLevel: variables.read(env, 'LOG_LEVEL') ?? 'info',
    syncIntervalMs: variables.read(env, 'SYNC_INTERVAL_MS') ?? 60_000,
    readMaxAgeMs: variables.read(env, 'READ_MAX_AGE_MS'),
    mergePolicy: variables.read(env, 'MERGE_FIELD_PRIORITY') ?? DEFAULT_MERGE_POLICY,
    changelogRetentionMs: variables.read(env, 'CHANGELOG_RETENTION') ?? DEFAULT_CHANGELOG_RETENTION_MS,
    apiKeys: (variables.read(env, 'GATEWAY_API_KEYS') ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''),
  };
  if (!isLoopbackHost(config.host) && config.apiKeys.length === 0) {
    throw variables.error(
      `HOST ${config.host} is reachable from other machines, so GATEWAY_API_KEYS must be set; or bind HOST to 127.0.0.1`,
    );
  }
  return config;
}
