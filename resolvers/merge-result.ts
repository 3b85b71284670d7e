// Turns a merge outcome into the MergeResult clients get, with the survivor loaded.
import type { MergeResult } from '../schema/match/merge-result.type.js';
import type { Person } from '../schema/person/person.type.js';
import type { GatewayContext } from '../src/context.js';
import type { MergeOutcome } from '../src/identity/identity-curator.js';

export async function mergeResult(ctx: GatewayContext, outcome: MergeOutcome): Promise<MergeResult> {
  return { person: (await ctx.reader.person(outcome.survivorId)) as Person | null, mergedIds: outcome.mergedIds };
}
