// The stable error codes callers match on; the classes behind them are internal.
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_AUTH',
  'UPSTREAM_REJECTED',
  'RATE_LIMITED',
  'UNSUPPORTED',
  'MAPPING',
  'CONFIG',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes whose failure may pass by itself: a retry can succeed without anyone changing anything. */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set(['UPSTREAM_UNAVAILABLE', 'RATE_LIMITED']);
