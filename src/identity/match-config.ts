// Reads and validates the twin matcher's MATCH_* environment variables once, at start.
import { z } from 'zod';
import type { Env } from '../../connectors/connector-module.js';
import { PHONE_REGION } from '../../connectors/variable-rules.js';
import { EnvVariables } from '../env-variables.js';
import { DEFAULT_MATCH_THRESHOLDS } from './match-thresholds.js';
import type { TwinMatching } from './twin-resolver.js';

const SCORE = { schema: z.coerce.number().gt(0).max(1), expects: 'a number greater than 0 and at most 1' };

const variables = new EnvVariables({
  MATCH_DEFAULT_PHONE_REGION: {
    doc: 'ISO 3166-1 alpha-2 region the twin matcher reads a phone number in when it has no country code and the person no address country (default US).',
    ...PHONE_REGION,
  },
  MATCH_SURE_SCORE: {
    doc: `Twin-match score (0–1) from which a new record is linked to a known person automatically (default ${DEFAULT_MATCH_THRESHOLDS.sure}).`,
    ...SCORE,
  },
  MATCH_MAYBE_SCORE: {
    doc: `Twin-match score from which, below MATCH_SURE_SCORE, the pair is kept as a match candidate for review instead (default ${DEFAULT_MATCH_THRESHOLDS.maybe}).`,
    ...SCORE,
  },
});

export const MATCH_VARIABLES = variables.docs;

export function readMatchConfig(env: Env): TwinMatching {
  const sure = variables.read(env, 'MATCH_SURE_SCORE') ?? DEFAULT_MATCH_THRESHOLDS.sure;
  const maybe = variables.read(env, 'MATCH_MAYBE_SCORE') ?? Math.min(DEFAULT_MATCH_THRESHOLDS.maybe, sure);
  if (maybe > sure) {
    throw variables.error(`MATCH_MAYBE_SCORE must be at most MATCH_SURE_SCORE (${sure}), but got: ${JSON.stringify(env['MATCH_MAYBE_SCORE'])}`);
  }
  return {
    thresholds: { sure, maybe },
    defaultPhoneRegion: variables.read(env, 'MATCH_DEFAULT_PHONE_REGION') ?? 'US',
    externalIdFields: [],
  };
}
