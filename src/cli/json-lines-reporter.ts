// `sync` output for scripts and logs: one JSON object per line on stdout, each with a "type":
// "progress" (throttled per CRM), "run" (one per CRM and entity, as the sync recorded it) and
// "summary" (one per pass). Dates are ISO 8601 in UTC.
import type { System } from '../model/system.js';
import type { SyncRun } from '../sync/sync-run.js';
import type { SyncProgress } from '../sync/sync-service.js';
import type { PassSummary } from './pass-summary.js';
import type { SyncReporter } from './sync-reporter.js';

/** A page can take a few ms: a line per page would drown a pipe; four a second per CRM still shows life. */
export const PROGRESS_INTERVAL_MS = 250;

export class JsonLinesReporter implements SyncReporter {
  private pass = 0;
  private readonly lastLineAt = new Map<System, number>();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly now: () => number = Date.now,
  ) {}

  begin(pass: number): void {
    this.pass = pass;
    this.lastLineAt.clear();
  }

  progress(progress: SyncProgress): void {
    const now = this.now();
    const last = this.lastLineAt.get(progress.system);
    // A listing's last event always goes out: it carries the final page and record counts.
    if (!progress.done && last !== undefined && now - last < PROGRESS_INTERVAL_MS) return;
    this.lastLineAt.set(progress.system, now);
    this.line({ type: 'progress', pass: this.pass, ...progress });
  }

  end(runs: readonly SyncRun[] | null, summary: PassSummary | null): void {
    for (const run of runs ?? []) this.line({ type: 'run', pass: this.pass, ...run });
    if (summary) this.line({ type: 'summary', ...summary });
  }

  private line(value: object): void {
    // luxon's DateTime serializes itself as ISO 8601.
    this.out.write(`${JSON.stringify(value)}\n`);
  }
}
