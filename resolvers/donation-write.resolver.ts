// createDonation: validated and fanned out by the write path.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SystemEnum } from '../schema/enums/system.enum.js';
import { DonationInput } from '../schema/mutation/donation.input.js';
import { DonationWriteResult } from '../schema/mutation/write-result.type.js';
import type { GatewayContext } from '../src/context.js';
import type { System } from '../src/model/system.js';

@Resolver()
export class DonationWriteResolver {
  @Mutation(() => DonationWriteResult, { description: "Records the donation in every target CRM that holds the donor (default: every configured CRM that can record donations)." })
  async createDonation(
    @Arg('input', () => DonationInput) input: DonationInput,
    @Ctx() ctx: GatewayContext,
    @Arg('systems', () => [SystemEnum], { nullable: true }) systems?: System[] | null,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ): Promise<DonationWriteResult> {
    const result = await ctx.writes.createDonation(input, systems, idempotencyKey);
    return { donation: await ctx.reader.donation(result.unifiedId), outcomes: result.outcomes };
  }
}
