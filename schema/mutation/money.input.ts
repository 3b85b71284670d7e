// Money and designations as createDonation takes them.
import { Field, InputType } from 'type-graphql';
import type { DesignationInputShape, MoneyInputShape } from '../../src/writes/inputs.js';

@InputType()
export class MoneyInput implements MoneyInputShape {
  @Field({ description: 'Decimal string greater than 0, at most the currency\'s minor digits (e.g. "25.00").' })
  amount!: string;

  @Field({ description: 'ISO 4217.' })
  currency!: string;
}

@InputType()
export class DesignationInput implements DesignationInputShape {
  @Field()
  name!: string;

  @Field(() => MoneyInput)
  amount!: MoneyInput;
}
