// Samples the process's resident set size on a timer and keeps the peak, with how the process's
// memory was made up at that moment (V8 heap in use and reserved, and memory outside the heap).

const MiB = 2 ** 20;

export interface MemoryAtPeak {
  rssMiB: number;
  /** Live and not-yet-collected objects on V8's heap. */
  heapUsedMiB: number;
  /** What V8 has reserved for its heap. */
  heapTotalMiB: number;
  /** Buffers and other memory V8 objects hold outside the heap. */
  externalMiB: number;
  /** Seconds from the sampler's start to the peak. */
  atSecond: number;
}

export class RssSampler {
  private readonly timer: NodeJS.Timeout;
  private peak: NodeJS.MemoryUsage = process.memoryUsage();
  private peakAt = performance.now();
  private readonly startedAt = performance.now();

  constructor(everyMs: number) {
    if (!Number.isInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer, but got: ${String(everyMs)}`);
    this.timer = setInterval(() => this.sample(), everyMs);
    // Sampling alone must not keep the benchmark alive.
    this.timer.unref();
  }

  /** Takes a sample now (also at the end, so a peak between the last tick and the end is not missed). */
  sample(): number {
    const usage = process.memoryUsage();
    if (usage.rss > this.peak.rss) {
      this.peak = usage;
      this.peakAt = performance.now();
    }
    return usage.rss;
  }

  get peakMiB(): number {
    return this.peak.rss / MiB;
  }

  get atPeak(): MemoryAtPeak {
    const { rss, heapUsed, heapTotal, external } = this.peak;
    return { rssMiB: rss / MiB, heapUsedMiB: heapUsed / MiB, heapTotalMiB: heapTotal / MiB, externalMiB: external / MiB, atSecond: (this.peakAt - this.startedAt) / 1000 };
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}
