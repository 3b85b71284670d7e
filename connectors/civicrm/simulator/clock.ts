// The simulator's notion of "now", replaceable by tests; only writes read it.

export class SimulatorClock {
  #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  /** Current instant in epoch milliseconds. */
  nowMs(): number {
    return this.#now().getTime();
  }

  /** Replace the clock: a function, or a fixed instant. */
  set(now: (() => Date) | Date): void {
    this.#now = now instanceof Date ? () => new Date(now.getTime()) : now;
  }
}
