// Reads and validates the SOCIALSIGNIN_* environment variables once, at start.
import { z } from 'zod';
import type { Env } from '../../../connectors/connector-module.js';
import { GatewayError } from '../../errors/gateway-error.js';

export interface SocialSignInConfig {
  /** Shared secret the inbox signs its requests with (HMAC-SHA256 key). Never logged. */
  secret: string;
  /** How long after `expires` a request is still accepted, for clocks that disagree. */
  clockSkewSeconds: number;
}

export const SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS = 30;

export const SOCIALSIGNIN_VARIABLES = {
  SOCIALSIGNIN_SECRET:
    'Shared secret of the SocialSignIn (Orlo) custom CRM integration; enables /integrations/socialsignin/search and /integrations/socialsignin/iframe',
  SOCIALSIGNIN_CLOCK_SKEW_SECONDS: `Seconds a signed request is still accepted after its "expires" time (default ${SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS})`,
} as const;

const clockSkew = z.coerce.number().int().min(0);

function present(env: Env, name: keyof typeof SOCIALSIGNIN_VARIABLES): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The integration's settings, or null when SOCIALSIGNIN_SECRET is unset (the routes then do not
 * exist). The clock skew is validated either way, so a typo stops the process at start.
 */
export function readSocialSignInConfig(env: Env): SocialSignInConfig | null {
  const rawSkew = present(env, 'SOCIALSIGNIN_CLOCK_SKEW_SECONDS');
  let clockSkewSeconds = SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS;
  if (rawSkew !== undefined) {
    const parsed = clockSkew.safeParse(rawSkew.trim());
    if (!parsed.success) {
      throw new GatewayError(
        'CONFIG',
        `SOCIALSIGNIN_CLOCK_SKEW_SECONDS must be a whole number of seconds from 0 up, but got: ${JSON.stringify(rawSkew)}`,
      );
    }
    clockSkewSeconds = parsed.data;
  }
  // The secret is taken as given (no trimming): it must be byte-for-byte the key the inbox holds.
  const secret = present(env, 'SOCIALSIGNIN_SECRET');
  return secret === undefined ? null : { secret, clockSkewSeconds };
}
