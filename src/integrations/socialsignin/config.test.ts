import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error.js';
import { readSocialSignInConfig } from './config.js';

describe('readSocialSignInConfig', () => {
  it('is null (integration off) without a secret, blank counting as unset', () => {
    expect(readSocialSignInConfig({})).toBeNull();
    expect(readSocialSignInConfig({ SOCIALSIGNIN_SECRET: '' })).toBeNull();
    expect(readSocialSignInConfig({ SOCIALSIGNIN_SECRET: '   ' })).toBeNull();
  });

  it('keeps the secret byte for byte and defaults the clock skew to 30 s', () => {
    expect(readSocialSignInConfig({ SOCIALSIGNIN_SECRET: ' changeme! ' })).toEqual({ secret: ' changeme! ', clockSkewSeconds: 30 });
    expect(readSocialSignInConfig({ SOCIALSIGNIN_SECRET: 's', SOCIALSIGNIN_CLOCK_SKEW_SECONDS: '0' })).toEqual({ secret: 's', clockSkewSeconds: 0 });
    expect(readSocialSignInConfig({ SOCIALSIGNIN_SECRET: 's', SOCIALSIGNIN_CLOCK_SKEW_SECONDS: ' 120 ' })?.clockSkewSeconds).toBe(120);
  });

  it('names the variable and the value received for a wrong clock skew, secret set or not', () => {
    for (const secret of ['s3cret-value', undefined]) {
      for (const skew of ['soon', '-1', '1.5']) {
        let error: unknown;
        try {
          readSocialSignInConfig({ SOCIALSIGNIN_SECRET: secret, SOCIALSIGNIN_CLOCK_SKEW_SECONDS: skew });
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(GatewayError);
        expect((error as GatewayError).code).toBe('CONFIG');
        expect((error as GatewayError).message).toBe(
          `SOCIALSIGNIN_CLOCK_SKEW_SECONDS must be a whole number of seconds from 0 up, but got: ${JSON.stringify(skew)}`,
        );
        expect((error as GatewayError).message).not.toContain('s3cret-value');
      }
    }
  });
});
