// createOrganization, updateOrganization: validated and fanned out by the write path.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { SystemEnum } from '../schema/enums/system.enum.js';
import { OrganizationInput } from '../schema/mutation/organization.input.js';
import { OrganizationWriteResult } from '../schema/mutation/write-result.type.js';
import type { GatewayContext } from '../src/context.js';
import type { System } from '../src/model/system.js';
import type { WriteResult } from '../src/writes/idempotency-keys.js';

async function organizationResult(ctx: GatewayContext, result: WriteResult): Promise<OrganizationWriteResult> {
  return { organization: await ctx.reader.organization(result.unifiedId), outcomes: result.outcomes };
}

@Resolver()
export class OrganizationWriteResolver {
  @Mutation(() => OrganizationWriteResult, { description: 'Creates the organization in every target CRM (default: every configured CRM that holds organizations).' })
  async createOrganization(
    @Arg('input', () => OrganizationInput) input: OrganizationInput,
    @Ctx() ctx: GatewayContext,
    @Arg('systems', () => [SystemEnum], { nullable: true }) systems?: System[] | null,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ): Promise<OrganizationWriteResult> {
    return organizationResult(ctx, await ctx.writes.createOrganization(input, systems, idempotencyKey));
  }

  @Mutation(() => OrganizationWriteResult, { description: 'Changes every record of the organization in the fields the input names.' })
  async updateOrganization(@Arg('id', () => ID) id: string, @Arg('input', () => OrganizationInput) input: OrganizationInput, @Ctx() ctx: GatewayContext): Promise<OrganizationWriteResult> {
    return organizationResult(ctx, await ctx.writes.updateOrganization(id, input));
  }
}
