// Emails, phones and postal addresses as mutations take them.
import { Field, InputType } from 'type-graphql';
import type { EmailStatus, PhoneKind } from '../../src/model/contact-points.js';
import type { AddressInputShape, EmailInputShape, PhoneInputShape } from '../../src/writes/inputs.js';
import { EmailStatusEnum, PhoneKindEnum } from '../enums/system.enum.js';

@InputType()
export class EmailInput implements EmailInputShape {
  @Field()
  address!: string;

  @Field(() => Boolean, { nullable: true, description: 'Default: the first email is the primary one.' })
  primary?: boolean | null;

  @Field(() => EmailStatusEnum, { nullable: true, description: 'Default SUBSCRIBED.' })
  status?: EmailStatus | null;
}

@InputType()
export class PhoneInput implements PhoneInputShape {
  @Field({ description: 'Any spelling; without a country code it is read in the address country or the default region. Stored as E.164.' })
  number!: string;

  @Field(() => PhoneKindEnum, { nullable: true, description: 'Default OTHER.' })
  kind?: PhoneKind | null;

  @Field(() => Boolean, { nullable: true })
  primary?: boolean | null;
}

@InputType()
export class AddressInput implements AddressInputShape {
  @Field(() => [String], { nullable: true })
  lines?: string[] | null;

  @Field(() => String, { nullable: true })
  locality?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => Boolean, { nullable: true })
  primary?: boolean | null;
}
