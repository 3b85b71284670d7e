// Organization: an employer or group, merged from every CRM record linked to it.
import { Field, ObjectType } from 'type-graphql';
import { Contact } from '../shared/contact.type.js';
import { Node } from '../shared/node.interface.js';

// Emails, phones, addresses, sources and modifiedAt come from Contact; people and donations are
// declared by OrganizationResolver (they need arguments and loaders).
@ObjectType({ implements: Node })
export class Organization extends Contact {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  website!: string | null;
}
