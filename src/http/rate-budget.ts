// A per-API-key request budget: plugged into UpstreamHttp's `admit`/`observe` hooks, it keeps every
// caller that shares a key — reads, the indexer, writes — at or under N requests in any one-second window.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';
import { parseRetryAfter } from './retry-policy.js';
import { headerValue, type AttemptSettled, type UpstreamResponse } from './upstream-http.js';

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
   * Longest time a request is assumed to take to reach the server when its answer has not come
   * back yet (see the class comment). Larger is safer against slow links, smaller is faster.
   */
  transitMs?: number;
  /** Pause after a 429 without Retry-After; doubled for each 429 in a row, up to maxPauseMs. */
  basePauseMs?: number;
  /**
   * Longest pause a caller is held for. A Retry-After beyond it is still honoured (nothing is sent
   * before it runs out), but callers fail at once with RATE_LIMITED instead of hanging that long.
   */
  maxPauseMs?: number;
  /** Names the upstream in RATE_LIMITED errors. */
  system?: System;
  clock?: BudgetClock;
}

/** One admitted attempt: when it was let go, and when its answer came back (null: still out). */
interface Slot {
  admittedAt: number;
  settledAt: number | null;
}

/**
 * The server counts requests when they *arrive*, which is some time after the budget lets them go.
 * A request arrives no later than its answer comes back, so the budget remembers, for the last N
 * requests, when each was admitted and when it settled, and admits request j only once a full second
 * has passed since the latest moment at which request j-N (or any before it) can have arrived: its
 * settling time, or — while it is still out — its admission plus `transitMs`. On a quick link that
 * costs a few milliseconds per N requests (over 99 % of the limit) and cannot put N+1 arrivals into
 * one second however the requests are delayed on the way.
 *
 * Admissions are also spaced 1/N s apart: a token bucket (N at once, then refills) lets 2N-1 through
 * within one second, and even bursts of N bunch up behind the connection pool.
 */
export class RateBudget {
  private rate: number;
  private readonly transitMs: number;
  private readonly basePauseMs: number;
  private readonly maxPauseMs: number;
  private readonly clock: BudgetClock;
  private readonly system: System | undefined;
  /** The last `rate` admissions, oldest first. */
  private readonly slots: Slot[] = [];
  /** Latest possible arrival of every admission older than those in `slots`. */
  private horizon = 0;
  private lastAdmittedAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private rejectedInARow = 0;
  /** Admissions are granted one at a time, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  /** Resolved whenever an attempt settles, so a waiting admission can re-check at once. */
  private settledSignal: Promise<void>;
  private signalSettled: () => void = () => undefined;

  private static readonly shared = new Map<string, RateBudget>();

  constructor(options: RateBudgetOptions) {
    this.rate = RateBudget.checkedRate(options.ratePerSecond);
    // Not only the wire: a busy event loop (a first sync's pages, a garbage collection) can hold an
    // admitted request back before it is written, and a 100 ms allowance let five arrive in one
    // second under bench:sync. Answered requests need no allowance, so on a quick link this costs
    // nothing; an unanswered one holds the slot a second at most.
    const transitMs = options.transitMs ?? 1_000;
    if (!Number.isFinite(transitMs) || transitMs < 0) {
      throw new TypeError(`transitMs must be a non-negative number, but got: ${String(transitMs)}`);
    }
    this.transitMs = transitMs;
    this.basePauseMs = options.basePauseMs ?? 1000;
    this.maxPauseMs = options.maxPauseMs ?? 30_000;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.system = options.system;
    this.settledSignal = this.nextSignal();
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
      existing.tightenTo(RateBudget.checkedRate(options.ratePerSecond));
      return existing;
    }
    const budget = new RateBudget(options);
    RateBudget.shared.set(id, budget);
    return budget;
  }

  /** Resolves when one more request may be sent, to a function to call once its answer is back. */
  admit(): Promise<AttemptSettled> {
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
  hooks(): { admit: () => Promise<AttemptSettled>; observe: (response: UpstreamResponse) => void } {
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

  private async takeSlot(): Promise<AttemptSettled> {
    for (;;) {
      const now = this.clock.now();
      const ready = this.readyAt();
      if (now >= ready) return this.occupy(now);
      const paused = this.pausedUntil - now;
      if (paused > this.maxPauseMs) {
        const who = this.system ?? 'The upstream';
        throw new GatewayError('RATE_LIMITED', `${who} asked to wait ${Math.ceil(paused / 1000)} s more (Retry-After); not holding the request that long`, {
          ...(this.system === undefined ? {} : { system: this.system }),
          retryAfterMs: paused,
        });
      }
      // Wake at the deadline, or earlier when an attempt settles and may move the deadline forward.
      await Promise.race([this.clock.sleep(ready - now), this.settledSignal]);
    }
  }

  /** Earliest time the next request may go. */
  private readyAt(): number {
    let ready = Math.max(this.pausedUntil, this.lastAdmittedAt + 1000 / this.rate);
    if (this.slots.length >= this.rate) {
      // The new request is j; slots[0..length-rate] are j-N and older. One millisecond on top keeps
      // a server that counts "within the last second" inclusively from seeing N+1.
      const latest = Math.max(this.horizon, ...this.slots.slice(0, this.slots.length - this.rate + 1).map((slot) => this.arrivalBound(slot)));
      ready = Math.max(ready, latest + 1001);
    }
    return ready;
  }

  private occupy(now: number): AttemptSettled {
    const slot: Slot = { admittedAt: now, settledAt: null };
    this.slots.push(slot);
    this.lastAdmittedAt = now;
    while (this.slots.length > this.rate) {
      const dropped = this.slots.shift();
      if (dropped) this.horizon = Math.max(this.horizon, this.arrivalBound(dropped));
    }
    return () => {
      if (slot.settledAt !== null) return;
      slot.settledAt = this.clock.now();
      const signal = this.signalSettled;
      this.settledSignal = this.nextSignal();
      signal();
    };
  }

  private arrivalBound(slot: Slot): number {
    const latest = slot.admittedAt + this.transitMs;
    return slot.settledAt === null ? latest : Math.min(slot.settledAt, latest);
  }

  private nextSignal(): Promise<void> {
    return new Promise((resolve) => {
      this.signalSettled = resolve;
    });
  }

  /** Lowers the rate (never raises it): clients already holding this budget keep sharing it. */
  private tightenTo(ratePerSecond: number): void {
    if (ratePerSecond < this.rate) this.rate = ratePerSecond;
  }

  private static checkedRate(ratePerSecond: number): number {
    if (!Number.isInteger(ratePerSecond) || ratePerSecond < 1) {
      throw new TypeError(`ratePerSecond must be a positive integer, but got: ${String(ratePerSecond)}`);
    }
    return ratePerSecond;
  }
}
