// The one error type the gateway raises; its `code` is the contract callers match on.
import type { System } from '../model/system.js';
import { RETRYABLE_CODES, type ErrorCode } from './codes.js';

export interface GatewayErrorOptions {
  /** The CRM involved, when there is one. */
  system?: System;
  /** Whether trying again later may succeed; defaults from the code. */
  retryable?: boolean;
  cause?: unknown;
  /** The GraphQL argument or input field that was wrong (BAD_USER_INPUT). */
  argument?: string;
  /** The CRM's own error code, e.g. Vtiger's ACCESS_DENIED or CiviCRM's error_code. */
  upstreamCode?: string;
  /** The upstream HTTP status, when an HTTP answer was received. */
  upstreamStatus?: number;
  /** How long the upstream asked us to wait before retrying (429 Retry-After), in ms. */
  retryAfterMs?: number;
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: ErrorCode;
  readonly system: System | undefined;
  readonly retryable: boolean;
  readonly argument: string | undefined;
  readonly upstreamCode: string | undefined;
  readonly upstreamStatus: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.system = options.system;
    this.retryable = options.retryable ?? RETRYABLE_CODES.has(code);
    this.argument = options.argument;
    this.upstreamCode = options.upstreamCode;
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterMs = options.retryAfterMs;
  }

  static badInput(argument: string, message: string): GatewayError {
    return new GatewayError('BAD_USER_INPUT', message, { argument });
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}
