// Builds the executable schema from the type-graphql classes and resolvers.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ChangeResolver } from '../resolvers/change.resolver.js';
import { DonationWriteResolver } from '../resolvers/donation-write.resolver.js';
import { DonationResolver } from '../resolvers/donation.resolver.js';
import { IdentityLinkResolver } from '../resolvers/identity-link.resolver.js';
import { MatchCandidateResolver } from '../resolvers/match-candidate.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
import { OrganizationWriteResolver } from '../resolvers/organization-write.resolver.js';
import { OrganizationResolver } from '../resolvers/organization.resolver.js';
import { PendingWriteResolver } from '../resolvers/pending-write.resolver.js';
import { PersonWriteResolver } from '../resolvers/person-write.resolver.js';
import { PersonResolver } from '../resolvers/person.resolver.js';
import { SyncResolver } from '../resolvers/sync.resolver.js';
import { ownSubscribePubSub } from './own-subscribe-pubsub.js';

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      PersonResolver,
      OrganizationResolver,
      DonationResolver,
      PersonWriteResolver,
      OrganizationWriteResolver,
      DonationWriteResolver,
      PendingWriteResolver,
      MatchCandidateResolver,
      IdentityLinkResolver,
      ChangeResolver,
      SyncResolver,
    ],
    pubSub: ownSubscribePubSub,
    // Inputs are checked by the gateway's own validation, which names the field; class-validator is not used.
    validate: false,
  });
}
