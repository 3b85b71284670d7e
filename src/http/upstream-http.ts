// The HTTP transport every connector client uses: a keep-alive pool, timeouts, an optional
// admission gate (rate budget) and the connector's retry policy, applied to every call in one place.
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, errors, type Dispatcher } from 'undici';
import { GatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry-policy.js';
import { transportError } from './transport-error.js';

export interface UpstreamHttpOptions {
  system: System;
  /** Origin and base path, e.g. "https://crm.example.org/civicrm/ajax/api4". */
  baseUrl: string;
  /** Keep-alive connections per origin. */
  connections?: number;
  /** Time to wait for response headers, and between body chunks. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Awaited before every attempt (including retries): where a rate budget plugs in. It may resolve
   * to a function that is called once that attempt has its answer (or has failed), so the budget
   * knows by when the request must have reached the server.
   */
  admit?: () => Promise<void | AttemptSettled>;
  /** Told about every response, e.g. so a rate budget can back off after a 429. */
  observe?: (response: UpstreamResponse) => void;
}

/** Called once an admitted attempt has settled: a response arrived, or the transport failed. */
export type AttemptSettled = () => void;

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to the base URL's path, or an absolute URL on the same origin (HAL links). */
  path: string;
  query?: Record<string, string | number | undefined> | URLSearchParams;
  headers?: Record<string, string>;
  body?: string;
  /** Safe to send twice: reads. Writes are not retried on 5xx or timeouts, only on 429 (never processed). */
  idempotent: boolean;
  /** Names the call in errors and logs, e.g. "Contact.get"; never contains a secret. */
  label: string;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class UpstreamHttp {
  readonly system: System;
  readonly baseUrl: URL;
  private readonly agent: Agent;
  private readonly policy: RetryPolicy;
  private readonly options: UpstreamHttpOptions;
  private readonly timeoutMs: number;

  constructor(options: UpstreamHttpOptions) {
    this.options = options;
    this.system = options.system;
    this.baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    const timeout = options.timeoutMs ?? 15_000;
    this.timeoutMs = timeout;
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: 30_000,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connectTimeout: Math.min(timeout, 10_000),
    });
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Sends the request, retrying per policy; returns the last response whatever its status. */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = this.resolve(request);
    for (let attempt = 1; ; attempt++) {
      const settled = await this.options.admit?.();
      let response: UpstreamResponse;
      try {
        response = await this.attempt(url, request);
      } catch (err) {
        settled?.();
        if (request.idempotent && attempt < this.policy.maxAttempts) {
          await sleep(backoffDelay(this.policy, attempt));
          continue;
        }
        throw transportError(this.system, err, request.label);
      }
      settled?.();
      this.options.observe?.(response);
      const wait = this.retryWait(request, response, attempt);
      if (wait === undefined) return response;
      await sleep(wait);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private resolve(request: UpstreamRequest): URL {
    const url = new URL(request.path.replace(/^\//, ''), this.baseUrl);
    if (url.origin !== this.baseUrl.origin) {
      // A HAL link pointing elsewhere would send our credentials to another host.
      throw new GatewayError('UPSTREAM_REJECTED', `${this.system} ${request.label}: refusing to follow a link off ${this.baseUrl.origin}`, {
        system: this.system,
      });
    }
    const query = request.query instanceof URLSearchParams ? request.query : undefined;
    if (query) query.forEach((value, key) => url.searchParams.append(key, value));
    else if (request.query) {
      for (const [key, value] of Object.entries(request.query)) if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async attempt(url: URL, request: UpstreamRequest): Promise<UpstreamResponse> {
    const dispatched: Dispatcher.RequestOptions = {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers ?? {},
      body: request.body ?? null,
    };
    // undici checks headersTimeout with coarse "fast timers" (up to a second late), so a short
    // timeout would not fire in time; a native timer aborts the wait for headers on the dot.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new errors.HeadersTimeoutError()), this.timeoutMs);
    let res: Dispatcher.ResponseData;
    try {
      res = await this.agent.request({ ...dispatched, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  }

  /** How long to wait before trying again, or undefined when the response is final. */
  private retryWait(request: UpstreamRequest, response: UpstreamResponse, attempt: number): number | undefined {
    if (!this.policy.retryStatuses.includes(response.status)) return undefined;
    const rateLimited = response.status === 429;
    if (!rateLimited && !request.idempotent) return undefined;
    const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']));
    if (attempt >= this.policy.maxAttempts) {
      if (rateLimited) throw this.rateLimited(request, retryAfter);
      return undefined;
    }
    if (retryAfter !== undefined) {
      if (retryAfter > this.policy.maxRetryAfterMs) throw this.rateLimited(request, retryAfter);
      return retryAfter;
    }
    return backoffDelay(this.policy, attempt);
  }

  private rateLimited(request: UpstreamRequest, retryAfterMs: number | undefined): GatewayError {
    return new GatewayError('RATE_LIMITED', `${this.system} ${request.label} was rate limited (HTTP 429)`, {
      system: this.system,
      upstreamStatus: 429,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
