// Filters for the `people` list; all given conditions must hold.
import type { DateTime } from 'luxon';
import { Field, InputType } from 'type-graphql';
import type { System } from '../../src/model/system.js';
import { SystemEnum } from '../enums/system.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@InputType()
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Exact, case-insensitive.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the display name.' })
  name?: string | null;

  @Field(() => SystemEnum, { nullable: true, description: 'Only people with a record in this system.' })
  system?: System | null;

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedSince?: DateTime | null;
}
