// Builds the executable schema from the type-graphql classes and resolvers.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DonationResolver } from '../resolvers/donation.resolver.js';
import { IdentityLinkResolver } from '../resolvers/identity-link.resolver.js';
import { MatchCandidateResolver } from '../resolvers/match-candidate.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
import { OrganizationResolver } from '../resolvers/organization.resolver.js';
import { PersonResolver } from '../resolvers/person.resolver.js';

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [NodeResolver, PersonResolver, OrganizationResolver, DonationResolver, MatchCandidateResolver, IdentityLinkResolver],
    // Inputs are checked by the gateway's own validation, which names the field; class-validator is not used.
    validate: false,
  });
}
