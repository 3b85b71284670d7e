// AuthX as a real site runs it: X-Civi-Auth, Authorization or _authx bearer keys, the site-key guard, the CSRF gate.
import type { RequestInfo } from '../../../simulator/request-info.js';

export interface AuthSettings {
  readonly apiKey: string;
  /** When set, logins must present it (X-Civi-Key or _authxSiteKey) to pass the guard. */
  readonly siteKey?: string;
}

export type AuthOutcome =
  | { readonly kind: 'user'; readonly flow: 'xheader' | 'header' | 'param' }
  | { readonly kind: 'anonymous' }
  /** Answered `401 text/plain` with `HTTP 401 <message>` before CiviCRM's page runs. */
  | { readonly kind: 'rejected'; readonly message: string };

const INVALID = 'Invalid credential';
const GUARD = 'Login not permitted. Must satisfy guard (site_key, perm).';

/**
 * Flows are tried in AuthX's order: X-Civi-Auth, then Authorization, then the `_authx`
 * field. A present but wrong credential is a 401 whatever else the request carries.
 */
export function authenticate(request: RequestInfo, fields: URLSearchParams, settings: AuthSettings): AuthOutcome {
  const candidates: Array<[AuthOutcome & { kind: 'user' }, string | undefined]> = [
    [{ kind: 'user', flow: 'xheader' }, header(request, 'x-civi-auth')],
    [{ kind: 'user', flow: 'header' }, header(request, 'authorization')],
    [{ kind: 'user', flow: 'param' }, fields.get('_authx') ?? undefined],
  ];
  const found = candidates.find(([, credential]) => credential !== undefined && credential !== '');
  if (!found) return { kind: 'anonymous' };
  const [login, credential] = found;
  if (!acceptsBearer(credential as string, settings.apiKey)) return { kind: 'rejected', message: INVALID };
  if (settings.siteKey !== undefined) {
    // The simulated API user lacks "authenticate with api key", so only the site key satisfies the guard.
    const presented = header(request, 'x-civi-key') ?? fields.get('_authxSiteKey') ?? undefined;
    if (presented !== settings.siteKey) return { kind: 'rejected', message: GUARD };
  }
  return login;
}

/**
 * CRM_Utils_REST::isWebServiceRequest: an XHR header, or an AuthX login by xheader/param
 * (observed: a valid X-Civi-Auth works without X-Requested-With). An `Authorization:`
 * login is the `header` flow, which core does not list, so it still needs the XHR header.
 */
export function isWebServiceRequest(request: RequestInfo, auth: AuthOutcome): boolean {
  if (header(request, 'x-requested-with') === 'XMLHttpRequest') return true;
  return auth.kind === 'user' && auth.flow !== 'header';
}

/** Only API keys are known to the simulator: `Basic` and JWTs are invalid credentials. */
function acceptsBearer(credential: string, apiKey: string): boolean {
  const space = credential.indexOf(' ');
  if (space < 0) return false;
  return credential.slice(0, space).toLowerCase() === 'bearer' && credential.slice(space + 1).trim() === apiKey;
}

function header(request: RequestInfo, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
