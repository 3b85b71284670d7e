// Durations as a person reads them in a terminal table: "850ms", "42s", "3m12s", "2h05m", "3d04h".

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Two units at most, the larger first, truncated rather than rounded so "59.9s" never reads as "1m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a duration must be a finite number of milliseconds from 0, but got: ${ms}`);
  if (ms < SECOND) return `${Math.floor(ms)}ms`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m${pad(Math.floor((ms % MINUTE) / SECOND))}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h${pad(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d${pad(Math.floor((ms % DAY) / HOUR))}h`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
