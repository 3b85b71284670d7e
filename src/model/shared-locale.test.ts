import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { shareLocale, shareRecordLocales } from './shared-locale.js';

const locOf = (value: DateTime) => (value as unknown as { loc: unknown }).loc;

describe('shareLocale', () => {
  it('points default-locale DateTimes at one Locale without changing what they say', () => {
    const a = DateTime.fromISO('2026-03-29T01:30:00', { zone: 'Europe/Berlin' });
    const b = DateTime.fromMillis(1_795_359_046_123, { zone: 'utc' });
    const before = [a.toISO(), a.toFormat('cccc d LLLL yyyy HH:mm ZZZZ'), b.toISO(), b.toMillis()];
    expect(locOf(a)).not.toBe(locOf(b));
    shareLocale(a);
    shareLocale(b);
    expect(locOf(a)).toBe(locOf(b));
    expect([a.toISO(), a.toFormat('cccc d LLLL yyyy HH:mm ZZZZ'), b.toISO(), b.toMillis()]).toEqual(before);
    expect(a.plus({ hours: 1 }).toISO()).toBe('2026-03-29T03:30:00.000+02:00');
  });

  it('leaves a DateTime in another locale alone', () => {
    const french = DateTime.fromMillis(0, { zone: 'utc', locale: 'fr' });
    const own = locOf(french);
    shareLocale(french);
    expect(locOf(french)).toBe(own);
    expect(french.toFormat('LLLL')).toBe('janvier');
  });

  it('shares a record’s times and the DateTimes in its data', () => {
    const record = shareRecordLocales({
      system: 'VTIGER' as const,
      entity: 'DONATION' as const,
      remoteId: '9x1',
      createdAt: DateTime.utc(),
      modifiedAt: null,
      data: { amount: { amount: '1.00', currency: 'USD' }, receivedAt: DateTime.fromISO('2026-01-01T00:00:00Z'), donorRef: null, designations: [], recurring: false },
    });
    expect(locOf(record.createdAt!)).toBe(locOf(record.data.receivedAt));
  });
});
