// Prunes the change log on a schedule, so entries past the retention leave the store and memory
// while the gateway runs (ChangeLog.load prunes at start).
import type { Logger } from 'pino';
import type { ChangeLog } from './change-log.js';

// Often enough that the log overstays its retention by a tenth at most, never more often than
// once a second, and at least every 10 minutes.
const MAX_INTERVAL_MS = 600_000;
const MIN_INTERVAL_MS = 1_000;

export function pruneInterval(retentionMs: number): number {
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.floor(retentionMs / 10)));
}

/** Starts pruning `log` every pruneInterval(retention); returns a function that stops it. */
export function scheduleChangeLogPruning(log: ChangeLog, logger: Logger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = log.prune().then(
      (count) => {
        if (count > 0) logger.debug({ count }, 'pruned changes past the change log retention');
      },
      (err: unknown) => logger.warn({ err }, 'pruning the change log failed; it is retried on the next interval'),
    );
  }, pruneInterval(log.retentionMs));
  // The schedule alone must not keep the process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
