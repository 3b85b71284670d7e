// VTIGER_* variables: off when unset, complete when set, and one clear line for a wrong value.
import { describe, expect, it } from 'vitest';
import { readVtigerConfig } from './config.js';

const base = { VTIGER_URL: 'https://crm.example.org/', VTIGER_USERNAME: 'api', VTIGER_ACCESS_KEY: 'k3y' };

describe('readVtigerConfig', () => {
  it('is null when Vtiger is not configured', () => {
    expect(readVtigerConfig({})).toBeNull();
  });

  it('reads the variables with their defaults, trimming the URL to the site base', () => {
    expect(readVtigerConfig({ ...base, VTIGER_URL: 'https://crm.example.org/webservice.php' })).toEqual({
      url: 'https://crm.example.org',
      username: 'api',
      accessKey: 'k3y',
      timezone: 'UTC',
      defaultPhoneRegion: 'US',
      timeoutMs: 15_000,
      deletionScanIntervalMs: 900_000,
    });
    expect(readVtigerConfig({ ...base, VTIGER_TIMEZONE: 'Europe/Berlin', VTIGER_DELETION_SCAN_INTERVAL_MS: '60000' })).toMatchObject({
      timezone: 'Europe/Berlin',
      deletionScanIntervalMs: 60_000,
    });
  });

  it('names the missing variable when only some are set', () => {
    expect(() => readVtigerConfig({ VTIGER_URL: base.VTIGER_URL, VTIGER_USERNAME: 'api' })).toThrow(
      'VTIGER_ACCESS_KEY must be set when any of VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY is set, but got: nothing',
    );
  });

  it('states the expectation and the value received, hiding the access key', () => {
    expect(() => readVtigerConfig({ ...base, VTIGER_URL: 'ftp://crm' })).toThrow('VTIGER_URL must be an http(s) URL, but got: "ftp://crm"');
    expect(() => readVtigerConfig({ ...base, VTIGER_TIMEZONE: 'Mars/Olympus' })).toThrow(
      'VTIGER_TIMEZONE must be an IANA time zone such as Europe/Berlin, but got: "Mars/Olympus"',
    );
    expect(() => readVtigerConfig({ ...base, VTIGER_TIMEOUT_MS: '0' })).toThrow('VTIGER_TIMEOUT_MS must be a positive integer number of milliseconds up to 2147483647, but got: "0"');
    try {
      readVtigerConfig({ ...base, VTIGER_ACCESS_KEY: ' ', VTIGER_USERNAME: '' });
    } catch (err) {
      expect(String(err)).not.toContain('k3y');
    }
  });

  it('throws CONFIG errors for the VTIGER system', () => {
    expect(() => readVtigerConfig({ ...base, VTIGER_DEFAULT_PHONE_REGION: 'XX' })).toThrow(expect.objectContaining({ code: 'CONFIG', system: 'VTIGER' }));
  });
});
