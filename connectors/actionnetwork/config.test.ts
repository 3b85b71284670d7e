import { describe, expect, it } from 'vitest';
import { readActionNetworkConfig } from './config.js';

describe('readActionNetworkConfig', () => {
  it('is null when no token is set', () => {
    expect(readActionNetworkConfig({})).toBeNull();
  });

  it('defaults the URL, the documented 4 requests/s and the timeout; no fundraising page', () => {
    expect(readActionNetworkConfig({ ACTIONNETWORK_API_TOKEN: 'k' })).toEqual({
      url: 'https://actionnetwork.org/api/v2',
      apiToken: 'k',
      ratePerSecond: 4,
      fundraisingPage: null,
      timeoutMs: 15_000,
    });
  });

  it('reads every variable', () => {
    expect(
      readActionNetworkConfig({
        ACTIONNETWORK_API_TOKEN: 'k',
        ACTIONNETWORK_URL: 'http://127.0.0.1:9999/api/v2/',
        ACTIONNETWORK_RATE_LIMIT: '200',
        ACTIONNETWORK_FUNDRAISING_PAGE: '1EFC3644-AF25-4253-90B8-A0BAF12DBD1E',
        ACTIONNETWORK_TIMEOUT_MS: '2500',
      }),
    ).toEqual({ url: 'http://127.0.0.1:9999/api/v2', apiToken: 'k', ratePerSecond: 200, fundraisingPage: '1efc3644-af25-4253-90b8-a0baf12dbd1e', timeoutMs: 2500 });
  });

  it.each([
    [{ ACTIONNETWORK_URL: 'https://an.example/api/v2' }, 'ACTIONNETWORK_API_TOKEN must be set when ACTIONNETWORK_URL is set, but got: nothing'],
    [{ ACTIONNETWORK_API_TOKEN: 'k', ACTIONNETWORK_URL: 'ftp://x' }, 'ACTIONNETWORK_URL must be an http(s) URL, but got: "ftp://x"'],
    [{ ACTIONNETWORK_API_TOKEN: 'k', ACTIONNETWORK_RATE_LIMIT: '0' }, 'ACTIONNETWORK_RATE_LIMIT must be a positive whole number of requests per second, but got: "0"'],
    [{ ACTIONNETWORK_API_TOKEN: 'k', ACTIONNETWORK_RATE_LIMIT: '2.5' }, 'ACTIONNETWORK_RATE_LIMIT must be a positive whole number of requests per second, but got: "2.5"'],
    [{ ACTIONNETWORK_API_TOKEN: 'k', ACTIONNETWORK_FUNDRAISING_PAGE: 'General' }, 'ACTIONNETWORK_FUNDRAISING_PAGE must be a fundraising page uuid, but got: "General"'],
    [{ ACTIONNETWORK_API_TOKEN: 'k', ACTIONNETWORK_TIMEOUT_MS: 'soon' }, 'ACTIONNETWORK_TIMEOUT_MS must be a positive integer number of milliseconds up to 2147483647, but got: "soon"'],
  ])('refuses %o', (env, message) => {
    expect(() => readActionNetworkConfig(env)).toThrow(message);
    try {
      readActionNetworkConfig(env);
    } catch (err) {
      expect(err).toMatchObject({ code: 'CONFIG', system: 'ACTION_NETWORK' });
    }
  });
});
