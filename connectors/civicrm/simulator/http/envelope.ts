// Builds APIv4 response bodies: the success envelope (exact key order) and the error shapes.
import { randomInt } from 'node:crypto';
import type { ActionResult } from '../actions/action-context.js';
import type { ApiError } from '../api-error.js';
import type { Caller } from '../civi-api.js';

/**
 * Observed key order: values, entity, action, debug, version, count, countFetched, then
 * countMatched only when `row_count` was selected — in which case count is the total too.
 */
export function successEnvelope(
  entity: string,
  action: string,
  result: ActionResult,
  values: unknown,
  debug: unknown,
): Record<string, unknown> {
  const fetched = result.values.length;
  return {
    values,
    entity,
    action,
    debug,
    version: 4,
    count: result.countMatched ?? fetched,
    countFetched: fetched,
    ...(result.countMatched !== undefined ? { countMatched: result.countMatched } : {}),
  };
}

/** The debug block a caller with "view debug output" gets when params has debug:true. */
export function debugInfo(action: string): Record<string, unknown> {
  return { actionClass: `Civi\\Api4\\Generic\\DAO${action.charAt(0).toUpperCase()}${action.slice(1)}Action` };
}

/**
 * Error bodies hold only error_code, error_message and status. The API key's user has
 * "view debug output" and sees the exception (error_code 0); anonymous callers get the
 * masked text with a random Error ID and error_code "1" as a string (observed).
 */
export function errorEnvelope(error: ApiError, caller: Caller): Record<string, unknown> {
  if (caller === 'anonymous') {
    return {
      error_code: '1',
      error_message: `Sorry an error occurred and your request was not completed. (Error ID: ${randomErrorId()})`,
      status: error.status,
    };
  }
  return { error_code: 0, error_message: error.message, status: error.status };
}

/** CRM_Api4_Page_AJAX's early rejections carry no `status` key. */
export function securityAlert(): Record<string, unknown> {
  return {
    error_code: 400,
    error_message: 'SECURITY ALERT: Ajax requests can only be issued by javascript clients, eg. CRM.api4().',
  };
}

export function getOnlyWrites(): Record<string, unknown> {
  return { error_code: 405, error_message: 'SECURITY: All requests that modify the database must be http POST, not GET.' };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomErrorId(): string {
  const group = (): string => Array.from({ length: 4 }, () => ID_ALPHABET.charAt(randomInt(ID_ALPHABET.length))).join('');
  return `${group()}-${group()}-${group()}`;
}
