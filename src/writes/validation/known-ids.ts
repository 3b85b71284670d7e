// Checks that an id argument names an existing unified object of the expected entity.
import type { EntityType } from '../../model/system.js';
import type { IdentityIndex } from '../../store/identity-index.js';
import { parseUnifiedId, UNIFIED_ID_PREFIX } from '../../store/unified-id.js';
import { invalidInput } from './input-error.js';

export const ENTITY_NOUNS = {
  PERSON: { one: 'person', many: 'people' },
  ORGANIZATION: { one: 'organization', many: 'organizations' },
  DONATION: { one: 'donation', many: 'donations' },
} as const satisfies Record<EntityType, { one: string; many: string }>;

/** The id (the survivor's, when it was merged away); BAD_USER_INPUT naming `path` otherwise. */
export function knownId(identity: IdentityIndex, id: string, entity: EntityType, path: string): string {
  const known = parseUnifiedId(id)?.entity === entity ? identity.get(id) : null;
  if (!known) throw invalidInput(path, `the id of an existing ${ENTITY_NOUNS[entity].one} ("${UNIFIED_ID_PREFIX[entity]}_…")`, id);
  return known.id;
}
