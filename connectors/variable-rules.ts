// The value rules several CRMs' variables share, each with the expectation its error message quotes.
import { z } from 'zod';
import { MAX_TIMER_MS } from '../src/env-variables.js';
import { isValidZone } from './naive-time.js';
import { isRegionCode, type RegionCode } from './phone-numbers.js';

export const HTTP_URL = { schema: z.url({ protocol: /^https?$/ }), expects: 'an http(s) URL' };

export const IANA_ZONE = { schema: z.string().refine(isValidZone), expects: 'an IANA time zone such as Europe/Berlin' };

export const PHONE_REGION = {
  schema: z.custom<RegionCode>((value) => typeof value === 'string' && isRegionCode(value)),
  expects: 'an ISO 3166-1 alpha-2 region such as US',
};

// Node runs a timer longer than MAX_TIMER_MS after 1 ms, so a larger timeout would fire at once.
export const POSITIVE_MS = {
  schema: z.coerce.number().int().positive().max(MAX_TIMER_MS),
  expects: `a positive integer number of milliseconds up to ${MAX_TIMER_MS}`,
};
