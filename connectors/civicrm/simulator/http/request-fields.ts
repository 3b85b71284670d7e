// PHP's $_REQUEST for a simulated request: query string, overlaid by a form-encoded POST body.
import { CriticalError } from '../api-error.js';
import type { RequestInfo } from '../../../simulator/request-info.js';

/**
 * PHP only parses a POST body into $_POST when it is x-www-form-urlencoded (or
 * multipart, which the simulator does not read); a JSON body is ignored, so its params
 * are simply absent — the same surprise a client gets from a real site.
 */
export function requestFields(request: RequestInfo): URLSearchParams {
  const fields = new URLSearchParams(request.query);
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (request.method !== 'GET' && type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body)) fields.set(key, value);
  }
  return fields;
}

/**
 * Decodes a JSON request field (`params`, `calls`). Absent or empty is `{}` (observed);
 * undecodable JSON, or JSON that is not an array/object, is a PHP TypeError in Civi,
 * which WordPress answers with its HTML "critical error" page (observed).
 */
export function jsonField(fields: URLSearchParams, name: string): Record<string, unknown> {
  const text = fields.get(name);
  if (text === null || text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CriticalError(`${name} is not valid JSON`);
  }
  if (value === null || typeof value !== 'object') throw new CriticalError(`${name} must decode to an array`);
  return value as Record<string, unknown>;
}
