// Turns a failure below HTTP (refused, reset, timed out) into the gateway's error taxonomy.
import { GatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // undici wraps connection failures; the useful code sits on the cause.
  return errorCode((err as { cause?: unknown }).cause);
}

export function transportError(system: System, err: unknown, what: string): GatewayError {
  const code = errorCode(err) ?? 'UNKNOWN';
  const reason = TIMEOUT_CODES.has(code) ? 'timed out' : `failed (${code})`;
  return new GatewayError('UPSTREAM_UNAVAILABLE', `${system} ${what} ${reason}`, {
    system,
    retryable: true,
    cause: err,
    upstreamCode: code,
  });
}
