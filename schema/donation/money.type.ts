// Money and a donation's designations.
import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Money {
  @Field({ description: 'Decimal string, e.g. "25.00".' })
  amount!: string;

  @Field({ description: 'ISO 4217.' })
  currency!: string;
}

@ObjectType()
export class Designation {
  @Field()
  name!: string;

  @Field(() => Money)
  amount!: Money;
}
