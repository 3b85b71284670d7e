// The simulator's enforcement of Action Network's per-key request limit, counted in a sliding second.

export interface RateWindowOptions {
  /** Requests allowed per API key in any one-second window; Action Network's is 4. */
  limit: number;
  now?: () => number;
}

/**
 * Counts accepted requests per key in a sliding window of one second; a request over the limit is
 * refused (429) and does not count. Keeps every acceptance time so tests and the benchmark can
 * measure the rate the server really saw.
 */
export class RateWindow {
  limit: number;
  private readonly now: () => number;
  private readonly recent = new Map<string, number[]>();
  /** Acceptance times of every request, all keys together, in order. */
  readonly accepted: number[] = [];
  rejected = 0;

  constructor(options: RateWindowOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`limit must be a positive integer, but got: ${String(options.limit)}`);
    }
    this.limit = options.limit;
    this.now = options.now ?? Date.now;
  }

  /** Records and accepts the request, or returns the seconds the caller should wait (Retry-After). */
  admit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - 1000);
    if (times.length >= this.limit) {
      this.recent.set(key, times);
      this.rejected++;
      const oldest = times[0] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 1000 - now) / 1000)) };
    }
    times.push(now);
    this.recent.set(key, times);
    this.accepted.push(now);
    return { ok: true };
  }

  /** The most requests accepted within any one-second window so far. */
  peakPerSecond(): number {
    let peak = 0;
    let start = 0;
    for (let end = 0; end < this.accepted.length; end++) {
      while ((this.accepted[end] ?? 0) - (this.accepted[start] ?? 0) >= 1000) start++;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  reset(): void {
    this.recent.clear();
    this.accepted.length = 0;
    this.rejected = 0;
  }
}
