// Samples the process's resident set size on a timer and keeps the peak.

export class RssSampler {
  private readonly timer: NodeJS.Timeout;
  private peakBytes = process.memoryUsage.rss();

  constructor(everyMs: number) {
    if (!Number.isInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer, but got: ${String(everyMs)}`);
    this.timer = setInterval(() => this.sample(), everyMs);
    // Sampling alone must not keep the benchmark alive.
    this.timer.unref();
  }

  /** Takes a sample now (also at the end, so a peak between the last tick and the end is not missed). */
  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakBytes) this.peakBytes = rss;
    return rss;
  }

  get peakMiB(): number {
    return this.peakBytes / 2 ** 20;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}
