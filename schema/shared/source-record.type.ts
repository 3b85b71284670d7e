// Where a unified object came from: one CRM record.
import type { DateTime } from 'luxon';
import { Field, ObjectType } from 'type-graphql';
import type { System } from '../../src/model/system.js';
import { SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType()
export class SourceRecord {
  @Field(() => SystemEnum)
  system!: System;

  @Field({ description: 'The CRM\'s own id: CiviCRM contact id, Action Network uuid, Vtiger "12x34".' })
  remoteId!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: DateTime | null;

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedAt!: DateTime | null;
}
