// The unified fields that point at another object, and the input fields that set them.
import type { UnifiedField } from '../model/entities.js';
import type { EntityType } from '../model/system.js';

export interface ReferenceField {
  /** The entity the field points at. */
  target: EntityType;
  /** The mutation input's name for it. */
  input: string;
  /** A write without it cannot be made at all (a donation needs its donor). */
  required: boolean;
}

export const REFERENCE_FIELDS: { readonly [E in EntityType]: Partial<Record<UnifiedField<E>, ReferenceField>> } = {
  PERSON: { organizationRef: { target: 'ORGANIZATION', input: 'organizationId', required: false } },
  ORGANIZATION: {},
  DONATION: { donorRef: { target: 'PERSON', input: 'donorId', required: true } },
};

export function referenceField(entity: EntityType, field: string): ReferenceField | null {
  return (REFERENCE_FIELDS[entity] as Record<string, ReferenceField | undefined>)[field] ?? null;
}

/** The name the mutation input uses for a unified field (organizationRef → organizationId). */
export function inputFieldName(entity: EntityType, field: string): string {
  return referenceField(entity, field)?.input ?? field;
}

/** The unified ids a payload refers to (its reference fields' values). */
export function referencedIds(entity: EntityType, payload: object): string[] {
  return Object.entries(payload).flatMap(([field, value]) => (referenceField(entity, field) && typeof value === 'string' ? [value] : []));
}
