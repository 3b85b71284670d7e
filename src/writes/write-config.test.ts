import { describe, expect, it } from 'vitest';
import { readWriteConfig } from './write-config.js';

describe('readWriteConfig', () => {
  it('defaults to phones read in the US and retries from 1 s up to 5 min apart', () => {
    expect(readWriteConfig({})).toEqual({ defaultPhoneRegion: 'US', backoff: { baseDelayMs: 1_000, maxDelayMs: 300_000 } });
  });

  it('reads the three variables', () => {
    expect(readWriteConfig({ WRITE_DEFAULT_PHONE_REGION: 'GB', OUTBOX_RETRY_BASE_MS: '500', OUTBOX_RETRY_MAX_MS: ' 60000 ' })).toEqual({
      defaultPhoneRegion: 'GB',
      backoff: { baseDelayMs: 500, maxDelayMs: 60_000 },
    });
    // A base over the default maximum lifts the maximum with it.
    expect(readWriteConfig({ OUTBOX_RETRY_BASE_MS: '600000' }).backoff).toEqual({ baseDelayMs: 600_000, maxDelayMs: 600_000 });
  });

  it('refuses wrong values, naming the variable', () => {
    expect(() => readWriteConfig({ WRITE_DEFAULT_PHONE_REGION: 'UK' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: 'WRITE_DEFAULT_PHONE_REGION must be an ISO 3166-1 alpha-2 region such as US, but got: "UK"' }),
    );
    expect(() => readWriteConfig({ OUTBOX_RETRY_BASE_MS: '0' })).toThrow('OUTBOX_RETRY_BASE_MS must be a positive integer number of milliseconds up to 2147483647, but got: "0"');
    // Longer than a timer can wait: Node would retry after 1 ms instead.
    expect(() => readWriteConfig({ OUTBOX_RETRY_MAX_MS: '2147483648' })).toThrow('OUTBOX_RETRY_MAX_MS must be a positive integer number of milliseconds up to 2147483647, but got: "2147483648"');
    expect(() => readWriteConfig({ OUTBOX_RETRY_BASE_MS: '2000', OUTBOX_RETRY_MAX_MS: '1000' })).toThrow('OUTBOX_RETRY_MAX_MS must be at least OUTBOX_RETRY_BASE_MS (2000), but got: "1000"');
  });
});
