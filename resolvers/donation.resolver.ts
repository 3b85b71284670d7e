// Donation queries and the donor field.
import type { DateTime } from 'luxon';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DonationConnection } from '../schema/donation/donation-connection.type.js';
import { Donation } from '../schema/donation/donation.type.js';
import { Person } from '../schema/person/person.type.js';
import { DateTimeScalar } from '../schema/scalars/date-time.scalar.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';
import type { DonationView, PersonView } from '../src/graph/views.js';
import { toConnection } from './connection.js';
import { entityOfId } from './id-argument.js';

@Resolver(() => Donation)
export class DonationResolver {
  @Query(() => Donation, { nullable: true })
  async donation(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<DonationView | null> {
    return entityOfId(id) === 'DONATION' ? ctx.reader.donation(id) : null;
  }

  @Query(() => DonationConnection, { description: 'Newest first.' })
  donations(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('since', () => DateTimeScalar, { nullable: true }) since?: DateTime | null,
  ): Promise<Connection<DonationView>> {
    return toConnection(ctx.directory.donations(since, { first: first ?? 20, after }), (id) => ctx.reader.donation(id));
  }

  @FieldResolver(() => Person, { nullable: true })
  donor(@Root() donation: DonationView, @Ctx() ctx: GatewayContext): Promise<PersonView | null> | null {
    return donation.donorId ? ctx.reader.person(donation.donorId) : null;
  }
}
