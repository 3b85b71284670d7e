// `contact-gateway status` as text: the sync status per CRM and entity, then the conflicts recorded.
import type { DateTime } from 'luxon';
import type { SyncConflict } from '../sync/sync-conflict.js';
import type { SyncStatusEntry } from '../sync/sync-service.js';
import { formatDuration } from './duration-text.js';
import { renderTable, shortenMiddle, type TableColumn } from './text-table.js';

/** Wide enough for a CiviCRM cursor whole ("modified_date|2026-09-21 09:07:00") and to tell others apart. */
export const CURSOR_WIDTH = 34;
const NONE = '—';

const COLUMNS: readonly TableColumn[] = [
  { header: 'System' },
  { header: 'Entity' },
  { header: 'Last run' },
  { header: 'Cursor' },
  { header: 'Lag', align: 'right' },
  { header: 'Pulled', align: 'right' },
  { header: 'Pushed', align: 'right' },
  { header: 'Conflicts', align: 'right' },
  { header: 'Errors', align: 'right' },
  { header: 'Next run' },
  { header: 'Last error' },
];

export function renderStatus(entries: readonly SyncStatusEntry[], conflicts: readonly SyncConflict[]): string {
  const table = renderTable(
    COLUMNS,
    entries.map((entry) => [
      entry.system,
      entry.entity,
      (entry.lastRunAt ? timestamp(entry.lastRunAt) : 'never') + (entry.running ? ' (running)' : ''),
      entry.cursor === null ? NONE : shortenMiddle(entry.cursor, CURSOR_WIDTH),
      entry.lagMs === null ? NONE : formatDuration(entry.lagMs),
      ...(['pulled', 'pushed', 'conflicts', 'errors'] as const).map((key) => (entry.lastRun ? String(entry.lastRun[key]) : NONE)),
      entry.nextRunAt ? timestamp(entry.nextRunAt) : NONE,
      entry.lastError ? `${entry.lastError.code}: ${entry.lastError.message}` : '',
    ]),
  );
  return `${table}\n${describeConflicts(conflicts)}\n`;
}

export interface ConflictCounts {
  total: number;
  /** "ENTITY.field" → conflicts recorded on it, the most frequent first. */
  byField: Record<string, number>;
}

export function countConflicts(conflicts: readonly SyncConflict[]): ConflictCounts {
  const counts = new Map<string, number>();
  for (const c of conflicts) counts.set(`${c.entity}.${c.field}`, (counts.get(`${c.entity}.${c.field}`) ?? 0) + 1);
  return { total: conflicts.length, byField: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) };
}

/** "Conflicts recorded: 3 (PERSON.emails 2, ORGANIZATION.name 1)". */
export function describeConflicts(conflicts: readonly SyncConflict[]): string {
  const { total, byField } = countConflicts(conflicts);
  if (total === 0) return 'Conflicts recorded: none';
  return `Conflicts recorded: ${total} (${Object.entries(byField).map(([field, n]) => `${field} ${n}`).join(', ')})`;
}

/** Seconds are enough for a table, and UTC is what the logs and the API say. */
function timestamp(at: DateTime): string {
  return at.toUTC().toFormat("yyyy-MM-dd HH:mm:ss'Z'");
}
