// SyncConflict: one field changed in two or more CRMs since the last sync, to different values,
// and how the sync settled it.
import type { DateTime } from 'luxon';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { EntityType, System } from '../../src/model/system.js';
import type { ConflictRule } from '../../src/sync/sync-conflict.js';
import { EntityTypeEnum, SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionTypes } from '../shared/page-info.type.js';
import { ConflictRuleEnum } from './sync.enum.js';

@ObjectType({ description: "One CRM's side of a conflict." })
export class ConflictValue {
  @Field(() => SystemEnum, { description: 'The CRM this side comes from.' })
  system!: System;

  @Field({ description: "The CRM's id of its record." })
  remoteId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The field as that CRM held it, in unified form (references as unified ids, dates as ISO strings); null when it was empty.' })
  value!: unknown;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When that CRM last modified the record, as it reported; null when it does not say.' })
  modifiedAt!: DateTime | null;
}

@ObjectType({
  description:
    'A field of a unified object changed in two or more CRMs since the last sync, to different values. The winning value was written to the others; every side is kept here, so nothing is overwritten without a trace.',
})
export class SyncConflict {
  @Field(() => ID, { description: 'Sorts in the order conflicts were recorded.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the sync met and settled it.' })
  at!: DateTime;

  @Field(() => EntityTypeEnum, { description: 'The kind of object whose twins disagreed.' })
  entity!: EntityType;

  @Field(() => ID, { description: 'The unified object whose twins disagreed.' })
  unifiedId!: string;

  @Field({ description: 'The unified field name, e.g. givenName or emails.' })
  field!: string;

  @Field(() => [ConflictValue], { description: "Each side's value; every one of them changed since the last sync." })
  values!: ConflictValue[];

  @Field(() => SystemEnum, { description: 'The CRM whose value won and was written to the others.' })
  winner!: System;

  @Field(() => ConflictRuleEnum, { description: 'How the winner was chosen.' })
  rule!: ConflictRule;
}

export const SyncConflictConnection = connectionTypes(SyncConflict, 'SyncConflict');
