// Enums of the sync engine: what started a run, how it ended, and how a conflict was settled.
import { registerEnumType } from 'type-graphql';
import { CONFLICT_RULES } from '../../src/sync/sync-conflict.js';
import { SYNC_RUN_OUTCOMES, SYNC_TRIGGERS } from '../../src/sync/sync-run.js';
import { enumObject } from '../enums/enum-object.js';

export const SyncTriggerEnum = enumObject(SYNC_TRIGGERS);
export const SyncRunOutcomeEnum = enumObject(SYNC_RUN_OUTCOMES);
export const ConflictRuleEnum = enumObject(CONFLICT_RULES);

registerEnumType(SyncTriggerEnum, {
  name: 'SyncTrigger',
  description: 'What started a sync run.',
  valuesConfig: {
    START: { description: 'The gateway starting.' },
    SCHEDULE: { description: 'The schedule (every SYNC_INTERVAL_MS).' },
    MANUAL: { description: 'The runSync mutation.' },
    CLI: { description: 'The `contact-gateway sync` command.' },
  },
});
registerEnumType(SyncRunOutcomeEnum, {
  name: 'SyncRunOutcome',
  description: 'How a sync run ended.',
  valuesConfig: {
    SUCCEEDED: { description: 'The listing was pulled to its end (records that failed to propagate are counted in errors).' },
    FAILED: { description: 'The listing failed; pages applied before the failure stay applied, and the next run resumes after them.' },
    STOPPED: { description: 'The gateway was shutting down and left the listing after its current page.' },
  },
});
registerEnumType(ConflictRuleEnum, {
  name: 'ConflictRule',
  description: 'How the winner of a conflict was chosen.',
  valuesConfig: {
    SYSTEM_PRIORITY: { description: 'MERGE_FIELD_PRIORITY lists CRMs for the field: the side whose CRM comes first there won.' },
    LATER_MODIFICATION: { description: 'No priority applied: the side whose record was modified last won.' },
  },
});
