// A small seeded pseudo-random generator (mulberry32): benchmarks draw the same data every run.

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, but got: ${String(seed)}`);
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick needs at least one item, but got an empty list');
    return items[this.int(items.length)] as T;
  }

  /** `count` distinct integers from [0, below), in drawing order (a partial Fisher–Yates shuffle). */
  sample(below: number, count: number): number[] {
    if (count > below) throw new RangeError(`sample needs count <= ${below}, but got: ${count}`);
    const pool = Array.from({ length: below }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + this.int(below - i);
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    return pool.slice(0, count);
  }
}
