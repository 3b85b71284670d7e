// Action Network ids: the uuid from `identifiers` ("action_network:<uuid>"), never the URL.
import { GatewayError } from '../../src/errors/gateway-error.js';

const PREFIX = 'action_network:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record's own uuid; a record without one cannot be addressed and is a mapping failure. */
export function actionNetworkId(record: { identifiers: readonly string[] }, what: string): string {
  const id = record.identifiers.find((identifier) => identifier.startsWith(PREFIX))?.slice(PREFIX.length);
  if (!id) {
    throw new GatewayError('MAPPING', `ACTION_NETWORK ${what} has no "${PREFIX}" identifier, but got: ${JSON.stringify(record.identifiers)}`, {
      system: 'ACTION_NETWORK',
    });
  }
  return id;
}

/** Whether `id` has the shape of an Action Network uuid; anything else cannot name a record there. */
export function isActionNetworkId(id: string): boolean {
  return UUID.test(id);
}

/** The last path segment of a HAL href (".../people/<uuid>" → uuid), or null when there is none. */
export function idFromHref(href: string | undefined): string | null {
  if (!href) return null;
  const segment = new URL(href, 'http://base.invalid').pathname.split('/').filter(Boolean).pop();
  return segment ? decodeURIComponent(segment) : null;
}

/** The href of a HAL relation, whether Action Network sent one link or a list of them. */
export function linkHref(links: Record<string, { href: string } | { href: string }[]> | undefined, rel: string): string | undefined {
  const link = links?.[rel];
  return Array.isArray(link) ? link[0]?.href : link?.href;
}
