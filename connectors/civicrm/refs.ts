// CiviCRM ids are integers; the gateway keeps remote ids as strings.
import { GatewayError } from '../../src/errors/gateway-error.js';

/** Whether a remote id can name a CiviCRM record at all; anything else is unknown without asking. */
export function isCiviId(value: string): boolean {
  return /^[1-9]\d{0,15}$/.test(value);
}

export function readRef(id: number | null): string | null {
  return id === null ? null : String(id);
}

export function writeRef(ref: string | null, field: string): number | null {
  if (ref === null) return null;
  if (!isCiviId(ref)) {
    throw new GatewayError('BAD_USER_INPUT', `${field} must be a CiviCRM contact id (a positive integer), but got: ${JSON.stringify(ref)}`, {
      system: 'CIVICRM',
      argument: field,
    });
  }
  return Number(ref);
}
