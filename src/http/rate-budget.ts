// A per-API-key request budget: plugged into UpstreamHttp's `admit`/`observe` hooks, it keeps every
// caller that shares a key — reads, the indexer, writes — at or under N requests in any one-second window.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRetryAfter } from './retry-policy.js';
import { headerValue, type UpstreamResponse } from './upstream-http.js';

/** Time as the budget sees it; tests pass a fake one so nothing depends on the wall clock. */
export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: BudgetClock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

export interface RateBudgetOptions {
  /** Requests allowed in any window of one second; a positive integer. */
  ratePerSecond: number;
  /**
   * Added to the one-second window. Admission happens a moment before the request reaches the
   * server, and that moment varies (event-loop turns, a new connection); the margin absorbs it so
   * the rate the server counts never exceeds the limit. 25 ms keeps the achieved rate above 97 %.
   */
  marginMs?: number;
  /** Pause after a 429 without Retry-After; doubled for each 429 in a row, up to maxPauseMs. */
  basePauseMs?: number;
  maxPauseMs?: number;
  clock?: BudgetClock;
}

/**
 * Why even spacing and not a token bucket: a bucket of N tokens refilled at N/s lets 2N-1 requests
 * through within one second (a full bucket, then the refill), which a server counting "requests in
 * the last second" answers with 429. Even bursts of N at a time are fragile: a burst larger than the
 * connection pool queues in the client and reaches the server spread out, so its tail and the next
 * burst fall into one server-side second. Admitting one request every (1 s + margin) / N never puts
 * more than N into any second, and keeps the requests in flight few.
 */
export class RateBudget {
  private rate: number;
  private readonly windowMs: number;
  private readonly basePauseMs: number;
  private readonly maxPauseMs: number;
  private readonly clock: BudgetClock;
  /** Earliest time the next request may be admitted. */
  private nextSlot = 0;
  private pausedUntil = 0;
  private rejectedInARow = 0;
  /** Admissions are granted one at a time, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;

  private static readonly shared = new Map<string, RateBudget>();

  constructor(options: RateBudgetOptions) {
    const { ratePerSecond } = options;
    if (!Number.isInteger(ratePerSecond) || ratePerSecond < 1) {
      throw new TypeError(`ratePerSecond must be a positive integer, but got: ${String(ratePerSecond)}`);
    }
    const marginMs = options.marginMs ?? 25;
    if (!Number.isFinite(marginMs) || marginMs < 0) {
      throw new TypeError(`marginMs must be a non-negative number, but got: ${String(marginMs)}`);
    }
    this.rate = ratePerSecond;
    this.windowMs = 1000 + marginMs;
    this.basePauseMs = options.basePauseMs ?? 1000;
    this.maxPauseMs = options.maxPauseMs ?? 30_000;
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /**
   * The one budget for `apiKey` at `upstream` (an origin: the same key at two servers is two
   * budgets). Every client built for that key gets the same instance, so their requests add up
   * against one limit. The key is hashed: the registry never holds a secret. When callers disagree
   * on the rate, the lower one wins — the one budget must satisfy the strictest of them.
   */
  static forKey(upstream: string, apiKey: string, options: RateBudgetOptions): RateBudget {
    const id = `${upstream}\u0000${createHash('sha256').update(apiKey).digest('hex')}`;
    const existing = RateBudget.shared.get(id);
    if (existing) {
      existing.tightenTo(options.ratePerSecond);
      return existing;
    }
    const budget = new RateBudget(options);
    RateBudget.shared.set(id, budget);
    return budget;
  }

  /** Resolves when one more request may be sent. */
  admit(): Promise<void> {
    this.waiting++;
    const turn = this.queue.then(() => this.takeSlot());
    this.queue = turn.catch(() => undefined);
    return turn.finally(() => {
      this.waiting--;
    });
  }

  /** Backs off after a 429 (Retry-After when given, else a doubling pause); any other answer ends the streak. */
  observe(response: UpstreamResponse): void {
    if (response.status !== 429) {
      this.rejectedInARow = 0;
      return;
    }
    this.rejectedInARow++;
    const now = this.clock.now();
    const asked = parseRetryAfter(headerValue(response.headers['retry-after']), now);
    const pause = asked ?? Math.min(this.maxPauseMs, this.basePauseMs * 2 ** (this.rejectedInARow - 1));
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
  }

  /** The hooks to hand to UpstreamHttp. */
  hooks(): { admit: () => Promise<void>; observe: (response: UpstreamResponse) => void } {
    return { admit: () => this.admit(), observe: (response) => this.observe(response) };
  }

  /** Requests allowed in any one-second window. */
  get ratePerSecond(): number {
    return this.rate;
  }

  /** Requests waiting for admission right now (for metrics and tests). */
  get queued(): number {
    return this.waiting;
  }

  private async takeSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(this.pausedUntil, this.nextSlot) - now;
      if (wait <= 0) {
        this.nextSlot = now + this.windowMs / this.rate;
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /** Lowers the rate (never raises it): clients already holding this budget keep sharing it. */
  private tightenTo(ratePerSecond: number): void {
    if (!Number.isInteger(ratePerSecond) || ratePerSecond < 1) {
      throw new TypeError(`ratePerSecond must be a positive integer, but got: ${String(ratePerSecond)}`);
    }
    if (ratePerSecond >= this.rate) return;
    this.rate = ratePerSecond;
  }
}
