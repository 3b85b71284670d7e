import { describe, expect, it } from 'vitest';
import { RateBudget, type BudgetClock } from './rate-budget.js';
import type { UpstreamResponse } from './upstream-http.js';

/** A clock that only moves when the test says so; sleepers wake in deadline order. */
class FakeClock implements BudgetClock {
  private time = 0;
  private sleepers: { until: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.sleepers.push({ until: this.time + ms, wake: resolve }));
  }

  /** Moves time forward to `until`, waking each sleeper at its deadline and letting it run. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await flush();
      this.sleepers.sort((a, b) => a.until - b.until);
      const next = this.sleepers[0];
      if (!next || next.until > until) break;
      this.sleepers.shift();
      this.time = next.until;
      next.wake();
    }
    this.time = until;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function response(status: number, headers: Record<string, string> = {}): UpstreamResponse {
  return { status, headers, text: '' };
}

/**
 * Starts `count` admissions and records the clock time at which each was granted; with `settleAfter`
 * each attempt's answer "comes back" that many ms after admission, otherwise never.
 */
function admitAll(budget: RateBudget, clock: FakeClock, count: number, settleAfter?: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    void budget.admit().then((settled) => {
      times.push(clock.now());
      if (settleAfter === 0) settled();
      else if (settleAfter !== undefined) void clock.sleep(settleAfter).then(settled);
    });
  }
  return times;
}

function mostInAnySecond(times: number[]): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
}

describe('RateBudget', () => {
  it('spaces admissions 1/N s apart and lets request j go a second after request j-N came back', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 4, clock });
    const times = admitAll(budget, clock, 9, 0);
    await clock.runUntil(5000);
    expect(times).toEqual([0, 250, 500, 750, 1001, 1251, 1501, 1751, 2002]);
    expect(mostInAnySecond(times)).toBe(4);
  });

  it('assumes an unanswered request may arrive up to transitMs after admission', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 2, transitMs: 300, clock });
    const outstanding = admitAll(budget, clock, 3);
    await clock.runUntil(5000);
    expect(outstanding).toEqual([0, 500, 1301]);
    const quick = new RateBudget({ ratePerSecond: 2, transitMs: 300, clock });
    const answered = admitAll(quick, clock, 3, 20);
    await clock.runUntil(10_000);
    expect(answered).toEqual([5000, 5500, 6021]);
  });

  it('never puts more than N into a second even when answers are slow', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 5, transitMs: 50, clock });
    const times = admitAll(budget, clock, 60, 700);
    await clock.runUntil(60_000);
    // Arrivals anywhere within transitMs of admission still leave every second at 5 or fewer.
    expect(mostInAnySecond(times.map((t, i) => t + (i % 2) * 50))).toBeLessThanOrEqual(5);
  });

  it('admits at once after an idle spell', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 4, clock });
    admitAll(budget, clock, 1, 0);
    await clock.runUntil(3000);
    const later = admitAll(budget, clock, 1, 0);
    await clock.runUntil(3000);
    expect(later).toEqual([3000]);
  });

  it('achieves at least 95 % of the limit over a long run on a quick link', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 4, clock });
    const times = admitAll(budget, clock, 400, 5);
    await clock.runUntil(200_000);
    expect(times).toHaveLength(400);
    const last = times[times.length - 1] ?? 0;
    // 399 intervals after the first admission: at exactly 4/s they would take 99.75 s.
    expect(399 / (last / 1000) / 4).toBeGreaterThanOrEqual(0.95);
    expect(mostInAnySecond(times)).toBe(4);
  });

  it('pauses every caller for the Retry-After of a 429', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 10, clock });
    budget.observe(response(429, { 'retry-after': '3' }));
    const times = admitAll(budget, clock, 2);
    await clock.runUntil(10_000);
    expect(times).toEqual([3000, 3100]);
  });

  it('fails callers at once with RATE_LIMITED, sending nothing, while a Retry-After beyond maxPauseMs runs', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 10, maxPauseMs: 30_000, system: 'ACTION_NETWORK', clock });
    budget.observe(response(429, { 'retry-after': '3600' }));
    await expect(budget.admit()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      system: 'ACTION_NETWORK',
      retryAfterMs: 3_600_000,
      message: 'ACTION_NETWORK asked to wait 3600 s more (Retry-After); not holding the request that long',
    });
    // Once the rest of the pause is short enough, callers wait it out and go when it ends.
    await clock.runUntil(3_600_000 - 20_000);
    const times = admitAll(budget, clock, 1);
    await clock.runUntil(3_700_000);
    expect(times).toEqual([3_600_000]);
  });

  it('doubles its pause for 429s in a row without Retry-After, and resets after a success', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ ratePerSecond: 10, basePauseMs: 100, clock });
    budget.observe(response(429));
    budget.observe(response(429));
    const first = admitAll(budget, clock, 1);
    await clock.runUntil(1000);
    expect(first).toEqual([200]);
    budget.observe(response(200));
    budget.observe(response(429));
    const second = admitAll(budget, clock, 1);
    await clock.runUntil(2000);
    expect(second).toEqual([1100]);
  });

  it('shares one budget per key and upstream, and the lower rate wins', () => {
    const a = RateBudget.forKey('http://an.test', 'key-1', { ratePerSecond: 4 });
    const b = RateBudget.forKey('http://an.test', 'key-1', { ratePerSecond: 10 });
    const other = RateBudget.forKey('http://an.test', 'key-2', { ratePerSecond: 4 });
    const elsewhere = RateBudget.forKey('http://other.test', 'key-1', { ratePerSecond: 4 });
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    expect(elsewhere).not.toBe(a);
    RateBudget.forKey('http://an.test', 'key-1', { ratePerSecond: 2 });
    expect(a.ratePerSecond).toBe(2);
  });

  it('rejects a rate that is not a positive integer', () => {
    expect(() => new RateBudget({ ratePerSecond: 0 })).toThrow('ratePerSecond must be a positive integer, but got: 0');
    expect(() => new RateBudget({ ratePerSecond: 2.5 })).toThrow('ratePerSecond must be a positive integer, but got: 2.5');
  });
});
