// type-graphql asks for a PubSub as soon as the schema has a subscription, even when every
// subscription brings its own `subscribe` — ours do: the change feed streams from the change log
// (see resolvers/change-subscription.ts). This one refuses topics, so a @Subscription declared
// with `topics` fails at once instead of never firing.
import type { PubSub } from 'type-graphql';
import { GatewayError } from '../src/errors/gateway-error.js';

function refuse(routingKey: string): never {
  throw new GatewayError('INTERNAL', `subscriptions must declare their own subscribe function, but one used the topic ${JSON.stringify(routingKey)}`);
}

export const ownSubscribePubSub: PubSub = {
  publish: (routingKey) => refuse(routingKey),
  subscribe: (routingKey) => refuse(routingKey),
};
