// Vtiger's error codes, declared once as a table, and turned into the gateway's GatewayError.
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { ErrorCode } from '../../src/errors/codes.js';
import type { VtigerErrorBody } from './raw.js';

/** Codes meaning "log in again": the session is unknown, expired or idle too long. */
export const SESSION_ERROR_CODES: ReadonlySet<string> = new Set([
  'INVALID_SESSIONID',
  'SESSION_EXPIRED',
  'SESSION_LEFT_IDLE',
  'AUTHENTICATION_REQUIRED',
]);

/**
 * Vtiger code → gateway code. Validation failures are the caller's input; ACCESS_DENIED is how a
 * real 8.2 answers a missing or deleted id (never RECORD_NOT_FOUND), so id operations pass
 * `accessDeniedMeansNotFound`; elsewhere it is a refusal.
 */
const CODE_TABLE: Readonly<Record<string, ErrorCode>> = {
  INVALID_SESSIONID: 'UPSTREAM_AUTH',
  SESSION_EXPIRED: 'UPSTREAM_AUTH',
  SESSION_LEFT_IDLE: 'UPSTREAM_AUTH',
  AUTHENTICATION_REQUIRED: 'UPSTREAM_AUTH',
  INVALID_AUTH_TOKEN: 'UPSTREAM_AUTH',
  ACCESSKEY_UNDEFINED: 'UPSTREAM_AUTH',
  INVALID_USER_CREDENTIALS: 'UPSTREAM_AUTH',
  ACCESS_DENIED: 'UPSTREAM_REJECTED',
  RECORD_NOT_FOUND: 'NOT_FOUND',
  INVALID_ID_ATTRIBUTE: 'NOT_FOUND',
  MANDATORY_FIELDS_MISSING: 'BAD_USER_INPUT',
  REFERENCE_INVALID: 'BAD_USER_INPUT',
  // "Duplicate(s) detected!" arrives with the integer code 0.
  '0': 'BAD_USER_INPUT',
  QUERY_SYNTAX_ERROR: 'UPSTREAM_REJECTED',
  UNKNOWN_OPERATION: 'UPSTREAM_REJECTED',
  INTERNAL_SERVER_ERROR: 'UPSTREAM_REJECTED',
  DATABASE_QUERY_ERROR: 'UPSTREAM_UNAVAILABLE',
};

export interface ErrorContext {
  /** Names the call, e.g. "retrieve 12x34"; never a secret. */
  label: string;
  accessDeniedMeansNotFound?: boolean;
}

export function vtigerError(body: VtigerErrorBody, context: ErrorContext): GatewayError {
  let code: ErrorCode = CODE_TABLE[body.code] ?? 'UPSTREAM_REJECTED';
  if (body.code === 'ACCESS_DENIED' && context.accessDeniedMeansNotFound) code = 'NOT_FOUND';
  return new GatewayError(code, `VTIGER ${context.label} failed: ${body.message} (${body.code})`, {
    system: 'VTIGER',
    upstreamCode: body.code,
    upstreamStatus: 200,
  });
}

/** An answer that is not the JSON envelope: HTTP 500 with an empty body for uncaught PHP errors, or an HTML page. */
export function unreadableAnswer(label: string, status: number, text: string): GatewayError {
  const what = text.trim() === '' ? 'an empty body' : `a non-JSON body starting ${JSON.stringify(text.trim().slice(0, 60))}`;
  return new GatewayError(
    status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'UPSTREAM_REJECTED',
    `VTIGER ${label} failed: expected the JSON envelope, but got HTTP ${status} with ${what}`,
    { system: 'VTIGER', upstreamStatus: status },
  );
}
