// The change feed: `changes` as a subscription (replay after a cursor, then live) and as a query
// for polling clients; each event's object is loaded through the reader.
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ChangeEventConnection } from '../schema/change/change-event-connection.type.js';
import { ChangeEvent } from '../schema/change/change-event.type.js';
import { Donation } from '../schema/donation/donation.type.js';
import { EntityTypeEnum, SystemEnum } from '../schema/enums/system.enum.js';
import { Organization } from '../schema/organization/organization.type.js';
import { Person } from '../schema/person/person.type.js';
import type { Connection } from '../schema/shared/page-info.type.js';
import type { GatewayContext } from '../src/context.js';
import type { ChangeEntry } from '../src/events/change-log.js';
import type { DonationView, OrganizationView, PersonView } from '../src/graph/views.js';
import type { EntityType, System } from '../src/model/system.js';
import { changeSubscription, type ChangeSubscriptionArgs } from './change-subscription.js';

@Resolver(() => ChangeEvent)
export class ChangeResolver {
  @Subscription(() => ChangeEvent, {
    subscribe: ({ args, context }) => changeSubscription(args as ChangeSubscriptionArgs, context as GatewayContext),
    description:
      'Changes to unified objects. With `after`, first every change after that cursor in order, then live ones; without, live ones only. `systems` keeps changes that came from those CRMs (leaving out writes through the gateway).',
  })
  changes(
    @Root() entry: ChangeEntry,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
    @Arg('entities', () => [EntityTypeEnum], { nullable: true }) _entities?: EntityType[] | null,
    @Arg('systems', () => [SystemEnum], { nullable: true }) _systems?: System[] | null,
  ): ChangeEntry {
    return entry;
  }

  @Query(() => ChangeEventConnection, { name: 'changes', description: 'The change feed for polling clients: changes after `after`, oldest first.' })
  changePage(
    @Ctx() ctx: GatewayContext,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number | null,
    @Arg('entities', () => [EntityTypeEnum], { nullable: true }) entities?: EntityType[] | null,
    @Arg('systems', () => [SystemEnum], { nullable: true }) systems?: System[] | null,
  ): Connection<ChangeEntry> {
    const page = ctx.feed.page(after ?? null, first ?? 50, { entities: entities ?? null, systems: systems ?? null });
    return {
      edges: page.entries.map((node) => ({ cursor: node.cursor, node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.entries.at(-1)?.cursor ?? after ?? null },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person, as it is now; null when not a person or gone.' })
  person(@Root() entry: ChangeEntry, @Ctx() ctx: GatewayContext): Promise<PersonView | null> | null {
    return entry.entity === 'PERSON' ? ctx.reader.person(entry.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization, as it is now; null when not an organization or gone.' })
  organization(@Root() entry: ChangeEntry, @Ctx() ctx: GatewayContext): Promise<OrganizationView | null> | null {
    return entry.entity === 'ORGANIZATION' ? ctx.reader.organization(entry.id) : null;
  }

  @FieldResolver(() => Donation, { nullable: true, description: 'The donation, as it is now; null when not a donation or gone.' })
  donation(@Root() entry: ChangeEntry, @Ctx() ctx: GatewayContext): Promise<DonationView | null> | null {
    return entry.entity === 'DONATION' ? ctx.reader.donation(entry.id) : null;
  }
}
