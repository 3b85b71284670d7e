import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isValidZone, naiveToUtc, utcToNaive } from './naive-time.js';

const iso = (value: DateTime | null) => value?.toISO() ?? null;

describe('naiveToUtc', () => {
  it('reads the naive, compact and date-only forms in the given zone', () => {
    expect(iso(naiveToUtc('2024-03-15 10:30:00', 'America/New_York'))).toBe('2024-03-15T14:30:00.000Z');
    expect(iso(naiveToUtc('20240315103000', 'America/New_York'))).toBe('2024-03-15T14:30:00.000Z');
    expect(iso(naiveToUtc('2024-03-15', 'Europe/Berlin'))).toBe('2024-03-14T23:00:00.000Z');
    expect(iso(naiveToUtc('2024-03-15 10:30:00', 'UTC'))).toBe('2024-03-15T10:30:00.000Z');
  });

  it('uses the offset in force on that date (DST)', () => {
    expect(iso(naiveToUtc('2024-01-15 12:00:00', 'America/New_York'))).toBe('2024-01-15T17:00:00.000Z');
    expect(iso(naiveToUtc('2024-07-15 12:00:00', 'America/New_York'))).toBe('2024-07-15T16:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward and takes the first of a repeated hour', () => {
    expect(iso(naiveToUtc('2024-03-10 02:30:00', 'America/New_York'))).toBe('2024-03-10T07:30:00.000Z');
    expect(iso(naiveToUtc('2024-11-03 01:30:00', 'America/New_York'))).toBe('2024-11-03T05:30:00.000Z');
  });

  it('returns null for missing or unreadable values', () => {
    expect(naiveToUtc(null, 'UTC')).toBeNull();
    expect(naiveToUtc(undefined, 'UTC')).toBeNull();
    expect(naiveToUtc('', 'UTC')).toBeNull();
    expect(naiveToUtc('yesterday', 'UTC')).toBeNull();
    expect(naiveToUtc('2024-02-30 10:00:00', 'UTC')).toBeNull();
  });
});

describe('utcToNaive', () => {
  it('writes the local wall time in both styles', () => {
    const at = DateTime.fromISO('2024-07-15T16:00:00Z', { zone: 'utc' });
    expect(utcToNaive(at, 'America/New_York')).toBe('2024-07-15 12:00:00');
    expect(utcToNaive(at, 'America/New_York', 'compact')).toBe('20240715120000');
    expect(utcToNaive(at, 'UTC')).toBe('2024-07-15 16:00:00');
  });

  it('round-trips every hour across both DST changes', () => {
    for (const start of ['2024-03-09T00:00:00Z', '2024-11-02T00:00:00Z']) {
      for (let h = 0; h < 72; h++) {
        const at = DateTime.fromISO(start, { zone: 'utc' }).plus({ hours: h });
        const local = utcToNaive(at, 'America/New_York');
        const back = naiveToUtc(local, 'America/New_York');
        // Only the repeated fall-back hour is ambiguous; it reads as its first occurrence.
        expect(back?.toMillis() === at.toMillis() || back?.toMillis() === at.minus({ hours: 1 }).toMillis()).toBe(true);
        if (!local.startsWith('2024-11-03 01:')) expect(iso(back)).toBe(at.toISO());
      }
    }
  });
});

describe('isValidZone', () => {
  it('accepts IANA names and UTC, rejects others', () => {
    expect(isValidZone('America/New_York')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });
});
