// Prunes the change log (and the conflict log, kept as long) on a schedule, so entries past the
// retention leave the store and memory while the gateway runs (their load prunes at start).
import type { Logger } from 'pino';

/** A log that drops what is older than its retention. */
export interface PrunableLog {
  readonly retentionMs: number;
  prune(): Promise<number>;
}

// Often enough that the log overstays its retention by a tenth at most, never more often than
// once a second, and at least every 10 minutes.
const MAX_INTERVAL_MS = 600_000;
const MIN_INTERVAL_MS = 1_000;

export function pruneInterval(retentionMs: number): number {
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.floor(retentionMs / 10)));
}

/** Starts pruning `log` every pruneInterval(retention); returns a function that stops it. `what` names it in the log. */
export function scheduleChangeLogPruning(log: PrunableLog, logger: Logger, what = 'change log'): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = log.prune().then(
      (count) => {
        if (count > 0) logger.debug({ count }, `pruned entries past the ${what} retention`);
      },
      (err: unknown) => logger.warn({ err }, `pruning the ${what} failed; it is retried on the next interval`),
    );
  }, pruneInterval(log.retentionMs));
  // The schedule alone must not keep the process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
