// GraphQL enums for the model's string unions; the values are the model's own, so no mapping is needed.
import { registerEnumType } from 'type-graphql';
import { EMAIL_STATUSES, PHONE_KINDS } from '../../src/model/contact-points.js';
import { ENTITY_TYPES, SYSTEMS } from '../../src/model/system.js';
import { enumObject } from './enum-object.js';

export const SystemEnum = enumObject(SYSTEMS);
export const EntityTypeEnum = enumObject(ENTITY_TYPES);
export const EmailStatusEnum = enumObject(EMAIL_STATUSES);
export const PhoneKindEnum = enumObject(PHONE_KINDS);

registerEnumType(SystemEnum, { name: 'System', description: 'A CRM the gateway connects to.' });
registerEnumType(EntityTypeEnum, { name: 'EntityType' });
registerEnumType(EmailStatusEnum, { name: 'EmailStatus' });
registerEnumType(PhoneKindEnum, { name: 'PhoneKind' });
