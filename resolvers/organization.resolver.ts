// Organization queries and the fields that reach its people and their donations.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DonationConnection } from '../schema/donation/donation-connection.type.js';
import { OrganizationConnection } from '../schema/organization/organization-connection.type.js';
import { Organization } from '../schema/organization/organization.type.js';
import { PersonConnection } from '../schema/person/person-connection.type.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';
import type { DonationView, OrganizationView, PersonView } from '../src/graph/views.js';
import { toConnection } from './connection.js';
import { entityOfId } from './id-argument.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<OrganizationView | null> {
    return entityOfId(id) === 'ORGANIZATION' ? ctx.reader.organization(id) : null;
  }

  @Query(() => OrganizationConnection)
  organizations(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('name', () => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) name?: string | null,
  ): Promise<Connection<OrganizationView>> {
    return toConnection(ctx.directory.organizations(name, { first: first ?? 20, after }), (id) => ctx.reader.organization(id));
  }

  @FieldResolver(() => PersonConnection)
  people(
    @Root() organization: OrganizationView,
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<PersonView>> {
    return toConnection(ctx.directory.peopleOf(organization.id, { first: first ?? 20, after }), (id) => ctx.reader.person(id));
  }

  @FieldResolver(() => DonationConnection, { description: 'Donations given by the people of this organization.' })
  donations(
    @Root() organization: OrganizationView,
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<DonationView>> {
    return toConnection(ctx.directory.donationsOfOrganization(organization.id, { first: first ?? 20, after }), (id) => ctx.reader.donation(id));
  }
}
