// DonationInput: a gift by a known person.
import type { DateTime } from 'luxon';
import { Field, ID, InputType } from 'type-graphql';
import type { DonationInputShape } from '../../src/writes/inputs.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DesignationInput, MoneyInput } from './money.input.js';

@InputType()
export class DonationInput implements DonationInputShape {
  @Field(() => ID)
  donorId!: string;

  @Field(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: now.' })
  receivedAt?: DateTime | null;

  @Field(() => [DesignationInput], { nullable: true, description: 'In the donation\'s currency, adding up to at most its amount.' })
  designations?: DesignationInput[] | null;

  @Field(() => Boolean, { nullable: true })
  recurring?: boolean | null;
}
