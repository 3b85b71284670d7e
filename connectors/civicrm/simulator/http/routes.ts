// Maps a request path to an APIv4 route the way WordPress + CiviCRM resolve it.
import type { RequestInfo } from '../../../simulator/request-info.js';

export type Route =
  | { readonly kind: 'single'; readonly entity: string; readonly action: string }
  | { readonly kind: 'batch' }
  | { readonly kind: 'wp-admin' }
  | { readonly kind: 'not-found' };

const API4 = /^\/civicrm\/ajax\/api4(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/;
const FRONT_CONTROLLERS = ['/', '/index.php', '/civicrm', '/civicrm/'];

/**
 * Clean URLs (`/civicrm/ajax/api4/Contact/get`, trailing slash allowed) and the
 * front-controller form (`/?civiwp=CiviCRM&q=civicrm/ajax/api4/Contact/get`) both work
 * (observed); wp-admin needs a WordPress login cookie and redirects.
 */
export function route(request: RequestInfo): Route {
  if (request.path === '/wp-admin/admin.php') return { kind: 'wp-admin' };
  const q = request.query.get('q');
  const path = q !== null && FRONT_CONTROLLERS.includes(request.path) ? `/${q.replace(/^\/+/, '')}` : request.path;
  const match = API4.exec(path);
  if (!match) return { kind: 'not-found' };
  if (match[1] === undefined) return { kind: 'batch' };
  return { kind: 'single', entity: decodeURIComponent(match[1]), action: decodeURIComponent(match[2] ?? '') };
}

/** GET may only run `get*` and `autocomplete` actions (CRM_Api4_Page_AJAX). */
export function isReadAction(action: string): boolean {
  const lower = action.toLowerCase();
  return lower.startsWith('get') || lower === 'autocomplete';
}
