// Civi's date strings: naive site-local "YYYY-MM-DD HH:MM:SS", compact write-result form, and input parsing.
import { DateTime } from 'luxon';

const SQL_DATETIME = 'yyyy-MM-dd HH:mm:ss';

/** A TIMESTAMP column as MySQL shows it: the instant in the site zone, no offset. */
export function renderTimestamp(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toFormat(SQL_DATETIME);
}

/** "Now" as a naive DATETIME in the site zone (what MySQL NOW() stores for receive_date). */
export function naiveNow(epochMs: number, timeZone: string): string {
  return renderTimestamp(epochMs, timeZone);
}

/**
 * The form create/update results use (observed "receive_date":"20240315103000"): the
 * digits of the SQL string, padded to 14 for plain dates.
 */
export function compactDate(sqlValue: string): string {
  return sqlValue.replace(/\D/g, '').padEnd(14, '0');
}

/**
 * Parses a written date the way PHP's strtotime-based cleaning would: SQL, ISO 8601
 * (an explicit offset is converted to the site zone), compact YYYYMMDD[HHMMSS], "now".
 * Returns undefined when nothing matches.
 */
export function parseNaiveDate(input: string, timeZone: string, nowMs: number): DateTime | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (/^now$/i.test(text)) return DateTime.fromMillis(nowMs, { zone: timeZone });
  if (/^today$/i.test(text)) return DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  const compact = /^(\d{8})(\d{6})?$/.exec(text);
  const candidates = compact
    ? [DateTime.fromFormat(text, compact[2] ? 'yyyyMMddHHmmss' : 'yyyyMMdd', { zone: timeZone })]
    : [DateTime.fromSQL(text, { zone: timeZone }), DateTime.fromISO(text, { zone: timeZone })];
  return candidates.find((d) => d.isValid);
}

/** A DATE column value ("YYYY-MM-DD"), or undefined when unparseable. */
export function toSqlDate(input: string, timeZone: string, nowMs: number): string | undefined {
  return parseNaiveDate(input, timeZone, nowMs)?.toFormat('yyyy-MM-dd');
}

/** A DATETIME column value ("YYYY-MM-DD HH:MM:SS"), or undefined when unparseable. */
export function toSqlDatetime(input: string, timeZone: string, nowMs: number): string | undefined {
  return parseNaiveDate(input, timeZone, nowMs)?.toFormat(SQL_DATETIME);
}
