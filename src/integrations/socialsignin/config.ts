// Reads and validates the SOCIALSIGNIN_* environment variables once, at start.
import { z } from 'zod';
import type { Env } from '../../../connectors/connector-module.js';
import { EnvVariables } from '../../env-variables.js';

export interface SocialSignInConfig {
  /** Shared secret the inbox signs its requests with (HMAC-SHA256 key). Never logged. */
  secret: string;
  /** How long after `expires` a request is still accepted, for clocks that disagree. */
  clockSkewSeconds: number;
}

export const SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS = 30;

const variables = new EnvVariables({
  SOCIALSIGNIN_SECRET: {
    doc: 'Shared secret of the SocialSignIn (Orlo) custom CRM integration; enables /integrations/socialsignin/search and /integrations/socialsignin/iframe',
    schema: z.string(),
    expects: 'a shared secret',
    secret: true,
    // Not trimmed: it must be byte-for-byte the key the inbox holds.
    verbatim: true,
  },
  SOCIALSIGNIN_CLOCK_SKEW_SECONDS: {
    doc: `Seconds a signed request is still accepted after its "expires" time (default ${SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS})`,
    schema: z.coerce.number().int().min(0),
    expects: 'a whole number of seconds from 0 up',
  },
});

export const SOCIALSIGNIN_VARIABLES = variables.docs;

/**
 * The integration's settings, or null when SOCIALSIGNIN_SECRET is unset (the routes then do not
 * exist). The clock skew is validated either way, so a typo stops the process at start.
 */
export function readSocialSignInConfig(env: Env): SocialSignInConfig | null {
  const clockSkewSeconds = variables.read(env, 'SOCIALSIGNIN_CLOCK_SKEW_SECONDS') ?? SOCIALSIGNIN_DEFAULT_CLOCK_SKEW_SECONDS;
  const secret = variables.read(env, 'SOCIALSIGNIN_SECRET');
  return secret === undefined ? null : { secret, clockSkewSeconds };
}
