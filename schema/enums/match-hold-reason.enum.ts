// Why the twin matcher kept a pair as a match candidate instead of linking it.
import { registerEnumType } from 'type-graphql';
import type { HoldReason } from '../../src/identity/person-matcher.js';

export const MatchHoldReasonEnum = {
  SCORE: 'SCORE',
  SAME_SYSTEM: 'SAME_SYSTEM',
  NAME_CONFLICT: 'NAME_CONFLICT',
} as const satisfies { [K in HoldReason]: K };

registerEnumType(MatchHoldReasonEnum, {
  name: 'MatchHoldReason',
  description: 'Why a pair of people was held for review instead of linked automatically.',
  valuesConfig: {
    SCORE: { description: 'The score is at least MATCH_MAYBE_SCORE but below MATCH_SURE_SCORE.' },
    SAME_SYSTEM: { description: 'The known person already has a record in the CRM the new record comes from: two records of one CRM are two people unless someone says otherwise.' },
    NAME_CONFLICT: { description: 'Only a shared email or phone carries the score, and the given names differ: people of one household share those.' },
  },
});
