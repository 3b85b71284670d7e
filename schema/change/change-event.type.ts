// ChangeEvent: one entry of the change log, as the change feed serves it. person, organization and
// donation are declared by ChangeResolver, which loads them.
import type { DateTime } from 'luxon';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ChangeOp } from '../../src/events/change-log.js';
import type { EntityType, System } from '../../src/model/system.js';
import { EntityTypeEnum, SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { ChangeOpEnum } from './change-op.enum.js';

@ObjectType({ description: 'A change to a unified object, in change-log order.' })
export class ChangeEvent {
  @Field({ description: 'Opaque and strictly increasing; pass it as `after` to resume after this change.' })
  cursor!: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway recorded the change.' })
  at!: DateTime;

  @Field(() => EntityTypeEnum)
  entity!: EntityType;

  @Field(() => ID, { description: 'The unified id; for MERGED, the object the others were merged into.' })
  id!: string;

  @Field(() => ChangeOpEnum)
  op!: ChangeOp;

  @Field(() => SystemEnum, { nullable: true, description: 'The CRM the change came from; null when it came through the gateway.' })
  origin!: System | null;

  @Field(() => [String], { description: 'Unified field names whose value changed (`sources` when linked records changed).' })
  changedFields!: readonly string[];

  @Field(() => [ID], { description: 'MERGED only: the ids merged into `id`, which now resolve to it; empty otherwise.' })
  mergedIds!: readonly string[];
}
