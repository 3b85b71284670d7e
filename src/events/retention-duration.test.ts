import { describe, expect, it } from 'vitest';
import { parseRetentionDuration } from './retention-duration.js';

describe('parseRetentionDuration', () => {
  it('reads days, hours, minutes, seconds and plain milliseconds', () => {
    expect(parseRetentionDuration('7d')).toBe(7 * 86_400_000);
    expect(parseRetentionDuration('12h')).toBe(12 * 3_600_000);
    expect(parseRetentionDuration('30m')).toBe(1_800_000);
    expect(parseRetentionDuration('45s')).toBe(45_000);
    expect(parseRetentionDuration('250ms')).toBe(250);
    expect(parseRetentionDuration('86400000')).toBe(86_400_000);
  });

  it('refuses zero, negatives, fractions and unknown units', () => {
    for (const text of ['0', '0d', '-1d', '1.5h', '7 days', '1w', '', 'd']) expect(parseRetentionDuration(text), text).toBeNull();
  });
});
