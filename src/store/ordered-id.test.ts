import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { newestFirstKey, orderedId } from './ordered-id.js';

const T0 = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' });

describe('orderedId', () => {
  it('sorts by time, then in call order within one millisecond, and never repeats', () => {
    const ids = [orderedId('x_', T0), orderedId('x_', T0), orderedId('x_', T0.plus({ milliseconds: 1 })), orderedId('x_', T0.plus({ years: 30 }))];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set([...ids, orderedId('x_', T0)]).size).toBe(5);
  });

  it('has a newest-first key that sorts the other way round, over every digit', () => {
    const ids = Array.from({ length: 200 }, (_, i) => orderedId('run_', T0.plus({ milliseconds: i * 7_919_113 })));
    ids.push(orderedId('run_', T0), orderedId('run_', T0));
    const byKey = [...ids].sort((a, b) => (newestFirstKey(a) < newestFirstKey(b) ? -1 : 1));
    expect(byKey).toEqual([...ids].sort().reverse());
    expect(newestFirstKey('run_09az')).toBe('85c_zqp0');
  });
});
