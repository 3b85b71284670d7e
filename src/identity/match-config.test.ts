import { describe, expect, it } from 'vitest';
import { readMatchConfig } from './match-config.js';

describe('readMatchConfig', () => {
  it('defaults to sure 0.9, maybe 0.5, phones read in the US', () => {
    expect(readMatchConfig({})).toEqual({ thresholds: { sure: 0.9, maybe: 0.5 }, defaultPhoneRegion: 'US', externalIdFields: [] });
  });

  it('reads the three variables', () => {
    expect(readMatchConfig({ MATCH_SURE_SCORE: '0.95', MATCH_MAYBE_SCORE: ' 0.6 ', MATCH_DEFAULT_PHONE_REGION: 'GB' })).toMatchObject({
      thresholds: { sure: 0.95, maybe: 0.6 },
      defaultPhoneRegion: 'GB',
    });
    // A sure score under the default maybe pulls maybe down with it.
    expect(readMatchConfig({ MATCH_SURE_SCORE: '0.4' }).thresholds).toEqual({ sure: 0.4, maybe: 0.4 });
  });

  it('refuses wrong values, naming the variable', () => {
    expect(() => readMatchConfig({ MATCH_SURE_SCORE: '1.5' })).toThrow(expect.objectContaining({ code: 'CONFIG', message: 'MATCH_SURE_SCORE must be a number greater than 0 and at most 1, but got: "1.5"' }));
    expect(() => readMatchConfig({ MATCH_MAYBE_SCORE: '0' })).toThrow('MATCH_MAYBE_SCORE must be a number greater than 0 and at most 1, but got: "0"');
    expect(() => readMatchConfig({ MATCH_DEFAULT_PHONE_REGION: 'usa' })).toThrow('MATCH_DEFAULT_PHONE_REGION must be an ISO 3166-1 alpha-2 region such as US, but got: "usa"');
    expect(() => readMatchConfig({ MATCH_SURE_SCORE: '0.8', MATCH_MAYBE_SCORE: '0.85' })).toThrow('MATCH_MAYBE_SCORE must be at most MATCH_SURE_SCORE (0.8), but got: "0.85"');
  });
});
