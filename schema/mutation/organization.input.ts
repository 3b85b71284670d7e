// OrganizationInput: a new organization, or a patch for updateOrganization (name is always given).
import { Field, InputType } from 'type-graphql';
import type { OrganizationInputShape } from '../../src/writes/inputs.js';
import { AddressInput, EmailInput, PhoneInput } from './contact-points.input.js';

@InputType()
export class OrganizationInput implements OrganizationInputShape {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => [EmailInput], { nullable: true })
  emails?: EmailInput[] | null;

  @Field(() => [PhoneInput], { nullable: true })
  phones?: PhoneInput[] | null;

  @Field(() => [AddressInput], { nullable: true })
  addresses?: AddressInput[] | null;
}
