import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration-text.js';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [1_000, '1s'],
    [59_999, '59s'],
    [60_000, '1m00s'],
    [192_000, '3m12s'],
    [3_600_000, '1h00m'],
    [2 * 3_600_000 + 5 * 60_000 + 59_000, '2h05m'],
    [86_400_000, '1d00h'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d04h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses a negative or infinite duration, saying what it got', () => {
    expect(() => formatDuration(-1)).toThrow('a duration must be a finite number of milliseconds from 0, but got: -1');
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow('but got: Infinity');
  });
});
