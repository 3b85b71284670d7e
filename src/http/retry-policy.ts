// When an upstream call is tried again, and how long to wait: declared per connector, executed by UpstreamHttp.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before the n-th retry: min(maxDelayMs, baseDelayMs * 2^(n-1)), with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** HTTP statuses worth another try for requests that are safe to repeat. */
  retryStatuses: readonly number[];
  /**
   * A Retry-After longer than this is not waited out: the call fails with RATE_LIMITED and the
   * caller (the outbox, the next sync run) tries later instead of holding a request open.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  retryStatuses: [429, 500, 502, 503, 504],
  maxRetryAfterMs: 30_000,
};

/** Milliseconds to wait before retry number `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date; returns ms from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
