// luxon gives every DateTime its own Locale object (about 470 bytes, two thirds of the instance).
// The gateway holds hundreds of thousands of DateTimes for as long as it runs — every cached
// record's times, every link's, every change's — all in the default locale. Pointing those at one
// shared Locale keeps each value and its behaviour and frees most of that memory; the bench:sync
// figures depend on it.
import { DateTime } from 'luxon';
import type { RemoteRecord } from './remote-record.js';

/** The one field of luxon's DateTime this touches (not in its typings): its Locale. */
interface LocaleHolder {
  loc: { equals(other: unknown): boolean };
}

const SHARED = DateTime.fromMillis(0, { zone: 'utc' }) as unknown as LocaleHolder;

/** Points the DateTime at the shared default Locale when its own is the same; returns it. */
export function shareLocale<T extends DateTime | null | undefined>(value: T): T {
  if (value instanceof DateTime) {
    const holder = value as unknown as LocaleHolder;
    if (holder.loc !== SHARED.loc && !Object.isFrozen(value) && holder.loc.equals(SHARED.loc)) holder.loc = SHARED.loc;
  }
  return value;
}

/** Shares the Locale of the DateTime values among the object's own fields; returns it. */
export function shareFieldLocales<T extends object>(data: T): T {
  for (const value of Object.values(data)) shareLocale(value as DateTime | null);
  return data;
}

/** Shares the Locale of the record's times and of the DateTime values in its data; returns it. */
export function shareRecordLocales<R extends RemoteRecord>(record: R): R {
  shareLocale(record.createdAt);
  shareLocale(record.modifiedAt);
  shareFieldLocales(record.data as object);
  return record;
}
