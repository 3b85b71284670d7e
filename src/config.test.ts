import { describe, expect, it } from 'vitest';
import { readCoreConfig } from './config.js';

describe('readCoreConfig', () => {
  it('applies the documented defaults', () => {
    expect(readCoreConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      storeUrl: undefined,
      logLevel: 'info',
      syncIntervalMs: 60_000,
      readMaxAgeMs: undefined,
      apiKeys: [],
      mergePolicy: { fieldPriority: {} },
      changelogRetentionMs: 7 * 86_400_000,
    });
  });

  it('takes a blank value for unset, and trims the others', () => {
    expect(readCoreConfig({ PORT: '  ', HOST: ' ', LOG_LEVEL: ' debug ' })).toMatchObject({ port: 4000, host: '127.0.0.1', logLevel: 'debug' });
  });

  it('names the variable and the value received when a value is wrong', () => {
    expect(() => readCoreConfig({ PORT: 'eighty' })).toThrow('PORT must be an integer from 0 to 65535, but got: "eighty"');
    expect(() => readCoreConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, but got: "loud"',
    );
    expect(() => readCoreConfig({ SYNC_INTERVAL_MS: '-5' })).toThrow(/^SYNC_INTERVAL_MS must be/);
  });

  it('refuses a SYNC_INTERVAL_MS longer than a timer can wait (Node would run it after 1 ms, polling nonstop)', () => {
    expect(readCoreConfig({ SYNC_INTERVAL_MS: '2147483647' }).syncIntervalMs).toBe(2_147_483_647);
    expect(() => readCoreConfig({ SYNC_INTERVAL_MS: '2147483648' })).toThrow(
      'SYNC_INTERVAL_MS must be a whole number of milliseconds up to 2147483647 (0 = no background sync), but got: "2147483648"',
    );
  });

  it('reads the merge policy and rejects a malformed one naming the variable', () => {
    expect(readCoreConfig({ MERGE_FIELD_PRIORITY: 'addresses=CIVICRM' }).mergePolicy).toEqual({ fieldPriority: { addresses: ['CIVICRM'] } });
    expect(() => readCoreConfig({ MERGE_FIELD_PRIORITY: 'addresses' })).toThrow(
      'MERGE_FIELD_PRIORITY must be field=SYSTEM[,SYSTEM…] pairs separated by ";" (e.g. addresses=CIVICRM,VTIGER;phones=VTIGER), but got: "addresses"',
    );
  });

  it('reads CHANGELOG_RETENTION as a duration and names the variable when it is not one', () => {
    expect(readCoreConfig({ CHANGELOG_RETENTION: '12h' }).changelogRetentionMs).toBe(12 * 3_600_000);
    expect(readCoreConfig({ CHANGELOG_RETENTION: '90000' }).changelogRetentionMs).toBe(90_000);
    expect(() => readCoreConfig({ CHANGELOG_RETENTION: '1 week' })).toThrow(
      'CHANGELOG_RETENTION must be a positive duration: whole days, hours, minutes or seconds (`7d`, `12h`, `30m`, `45s`) or milliseconds (`86400000`), but got: "1 week"',
    );
  });

  it('refuses a non-loopback HOST without client API keys', () => {
    expect(() => readCoreConfig({ HOST: '0.0.0.0' })).toThrow(
      'HOST 0.0.0.0 is reachable from other machines, so GATEWAY_API_KEYS must be set; or bind HOST to 127.0.0.1',
    );
    expect(readCoreConfig({ HOST: '0.0.0.0', GATEWAY_API_KEYS: ' k1, k2 ,' }).apiKeys).toEqual(['k1', 'k2']);
    expect(readCoreConfig({ HOST: '::1' }).host).toBe('::1');
  });
});
