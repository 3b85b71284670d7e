// GraphQL enums for the model's string unions; the values are the model's own, so no mapping is needed.
import { registerEnumType } from 'type-graphql';
import { EMAIL_STATUSES, PHONE_KINDS } from '../../src/model/contact-points.js';
import { ENTITY_TYPES, SYSTEMS } from '../../src/model/system.js';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SystemEnum = enumObject(SYSTEMS);
export const EntityTypeEnum = enumObject(ENTITY_TYPES);
export const EmailStatusEnum = enumObject(EMAIL_STATUSES);
export const PhoneKindEnum = enumObject(PHONE_KINDS);

registerEnumType(SystemEnum, { name: 'System', description: 'A CRM the gateway connects to.' });
registerEnumType(EntityTypeEnum, { name: 'EntityType' });
registerEnumType(EmailStatusEnum, { name: 'EmailStatus' });
registerEnumType(PhoneKindEnum, { name: 'PhoneKind' });
