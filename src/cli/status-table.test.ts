import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../sync/sync-conflict.js';
import type { SyncStatusEntry } from '../sync/sync-service.js';
import { countConflicts, renderStatus } from './status-table.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

const entries: SyncStatusEntry[] = [
  {
    system: 'ACTION_NETWORK',
    entity: 'PERSON',
    running: false,
    lastRunAt: at('2026-11-22T10:00:02Z'),
    lastSuccessAt: at('2026-11-22T10:00:02Z'),
    cursor: 'https://actionnetwork.org/api/v2/people?page=17',
    lagMs: 192_000,
    lastRun: { pulled: 25, changed: 2, deleted: 0, pushed: 4, conflicts: 1, echoes: 0, errors: 0 },
    nextRunAt: null,
    lastError: null,
  },
  {
    system: 'VTIGER',
    entity: 'DONATION',
    running: false,
    lastRunAt: at('2026-11-22T10:01:00Z'),
    lastSuccessAt: null,
    cursor: null,
    lagMs: null,
    lastRun: { pulled: 0, changed: 0, deleted: 0, pushed: 0, conflicts: 0, echoes: 0, errors: 1 },
    nextRunAt: at('2026-11-22T10:02:00Z'),
    lastError: { code: 'UPSTREAM_AUTH', message: 'Vtiger refused the access key', at: at('2026-11-22T10:01:00Z') },
  },
];

function conflict(entity: SyncConflict['entity'], field: string): SyncConflict {
  return { id: `${entity}.${field}`, at: at('2026-11-22T10:00:00Z'), entity, unifiedId: 'u1', field, values: [], winner: 'CIVICRM', rule: 'LATER_MODIFICATION' };
}

describe('renderStatus', () => {
  it('shows each CRM and entity with its last run, shortened cursor, lag, counts, next run and error', () => {
    expect(renderStatus(entries, [])).toBe(
      [
        'System          Entity    Last run              Cursor                                Lag  Pulled  Pushed  Conflicts  Errors  Next run              Last error',
        '--------------  --------  --------------------  ----------------------------------  -----  ------  ------  ---------  ------  --------------------  --------------------------------------------',
        'ACTION_NETWORK  PERSON    2026-11-22 10:00:02Z  https://actionnet…2/people?page=17  3m12s      25       4          1       0  —',
        'VTIGER          DONATION  2026-11-22 10:01:00Z  —                                       —       0       0          0       1  2026-11-22 10:02:00Z  UPSTREAM_AUTH: Vtiger refused the access key',
        '',
        'Conflicts recorded: none',
        '',
      ].join('\n'),
    );
  });

  it('counts the conflicts recorded per entity and field, the most frequent first', () => {
    const conflicts = [conflict('PERSON', 'givenName'), conflict('ORGANIZATION', 'name'), conflict('PERSON', 'givenName')];
    expect(countConflicts(conflicts)).toEqual({ total: 3, byField: { 'PERSON.givenName': 2, 'ORGANIZATION.name': 1 } });
    expect(renderStatus(entries, conflicts)).toMatch(/\nConflicts recorded: 3 \(PERSON\.givenName 2, ORGANIZATION\.name 1\)\n$/);
  });
});
