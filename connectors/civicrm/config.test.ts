import { describe, expect, it } from 'vitest';
import { readCiviCrmConfig } from './config.js';

const base = { CIVICRM_URL: 'https://crm.example.org/civicrm/ajax/api4/', CIVICRM_API_KEY: 's3cret-key' };

describe('readCiviCrmConfig', () => {
  it('is null when CiviCRM is not configured', () => {
    expect(readCiviCrmConfig({})).toBeNull();
    expect(readCiviCrmConfig({ CIVICRM_URL: '', CIVICRM_API_KEY: '  ' })).toBeNull();
  });

  it('applies the defaults', () => {
    expect(readCiviCrmConfig(base)).toEqual({
      url: 'https://crm.example.org/civicrm/ajax/api4',
      apiKey: 's3cret-key',
      siteKey: null,
      timezone: 'UTC',
      defaultPhoneRegion: 'US',
      timeoutMs: 15000,
    });
  });

  it('reads every variable', () => {
    const config = readCiviCrmConfig({
      ...base,
      CIVICRM_SITE_KEY: 'site',
      CIVICRM_TIMEZONE: 'America/New_York',
      CIVICRM_DEFAULT_PHONE_REGION: 'GB',
      CIVICRM_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({ siteKey: 'site', timezone: 'America/New_York', defaultPhoneRegion: 'GB', timeoutMs: 2500 });
  });

  it('names the missing half of the URL/key pair', () => {
    expect(() => readCiviCrmConfig({ CIVICRM_URL: base.CIVICRM_URL })).toThrow('CIVICRM_API_KEY must be set when CIVICRM_URL is set, but got: nothing');
    expect(() => readCiviCrmConfig({ CIVICRM_API_KEY: 'k' })).toThrow('CIVICRM_URL must be set when CIVICRM_API_KEY is set, but got: nothing');
  });

  it('says what was expected and what was received, as a CONFIG error', () => {
    const cases: [Record<string, string>, string][] = [
      [{ CIVICRM_URL: 'crm.example.org' }, 'CIVICRM_URL must be an http(s) URL, but got: "crm.example.org"'],
      [{ CIVICRM_TIMEZONE: 'Mars/Olympus' }, 'CIVICRM_TIMEZONE must be an IANA time zone such as Europe/Berlin, but got: "Mars/Olympus"'],
      [{ CIVICRM_DEFAULT_PHONE_REGION: 'usa' }, 'CIVICRM_DEFAULT_PHONE_REGION must be an ISO 3166-1 alpha-2 region such as US, but got: "usa"'],
      [{ CIVICRM_TIMEOUT_MS: '-5' }, 'CIVICRM_TIMEOUT_MS must be a positive integer number of milliseconds up to 2147483647, but got: "-5"'],
      [{ CIVICRM_TIMEOUT_MS: '2147483648' }, 'CIVICRM_TIMEOUT_MS must be a positive integer number of milliseconds up to 2147483647, but got: "2147483648"'],
    ];
    for (const [env, message] of cases) {
      expect(() => readCiviCrmConfig({ ...base, ...env })).toThrow(expect.objectContaining({ code: 'CONFIG', system: 'CIVICRM', message }));
    }
  });

  it('never echoes a secret', () => {
    let message = '';
    try {
      readCiviCrmConfig({ ...base, CIVICRM_SITE_KEY: ' ', CIVICRM_URL: 'ftp://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('s3cret');
    expect(message).toContain('CIVICRM_URL');
  });
});
