// What one sync pass came to, for the summary line and the exit code.
import type { SyncRun } from '../sync/sync-run.js';

export interface PassSummary {
  /** 1 for the first pass of this command, counting up in `sync` without --once. */
  pass: number;
  runs: number;
  succeeded: number;
  failed: number;
  stopped: number;
  pulled: number;
  changed: number;
  deleted: number;
  pushed: number;
  conflicts: number;
  errors: number;
  durationMs: number;
}

export function summarizePass(pass: number, runs: readonly SyncRun[], durationMs: number): PassSummary {
  const total = (key: 'pulled' | 'changed' | 'deleted' | 'pushed' | 'conflicts' | 'errors') => runs.reduce((sum, run) => sum + run.counts[key], 0);
  const outcomes = (outcome: SyncRun['outcome']) => runs.filter((run) => run.outcome === outcome).length;
  return {
    pass,
    runs: runs.length,
    succeeded: outcomes('SUCCEEDED'),
    failed: outcomes('FAILED'),
    stopped: outcomes('STOPPED'),
    pulled: total('pulled'),
    changed: total('changed'),
    deleted: total('deleted'),
    pushed: total('pushed'),
    conflicts: total('conflicts'),
    errors: total('errors'),
    durationMs,
  };
}
