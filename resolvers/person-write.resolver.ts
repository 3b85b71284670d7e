// createPerson, updatePerson, deletePerson: validated and fanned out by the write path.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { SystemEnum } from '../schema/enums/system.enum.js';
import { PersonInput } from '../schema/mutation/person.input.js';
import { DeleteResult, PersonWriteResult } from '../schema/mutation/write-result.type.js';
import type { GatewayContext } from '../src/context.js';
import type { System } from '../src/model/system.js';
import type { WriteResult } from '../src/writes/idempotency-keys.js';

async function personResult(ctx: GatewayContext, result: WriteResult): Promise<PersonWriteResult> {
  return { person: await ctx.reader.person(result.unifiedId), outcomes: result.outcomes };
}

@Resolver()
export class PersonWriteResolver {
  @Mutation(() => PersonWriteResult, { description: 'Creates the person in every target CRM (default: every configured CRM that holds people).' })
  async createPerson(
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() ctx: GatewayContext,
    @Arg('systems', () => [SystemEnum], { nullable: true }) systems?: System[] | null,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ): Promise<PersonWriteResult> {
    return personResult(ctx, await ctx.writes.createPerson(input, systems, idempotencyKey));
  }

  @Mutation(() => PersonWriteResult, { description: 'Changes every record of the person in the fields the input names; absent fields are left alone.' })
  async updatePerson(@Arg('id', () => ID) id: string, @Arg('input', () => PersonInput) input: PersonInput, @Ctx() ctx: GatewayContext): Promise<PersonWriteResult> {
    return personResult(ctx, await ctx.writes.updatePerson(id, input));
  }

  @Mutation(() => DeleteResult, { description: 'Deletes every record of the person; where a CRM cannot delete (Action Network), unsubscribes it.' })
  async deletePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<DeleteResult> {
    const result = await ctx.writes.deletePerson(id);
    return { id: result.unifiedId, outcomes: result.outcomes };
  }
}
