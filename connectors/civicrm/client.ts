// CiviCRM APIv4 over HTTP (docs.civicrm.org/dev/en/latest/api/v4/rest): single calls and the
// batch form, AuthX headers, and error bodies read from the JSON whatever the status line says.
import type { GatewayError } from '../../src/errors/gateway-error.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import { UpstreamHttp, type UpstreamResponse } from '../../src/http/upstream-http.js';
import type { ApiCall } from './child-rows.js';
import { readCiviJson, readEnvelope } from './civi-response.js';
import type { CiviCrmConfig } from './config.js';

export type CiviRow = Record<string, unknown>;
export type BatchResult = { ok: true; values: CiviRow[] } | { ok: false; error: GatewayError };

export interface CiviCrmClientOptions {
  retry?: Partial<RetryPolicy>;
  connections?: number;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * CiviCRM answers every API exception (an invalid field, a missing value) with status 500 where
 * the CMS lets it set one, so 500 is a verdict, not a hiccup: only gateway-ish statuses and 429
 * are worth another try.
 */
const CIVICRM_RETRY_STATUSES = [429, 502, 503, 504];

export class CiviCrmClient {
  private readonly http: UpstreamHttp;
  private readonly headers: Record<string, string>;
  /** The endpoint itself: the batch form is POSTed to it without an Entity/action suffix. */
  private readonly endpoint: string;

  constructor(config: CiviCrmConfig, options: CiviCrmClientOptions = {}) {
    this.endpoint = config.url.replace(/\/+$/, '');
    this.http = new UpstreamHttp({
      system: 'CIVICRM',
      baseUrl: this.endpoint,
      timeoutMs: config.timeoutMs,
      retry: { retryStatuses: CIVICRM_RETRY_STATUSES, ...options.retry },
      ...(options.connections ? { connections: options.connections } : {}),
    });
    // AuthX "xheader" flow. X-Requested-With passes the CSRF gate for every flow; X-Civi-Key
    // satisfies the site_key guard for contacts without the "authenticate with api key" permission.
    this.headers = {
      accept: 'application/json',
      'x-civi-auth': `Bearer ${config.apiKey}`,
      'x-requested-with': 'XMLHttpRequest',
      ...(config.siteKey ? { 'x-civi-key': config.siteKey } : {}),
    };
  }

  /** A read action (get, getFields…) over GET: safe to repeat, so retried on 5xx and timeouts. */
  async get(entity: string, params: Record<string, unknown>, action = 'get'): Promise<CiviRow[]> {
    const label = `${entity}.${action}`;
    const response = await this.http.send({
      method: 'GET',
      path: `${entity}/${action}`,
      query: { params: JSON.stringify(params) },
      headers: this.headers,
      idempotent: true,
      label,
    });
    return rowsOf(response, readCiviJson(response, label), label);
  }

  /** A write action over POST (GET is refused for writes with 405); retried only on 429. */
  async call(entity: string, action: string, params: Record<string, unknown>): Promise<CiviRow[]> {
    const label = `${entity}.${action}`;
    const response = await this.http.send({
      method: 'POST',
      path: `${entity}/${action}`,
      headers: { ...this.headers, 'content-type': FORM },
      body: new URLSearchParams({ params: JSON.stringify(params) }).toString(),
      idempotent: false,
      label,
    });
    return rowsOf(response, readCiviJson(response, label), label);
  }

  /**
   * Several calls in one HTTP request (POST {endpoint} calls={…}); CiviCRM runs them in order.
   * One result per key: a failing call fails only its own key. A batch of reads only is retried
   * like a GET; one containing a write is not.
   */
  async batch(calls: Readonly<Record<string, ApiCall>>): Promise<Record<string, BatchResult>> {
    const keys = Object.keys(calls);
    if (keys.length === 0) return {};
    const label = `batch(${[...new Set(keys.map((k) => `${calls[k]?.[0]}.${calls[k]?.[1]}`))].join(', ')})`;
    const response = await this.http.send({
      method: 'POST',
      path: this.endpoint,
      headers: { ...this.headers, 'content-type': FORM },
      body: new URLSearchParams({ calls: JSON.stringify(calls) }).toString(),
      idempotent: keys.every((k) => calls[k]?.[1].startsWith('get')),
      label,
    });
    const json = readCiviJson(response, label);
    const entries = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    const results: Record<string, BatchResult> = {};
    for (const key of keys) {
      const callLabel = `${calls[key]?.[0]}.${calls[key]?.[1]}`;
      try {
        results[key] = { ok: true, values: rowsOf(response, entries[key], callLabel) };
      } catch (error) {
        results[key] = { ok: false, error: error as GatewayError };
      }
    }
    return results;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

function rowsOf(response: UpstreamResponse, value: unknown, label: string): CiviRow[] {
  const { values } = readEnvelope(value, label, response.status);
  // We never pass `index`, so values is a list; an object (keyed by index) is read as its rows.
  return Array.isArray(values) ? values : (Object.values(values) as CiviRow[]);
}
