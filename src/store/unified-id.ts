// Gateway ids: opaque to clients, typed by prefix, derived from the first record they linked.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityType, System } from '../model/system.js';

export const UNIFIED_ID_PREFIX = { PERSON: 'per', ORGANIZATION: 'org', DONATION: 'don' } as const satisfies Record<EntityType, string>;

const ENTITY_BY_PREFIX: ReadonlyMap<string, EntityType> = new Map(
  (Object.entries(UNIFIED_ID_PREFIX) as [EntityType, string][]).map(([entity, prefix]) => [prefix, entity]),
);

// RFC 4648 base32, lowercased: case-insensitive-safe, no padding, no look-alike punctuation.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const BODY_LENGTH = 20; // 100 bits of the hash
const UNIFIED_ID_PATTERN = /^(per|org|don)_([a-z2-7]{20})$/;

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/**
 * The id a record's new unified object gets: sha256 of `system:entity:remoteId`, so the demo (and a
 * rebuilt store) hands out the same ids. `attempt` > 0 derives an alternative when that id is taken
 * (the record was linked elsewhere before, or — 100 bits make it unlikely — a hash collision).
 */
export function deriveUnifiedId(entity: EntityType, system: System, remoteId: string, attempt = 0): string {
  const seed = `${system}:${entity}:${remoteId}${attempt === 0 ? '' : `#${attempt}`}`;
  return `${UNIFIED_ID_PREFIX[entity]}_${base32(createHash('sha256').update(seed).digest(), BODY_LENGTH)}`;
}

/**
 * A fresh random id, for an object the gateway creates itself (createPerson): it has no record yet
 * to derive one from, since every CRM's write may still be queued.
 */
export function newUnifiedId(entity: EntityType): string {
  return `${UNIFIED_ID_PREFIX[entity]}_${base32(randomBytes(16), BODY_LENGTH)}`;
}

/** The entity a well-formed unified id names, or null when the string is not a unified id. */
export function parseUnifiedId(id: string): { entity: EntityType } | null {
  const match = UNIFIED_ID_PATTERN.exec(id);
  const entity = match ? ENTITY_BY_PREFIX.get(match[1] as string) : undefined;
  return entity ? { entity } : null;
}
