// SyncRunCounts: what one sync run did, in numbers.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What one sync run did, in numbers.' })
export class SyncRunCounts {
  @Field(() => Int, { description: 'Records the listing returned (changed or not).' })
  pulled!: number;

  @Field(() => Int, { description: 'Of those, records new to the gateway or whose content changed.' })
  changed!: number;

  @Field(() => Int, { description: 'Deletions of records the gateway knew.' })
  deleted!: number;

  @Field(() => Int, { description: "Writes queued to other CRMs' twins because of this CRM's changes (creates, updates, deletes)." })
  pushed!: number;

  @Field(() => Int, { description: 'Fields changed both here and in a twin since the last sync, settled by the conflict policy (see conflicts).' })
  conflicts!: number;

  @Field(() => Int, { description: 'Changes recognized as the CRM echoing back a write the sync made: neither propagated nor reported.' })
  echoes!: number;

  @Field(() => Int, { description: "Failures: the listing's own (at most one) plus records the sync could not propagate." })
  errors!: number;
}
