// A pass's runs as a terminal table, and its summary as one sentence.
import type { SyncRun } from '../sync/sync-run.js';
import { formatDuration } from './duration-text.js';
import type { PassSummary } from './pass-summary.js';
import { renderTable, type TableColumn } from './text-table.js';

const COLUMNS: readonly TableColumn[] = [
  { header: 'System' },
  { header: 'Entity' },
  { header: 'Outcome' },
  { header: 'Pulled', align: 'right' },
  { header: 'Changed', align: 'right' },
  { header: 'Deleted', align: 'right' },
  { header: 'Pushed', align: 'right' },
  { header: 'Conflicts', align: 'right' },
  { header: 'Echoes', align: 'right' },
  { header: 'Errors', align: 'right' },
  { header: 'Took', align: 'right' },
  { header: 'Error' },
];

export function renderRunTable(runs: readonly SyncRun[]): string {
  return renderTable(
    COLUMNS,
    runs.map((run) => [
      run.system,
      run.entity,
      run.outcome,
      ...[run.counts.pulled, run.counts.changed, run.counts.deleted, run.counts.pushed, run.counts.conflicts, run.counts.echoes, run.counts.errors].map(String),
      formatDuration(Math.max(0, run.finishedAt.toMillis() - run.startedAt.toMillis())),
      run.error ? `${run.error.code}: ${run.error.message}` : '',
    ]),
  );
}

export function describePass(summary: PassSummary): string {
  const outcomes = [`${summary.succeeded} succeeded`, `${summary.failed} failed`, ...(summary.stopped > 0 ? [`${summary.stopped} stopped`] : [])];
  const counts = ['pulled', 'changed', 'deleted', 'pushed', 'conflicts', 'errors'] as const;
  return `Pass ${summary.pass}: ${summary.runs} runs in ${formatDuration(summary.durationMs)}, ${outcomes.join(', ')}; ${counts.map((key) => `${summary[key]} ${key}`).join(', ')}.`;
}
