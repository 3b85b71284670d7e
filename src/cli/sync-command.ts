// `contact-gateway sync [--once]`: one pass over the scope, or one every interval until stopped.
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';
import type { SyncRun } from '../sync/sync-run.js';
import type { SyncScope, SyncService } from '../sync/sync-service.js';
import { summarizePass } from './pass-summary.js';
import type { StopRequest } from './stop-request.js';
import type { Listing, SyncReporter } from './sync-reporter.js';

export interface SyncCommandOptions {
  scope: SyncScope;
  /** One pass; otherwise a pass every `intervalMs` (counted from the end of the previous one). */
  once: boolean;
  intervalMs: number;
  /** The CRMs the environment configures. */
  systems: readonly System[];
  reporter: SyncReporter;
  stop: StopRequest;
}

/**
 * Resolves to the exit code: with --once, 0 when every run succeeded and 1 otherwise, or 128 + the
 * signal's number when a signal cut the pass short; repeating, 0 once a signal stops it.
 */
export async function runSyncCommand(sync: SyncService, options: SyncCommandOptions): Promise<number> {
  const { scope, stop } = options;
  const listings = listingsIn(sync, scope, options.systems);
  for (let pass = 1; ; pass += 1) {
    const runs = await runPass(sync, pass, listings, options);
    if (options.once) return stop.stopped ? stop.exitCode : runs!.every((run) => run.outcome === 'SUCCEEDED') ? 0 : 1;
    if (stop.stopped) return 0;
    try {
      await sleep(options.intervalMs, undefined, { signal: stop.signal });
    } catch {
      return 0;
    }
  }
}

/** The pass's runs; null when a signal broke it off before the sync reported any. */
async function runPass(sync: SyncService, pass: number, listings: readonly Listing[], options: SyncCommandOptions): Promise<SyncRun[] | null> {
  const { reporter } = options;
  reporter.begin(pass, listings);
  const startedAt = Date.now();
  let runs: SyncRun[];
  try {
    runs = await sync.run(options.scope, 'CLI', (progress) => reporter.progress(progress));
  } catch (err) {
    reporter.end(null, null);
    if (options.stop.stopped) return null;
    throw err;
  }
  reporter.end(runs, summarizePass(pass, runs, Date.now() - startedAt));
  return runs;
}

/** What the scope covers, checked before any bar is drawn so a wrong flag reads as a usage error. */
function listingsIn(sync: SyncService, scope: SyncScope, systems: readonly System[]): Listing[] {
  if (scope.system && !systems.includes(scope.system)) {
    throw GatewayError.badInput('--system', `--system ${scope.system} is not configured; configured: ${systems.join(', ')}`);
  }
  const ofSystem = sync
    .status()
    .filter((entry) => !scope.system || entry.system === scope.system)
    .map(({ system, entity }) => ({ system, entity }));
  const listings = ofSystem.filter((listing) => !scope.entity || listing.entity === scope.entity);
  if (listings.length === 0) {
    const holds = scope.system ? `${scope.system} syncs ${ofSystem.map((l) => l.entity).join(', ')}` : 'no configured CRM syncs it';
    throw GatewayError.badInput('--entity', `--entity ${scope.entity}: ${holds}`);
  }
  return listings;
}
