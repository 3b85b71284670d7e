// MatchCandidate: two people the twin matcher found alike but did not link, awaiting a decision.
import type { DateTime } from 'luxon';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { HoldReason } from '../../src/identity/person-matcher.js';
import { MatchHoldReasonEnum } from '../enums/match-hold-reason.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { SourceRecord } from '../shared/source-record.type.js';

// people is declared by MatchCandidateResolver (it loads them).
@ObjectType({
  description:
    'Two people the twin matcher found alike when it first saw a record, but did not link. Confirm with linkRecords (merges them), reject with rejectMatchCandidate, or split the record off with unlinkRecord.',
})
export class MatchCandidate {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID], { description: 'The two people as they are now (after any merge): the one already known, then the one the newly seen record became.' })
  personIds!: string[];

  @Field(() => SourceRecord, { description: 'The newly seen record the matcher compared with the known person.' })
  record!: SourceRecord;

  @Field(() => Float, { description: 'How sure the evidence makes the matcher that both are one person, from 0 to 1.' })
  score!: number;

  @Field(() => MatchHoldReasonEnum)
  reason!: HoldReason;

  @Field(() => [String], { description: 'Compared fields that spoke for one person, strongest first: emails, phones, externalIds, givenName, familyName, birthDate, addresses.' })
  agreed!: string[];

  @Field(() => [String], { description: 'Compared fields that spoke against, strongest first.' })
  disagreed!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: DateTime;
}
