// Reads a CiviCRM APIv4 answer: the JSON body decides success or failure, not the status line,
// because WordPress sites send every API error with HTTP 200 and the real status in the body.
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { ErrorCode } from '../../src/errors/codes.js';
import type { UpstreamResponse } from '../../src/http/upstream-http.js';
import { civiEnvelope, civiErrorBody, type CiviEnvelope, type CiviErrorBody } from './raw.js';

const SYSTEM = 'CIVICRM';

function fail(code: ErrorCode, label: string, message: string, extra: { upstreamStatus?: number; upstreamCode?: string } = {}): GatewayError {
  return new GatewayError(code, `${SYSTEM} ${label} ${message}`, { system: SYSTEM, ...extra });
}

/** The status CiviCRM meant: the body's `status`, else a 400/405 `error_code`, else the HTTP status. */
function intendedStatus(body: CiviErrorBody, httpStatus: number): number {
  if (body.status !== undefined) return body.status;
  const code = Number(body.error_code);
  if (code === 400 || code === 403 || code === 405) return code;
  return httpStatus >= 400 ? httpStatus : 500;
}

/** An APIv4 error body (one call's, or a batch entry's) as a GatewayError. */
export function civiError(body: CiviErrorBody, label: string, httpStatus: number): GatewayError {
  const status = intendedStatus(body, httpStatus);
  const extra = { upstreamStatus: status, upstreamCode: String(body.error_code) };
  const said = `(${status}): ${body.error_message}`;
  if (status === 403) return fail('UPSTREAM_AUTH', label, `was refused for lack of permission ${said}`, extra);
  if (status === 503) return fail('UPSTREAM_UNAVAILABLE', label, `is unavailable (maintenance?) ${said}`, extra);
  return fail('UPSTREAM_REJECTED', label, `was rejected ${said}`, extra);
}

export function isCiviErrorBody(value: unknown): value is CiviErrorBody {
  return (
    typeof value === 'object' && value !== null && !('values' in value) && civiErrorBody.safeParse(value).success
  );
}

/**
 * The parsed JSON of a response that CiviCRM answered as an API; throws for authentication
 * failures, non-JSON answers (a PHP fatal's HTML page, a CMS 404) and top-level error bodies.
 */
export function readCiviJson(response: UpstreamResponse, label: string): unknown {
  const { status, text } = response;
  // AuthX answers before the CMS runs, so a 401 is a real status with a text/plain reason.
  if (status === 401) throw fail('UPSTREAM_AUTH', label, `was not authenticated (401): ${text.slice(0, 200)}`, { upstreamStatus: 401 });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const upstream = { upstreamStatus: status };
    // A WordPress admin URL redirects to its login page; a CMS without the API route says 404.
    if (status >= 300 && status < 400) throw fail('UPSTREAM_REJECTED', label, `was redirected (${status}); CIVICRM_URL must be the APIv4 endpoint`, upstream);
    if (status === 404) throw fail('UPSTREAM_REJECTED', label, 'found no APIv4 endpoint (404); check CIVICRM_URL', upstream);
    throw fail('UPSTREAM_UNAVAILABLE', label, `answered HTTP ${status} with a body that is not JSON`, upstream);
  }
  if (isCiviErrorBody(json)) throw civiError(json, label, status);
  return json;
}

/** One call's envelope; throws for an error body or a shape that is not an APIv4 result. */
export function readEnvelope(value: unknown, label: string, httpStatus: number): CiviEnvelope {
  if (isCiviErrorBody(value)) throw civiError(value, label, httpStatus);
  const parsed = civiEnvelope.safeParse(value);
  if (!parsed.success) {
    throw fail('UPSTREAM_UNAVAILABLE', label, `answered with JSON that is not an APIv4 result: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}
