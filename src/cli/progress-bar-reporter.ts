// `sync` on a terminal: a bar per CRM that fills as its entities finish, with the entity being
// listed, its page, the records pulled and their rate; then the table of the pass's runs. Totals
// are unknown until a listing ends, so a bar counts entities, not records.
import cliProgress from 'cli-progress';
import type { EntityType, System } from '../model/system.js';
import type { SyncRun } from '../sync/sync-run.js';
import type { SyncProgress } from '../sync/sync-service.js';
import { formatDuration } from './duration-text.js';
import type { PassSummary } from './pass-summary.js';
import { describePass, renderRunTable } from './run-table.js';
import type { Listing, SyncReporter } from './sync-reporter.js';

const FORMAT = '{system} {bar} {value}/{total} entities | {entity} | page {pages} | {records} records | {rate}/s';

interface SystemBar {
  bar: cliProgress.SingleBar;
  /** The system's entities in the order its listings run. */
  entities: readonly EntityType[];
  entitiesDone: number;
  /** Records of the system's finished listings, plus the current listing's so far. */
  recordsDone: number;
  current: SyncProgress | null;
}

export class ProgressBarReporter implements SyncReporter {
  private bars: cliProgress.MultiBar | null = null;
  private readonly systems = new Map<System, SystemBar>();
  private startedAt = 0;

  /** `nextPassInMs`: the pause before the next pass when `sync` repeats, said after each table. */
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly nextPassInMs: number | null,
    private readonly now: () => number = Date.now,
  ) {}

  begin(_pass: number, listings: readonly Listing[]): void {
    this.startedAt = this.now();
    // Our own SIGINT handling closes the sync; cli-progress's would only stop the bars, and
    // leaving the cursor visible means nothing to restore if a second Ctrl-C kills the process.
    this.bars = new cliProgress.MultiBar(
      { stream: this.out, format: FORMAT, barsize: 20, hideCursor: false, gracefulExit: false, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    this.systems.clear();
    const width = Math.max(...listings.map((l) => l.system.length));
    for (const system of new Set(listings.map((l) => l.system))) {
      const entities = listings.filter((l) => l.system === system).map((l) => l.entity);
      const bar = this.bars.create(entities.length, 0, { system: system.padEnd(width), entity: entities[0], pages: 0, records: 0, rate: 0 });
      this.systems.set(system, { bar, entities, entitiesDone: 0, recordsDone: 0, current: null });
    }
  }

  progress(progress: SyncProgress): void {
    const state = this.systems.get(progress.system);
    if (!state) return;
    if (progress.done) {
      state.entitiesDone += 1;
      state.recordsDone += progress.pulled;
      state.current = null;
    } else {
      state.current = progress;
    }
    const records = state.recordsDone + (state.current?.pulled ?? 0);
    const seconds = Math.max(1, this.now() - this.startedAt) / 1_000;
    // A finished listing hands its place to the next entity, which starts at page 0.
    const next = state.entities[state.entitiesDone];
    state.bar.update(state.entitiesDone, {
      entity: progress.done ? (next ?? 'done') : progress.entity,
      pages: progress.done && next ? 0 : progress.pages,
      records,
      rate: Math.round(records / seconds),
    });
  }

  end(runs: readonly SyncRun[] | null, summary: PassSummary | null): void {
    this.bars?.stop();
    this.bars = null;
    if (runs && runs.length > 0) this.out.write(`\n${renderRunTable(runs)}`);
    if (summary) this.out.write(`\n${describePass(summary)}\n`);
    if (this.nextPassInMs !== null && runs) this.out.write(`Next pass in ${formatDuration(this.nextPassInMs)}; Ctrl-C stops.\n`);
  }
}
