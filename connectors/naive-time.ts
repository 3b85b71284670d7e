// Converts the naive local date-times CRMs send (no offset; the site's zone is implied) to and
// from luxon DateTimes in UTC.
//
// DST: a local time that falls in a spring-forward gap does not exist; luxon moves it forward by
// the gap (02:30 → 03:30). A time in the fall-back overlap happens twice; we take the first
// (earlier, still daylight-saving) occurrence, as java.time and Temporal do by default. A naive
// string cannot say which was meant; it only matters for that one hour a year.
import { DateTime, IANAZone } from 'luxon';

export const NAIVE_FORMAT = 'yyyy-MM-dd HH:mm:ss';
export const COMPACT_FORMAT = 'yyyyMMddHHmmss';
const DATE_ONLY_FORMAT = 'yyyy-MM-dd';

export type NaiveStyle = 'naive' | 'compact';

/** Whether `zone` is an IANA zone name luxon can use ("UTC" included). */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Reads "YYYY-MM-DD HH:MM:SS", compact "YYYYMMDDHHMMSS" or a date-only "YYYY-MM-DD" (midnight) as
 * a local time in `zone`; returns it in UTC, or null for null, empty or unreadable input.
 */
export function naiveToUtc(value: string | null | undefined, zone: string): DateTime | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  const format = /^\d{14}$/.test(text) ? COMPACT_FORMAT : text.length === 10 ? DATE_ONLY_FORMAT : NAIVE_FORMAT;
  const parsed = DateTime.fromFormat(text, format, { zone });
  if (!parsed.isValid) return null;
  const [earliest] = parsed.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return (earliest ?? parsed).toUTC();
}

/** Writes `at` as the naive local time in `zone` that a CRM expects. */
export function utcToNaive(at: DateTime, zone: string, style: NaiveStyle = 'naive'): string {
  return at.setZone(zone).toFormat(style === 'compact' ? COMPACT_FORMAT : NAIVE_FORMAT);
}
