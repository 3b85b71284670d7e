// Emails, phones and postal addresses as the graph shows them.
import { Field, ObjectType } from 'type-graphql';
import type { EmailStatus, PhoneKind } from '../../src/model/contact-points.js';
import { EmailStatusEnum, PhoneKindEnum } from '../enums/system.enum.js';

@ObjectType()
export class EmailAddress {
  @Field()
  address!: string;

  @Field()
  primary!: boolean;

  @Field(() => EmailStatusEnum)
  status!: EmailStatus;
}

@ObjectType()
export class PhoneNumber {
  @Field({ description: 'E.164 when parseable.' })
  number!: string;

  @Field(() => PhoneKindEnum)
  kind!: PhoneKind;

  @Field()
  primary!: boolean;
}

@ObjectType()
export class PostalAddress {
  @Field(() => [String])
  lines!: string[];

  @Field(() => String, { nullable: true })
  locality!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;

  @Field()
  primary!: boolean;
}
