// Opens the change stream for one `changes` subscription: validates its arguments, renews the
// per-request readers before each event, and closes a connection that falls too far behind.
import type { GatewayContext } from '../src/context.js';
import type { ChangeEntry } from '../src/events/change-log.js';
import type { EntityType, System } from '../src/model/system.js';

export interface ChangeSubscriptionArgs {
  after?: string | null;
  entities?: EntityType[] | null;
  systems?: System[] | null;
}

/** graphql-ws close code for a subscriber that fell too far behind (the 4xxx range is the application's). */
export const SUBSCRIBER_TOO_SLOW = 4429;

export function slowSubscriberReason(lastCursor: string | null): string {
  return lastCursor === null ? 'subscriber too slow; resume without after' : `subscriber too slow; resume with after=${lastCursor}`;
}

export function changeSubscription(args: ChangeSubscriptionArgs, ctx: GatewayContext): AsyncIterableIterator<ChangeEntry> {
  const stream = ctx.feed.stream({
    after: args.after ?? null,
    entities: args.entities ?? null,
    systems: args.systems ?? null,
    onOverflow: (lastCursor) => ctx.connection?.close(SUBSCRIBER_TOO_SLOW, slowSubscriberReason(lastCursor)),
  });
  // Not an async generator: its return() would wait for the pending next(), so a client that
  // leaves a quiet feed would stay subscribed until the next change.
  const events: AsyncIterableIterator<ChangeEntry> = {
    async next() {
      const result = await stream.next();
      // The operation's context lives as long as the subscription: fresh loaders per event, so
      // each event shows the objects as they are now, not as an earlier event loaded them.
      if (!result.done) ctx.renew();
      return result;
    },
    return: () => stream.return!(),
    [Symbol.asyncIterator]: () => events,
  };
  return events;
}
