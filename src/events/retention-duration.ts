// CHANGELOG_RETENTION: how long the change log (and the conflict log) keep an entry, read as `7d`,
// `12h`, `30m`, `45s` or a whole number of milliseconds, and checked where a log is opened.
import { GatewayError } from '../errors/gateway-error.js';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const PATTERN = /^(\d+)(d|h|m|s|ms)?$/;

/** The duration in ms, or null when the text is not a positive duration in that format. */
export function parseRetentionDuration(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 'ms') as keyof typeof UNIT_MS];
  return Number.isSafeInteger(ms) && ms > 0 ? ms : null;
}

/** The retention a log was given, checked: a positive whole number of ms (throws CONFIG otherwise). */
export function checkedRetention(retentionMs: number): number {
  if (!Number.isInteger(retentionMs) || retentionMs <= 0) {
    throw new GatewayError('CONFIG', `retentionMs must be a positive whole number of milliseconds, but got: ${String(retentionMs)}`);
  }
  return retentionMs;
}
