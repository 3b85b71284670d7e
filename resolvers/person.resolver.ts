// Person queries and the fields that reach other objects.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DonationConnection } from '../schema/donation/donation-connection.type.js';
import { Organization } from '../schema/organization/organization.type.js';
import { PersonConnection } from '../schema/person/person-connection.type.js';
import { PersonFilter } from '../schema/person/person-filter.input.js';
import { Person } from '../schema/person/person.type.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';
import type { DonationView, OrganizationView, PersonView } from '../src/graph/views.js';
import { toConnection } from './connection.js';
import { entityOfId } from './id-argument.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<PersonView | null> {
    return entityOfId(id) === 'PERSON' ? ctx.reader.person(id) : null;
  }

  @Query(() => PersonConnection)
  people(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter | null,
  ): Promise<Connection<PersonView>> {
    return toConnection(ctx.directory.people(filter, { first: first ?? 20, after }), (id) => ctx.reader.person(id));
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() person: PersonView, @Ctx() ctx: GatewayContext): Promise<OrganizationView | null> | null {
    return person.organizationId ? ctx.reader.organization(person.organizationId) : null;
  }

  @FieldResolver(() => DonationConnection)
  donations(
    @Root() person: PersonView,
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<DonationView>> {
    return toConnection(ctx.directory.donationsOf(person.id, { first: first ?? 20, after }), (id) => ctx.reader.donation(id));
  }
}
