// SIGINT / SIGTERM as an AbortSignal: a long `sync` stops at the first one and closes cleanly; a
// second one finds no listener left and ends the process the default way. A reader of stdout that
// goes away (`| head`) stops it the same way, as SIGPIPE.

export type StopSignalName = 'SIGINT' | 'SIGTERM';

/** Where the signals arrive: the process, or an EventEmitter in tests. */
export interface SignalSource {
  once(signal: StopSignalName, listener: () => void): unknown;
  off(signal: StopSignalName, listener: () => void): unknown;
}

/** Why the command stops: a signal, or SIGPIPE for a closed stdout (Node ignores the real SIGPIPE). */
export type StopReason = StopSignalName | 'SIGPIPE';

const SIGNAL_NUMBERS: Readonly<Record<StopReason, number>> = { SIGINT: 2, SIGPIPE: 13, SIGTERM: 15 };

export class StopRequest {
  private readonly controller = new AbortController();
  private received: StopReason | null = null;
  private readonly listeners: [StopSignalName, () => void][];

  constructor(private readonly source: SignalSource | null) {
    this.listeners = (['SIGINT', 'SIGTERM'] as const).map((name) => [name, () => this.request(name)]);
    for (const [name, listener] of this.listeners) source?.once(name, listener);
  }

  /** Aborts at the first signal. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): StopReason | null {
    return this.received;
  }

  /** What a shell expects of a command a signal ended: 128 + the signal's number. */
  get exitCode(): number {
    return this.received === null ? 0 : 128 + SIGNAL_NUMBERS[this.received];
  }

  dispose(): void {
    for (const [name, listener] of this.listeners) this.source?.off(name, listener);
  }

  request(name: StopReason): void {
    if (this.received !== null) return;
    this.received = name;
    this.dispose();
    this.controller.abort();
  }
}
