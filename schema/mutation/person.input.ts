// PersonInput: a new person for createPerson, or a patch for updatePerson (absent fields are left alone).
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import type { PersonInputShape } from '../../src/writes/inputs.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { AddressInput, EmailInput, PhoneInput } from './contact-points.input.js';

@InputType()
export class PersonInput implements PersonInputShape {
  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => [EmailInput], { nullable: true, description: 'In an update: the whole list, replacing the old one.' })
  emails?: EmailInput[] | null;

  @Field(() => [PhoneInput], { nullable: true, description: 'In an update: the whole list, replacing the old one.' })
  phones?: PhoneInput[] | null;

  @Field(() => [AddressInput], { nullable: true, description: 'In an update: the whole list, replacing the old one.' })
  addresses?: AddressInput[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  languages?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'A JSON object.' })
  customFields?: unknown;

  @Field(() => ID, { nullable: true, description: 'The organization the person belongs to; null in an update removes it.' })
  organizationId?: string | null;
}
