// `npm run bench:sync`: the sync engine over the three CRM simulators.
//  1. first full sync of 10,000 people (twins in all three CRMs), 2,000 organizations (CiviCRM and
//     Vtiger) and 20,000 donations (a third in each): records/s per connector; for Action Network
//     the achieved request rate as a share of its limit (target >= 90 %) and the 429s (target 0)
//  2. 1,000 upstream edits of random people through the CRMs' own APIs: time until every twin holds
//     the new value and every edit's event is in the change log
//  3. peak RSS of the gateway's process over the whole run (target < 400 MB)
// The simulators run in a child process (simulator-process.ts), seeded straight into their stores,
// so neither their memory nor their CPU is counted as the gateway's.
// The sync policy comes from the gateway's SYNC_* variables (unset: the default policy).
// Waits are bounded: BENCH_SETTLE_TIMEOUT_S for the first pass's writes to drain before the edits
// (default 600), BENCH_CONVERGE_TIMEOUT_S for the edits to converge (default 900: each edit costs Action
// Network about two requests, made or propagated, so 1,000 edits need 500 s of its budget).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNetworkModule } from '../../connectors/actionnetwork/module.js';
import { civicrmModule } from '../../connectors/civicrm/module.js';
import { readCiviCrmConfig, type CiviCrmConfig } from '../../connectors/civicrm/config.js';
import type { Connector } from '../../connectors/connector.js';
import { readVtigerConfig, type VtigerConfig } from '../../connectors/vtiger/config.js';
import { vtigerModule } from '../../connectors/vtiger/module.js';
import { SIMULATOR_ACCESS_KEY, SIMULATOR_USERNAME } from '../../connectors/vtiger/simulator/server.js';
import { Gateway, type GatewayOptions } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import type { System } from '../../src/model/system.js';
import { openStore } from '../../src/store/open-store.js';
import { readSyncPolicy } from '../../src/sync/sync-config.js';
import { LogTally } from './log-tally.js';
import { RssSampler } from './rss-sampler.js';
import { SimulatorProcess } from './simulator-process-client.js';
import { EditTracker, EDITED_SYSTEMS, makeEdits, planEdits } from './upstream-edits.js';

/** BENCH_SYNC_SCALE shrinks every count (0.05: 500 people…) for a quick look; the figures are for 1. */
const SCALE = Number(process.env['BENCH_SYNC_SCALE'] ?? 1);
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));
const SIZES = { people: scaled(10_000), organizations: scaled(2_000), donations: scaled(20_000) };
const EDITS = scaled(1_000);
const SEED = 20_261_122;
const SYNC_INTERVAL_MS = 2_000;
/** Action Network's documented limit, which the simulator enforces by default; the gateway is told the same. */
const AN_RATE_LIMIT = 4;
/** Edits in flight per CRM (Action Network's are paced by the shared rate budget anyway). */
const EDITS_IN_FLIGHT = 4;
const SETTLE_TIMEOUT_S = Number(process.env['BENCH_SETTLE_TIMEOUT_S'] ?? 600);
const CONVERGE_TIMEOUT_S = Number(process.env['BENCH_CONVERGE_TIMEOUT_S'] ?? 900);
const PROGRESS_EVERY_MS = 15_000;

const MiB = 2 ** 20;
const seconds = (fromMs: number, toMs = performance.now()) => (toMs - fromMs) / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Requests per second between the first and the last accepted request in [from, to] (epoch ms). */
function achievedRate(accepted: readonly number[], from: number, to: number): { requests: number; rate: number } {
  const inWindow = accepted.filter((t) => t >= from && t <= to);
  const span = ((inWindow.at(-1) ?? 0) - (inWindow[0] ?? 0)) / 1000;
  // n requests span n-1 intervals.
  return { requests: inWindow.length, rate: span > 0 ? (inWindow.length - 1) / span : 0 };
}

// The gateway's own SYNC_* variables choose the policy (unset: DEFAULT_SYNC_POLICY), e.g.
// SYNC_DONATION_FLOWS=none to time the people's edits without the donations' propagation.
const policy = readSyncPolicy(process.env);
const flowsText = Object.entries(policy.flows)
  // Every ordered pair of the three CRMs is six flows.
  .map(([entity, flows]) => `${entity} ${flows.length === 0 ? 'none' : flows.length === 6 ? '*>*' : flows.map((f) => `${f.from}>${f.to}`).join(',')}`)
  .join('; ');

const rss = new RssSampler(100);
const started = performance.now();

// ——— 1. seed the simulators' stores directly, in the child process ———
const simulators = await SimulatorProcess.start({ sizes: SIZES, seed: SEED, anRateLimit: AN_RATE_LIMIT });
const { civi, an, vtiger, ids, seeded } = simulators.ready;
console.log(`seeded in ${simulators.ready.seedSeconds.toFixed(1)} s: ${JSON.stringify(seeded)} records (simulator process RSS ${(simulators.ready.rss / MiB).toFixed(0)} MiB)`);

// ——— 2. the gateway, as `npm start` would build it, on a temporary SQLite store ———
const logs = new LogTally();
const logger = createLogger('warn', logs);
const connectors: Connector[] = [
  civicrmModule.create(readCiviCrmConfig({ CIVICRM_URL: civi.url, CIVICRM_API_KEY: civi.apiKey, CIVICRM_TIMEZONE: civi.timeZone }) as CiviCrmConfig, { logger }),
  actionNetworkModule.create({ url: an.url, apiToken: an.apiToken, ratePerSecond: AN_RATE_LIMIT, fundraisingPage: null, timeoutMs: 15_000 }, { logger }),
  vtigerModule.create(
    readVtigerConfig({ VTIGER_URL: vtiger.url, VTIGER_USERNAME: SIMULATOR_USERNAME, VTIGER_ACCESS_KEY: SIMULATOR_ACCESS_KEY, VTIGER_TIMEZONE: vtiger.timezone }) as VtigerConfig,
    { logger },
  ),
];
const connectorOf = new Map(connectors.map((c) => [c.system, c]));
const stateDir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
const store = await openStore(`sqlite://${join(stateDir, 'state.sqlite')}`);
const options: GatewayOptions = {
  host: '127.0.0.1',
  port: 0,
  apiKeys: [],
  syncIntervalMs: SYNC_INTERVAL_MS,
  readMaxAgeMs: new Map([civicrmModule, actionNetworkModule, vtigerModule].map((m) => [m.system, m.defaultReadMaxAgeMs])),
  store,
  connectors,
  logger,
  syncPolicy: policy,
};
const gateway = await Gateway.start(options);
// Gateway.start starts the indexer as its last step: the sync starts now.
const syncStart = performance.now();
const syncStartEpoch = Date.now();

/** Writes waiting in the outbox (refused ones aside), by "SYSTEM ENTITY OP". */
function backlog(): { pending: number; failed: number; by: Record<string, number> } {
  const by: Record<string, number> = {};
  let pending = 0;
  let failed = 0;
  for (const entry of gateway.outbox.list()) {
    if (entry.status === 'FAILED') {
      failed++;
      continue;
    }
    pending++;
    const key = `${entry.system} ${entry.entity} ${entry.op}`;
    by[key] = (by[key] ?? 0) + 1;
  }
  return { pending, failed, by };
}

interface FirstSync {
  seconds: number;
  records: number;
  byEntity: Record<string, number>;
  error: string | null;
  finishedEpoch: number;
}
const firstSync = new Map<System, FirstSync>();
let lastProgress = performance.now();
while (firstSync.size < connectors.length) {
  for (const status of gateway.indexer.status()) {
    if (!status.firstRunDone || firstSync.has(status.system)) continue;
    firstSync.set(status.system, {
      seconds: seconds(syncStart),
      records: status.lastRunCounts.received,
      byEntity: status.indexed,
      error: status.lastError ? `${status.lastError.code}: ${status.lastError.message}` : null,
      finishedEpoch: Date.now(),
    });
    console.log(`  ${status.system} first sync done after ${seconds(syncStart).toFixed(1)} s`);
  }
  if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
    lastProgress = performance.now();
    const pulled = gateway.indexer.status().map((s) => `${s.system} ${Object.values(s.indexed).reduce((a, b) => a + b, 0)}`);
    console.log(`  t=${seconds(syncStart).toFixed(0)} s: cached ${pulled.join(', ')}; RSS ${(rss.sample() / MiB).toFixed(0)} MiB, heap ${(process.memoryUsage().heapUsed / MiB).toFixed(0)} MiB`);
  }
  await sleep(100);
}
const anFirst = firstSync.get('ACTION_NETWORK') as FirstSync;
const rateAfterSync = await simulators.rate();
const anDuringSync = achievedRate(rateAfterSync.accepted, syncStartEpoch, anFirst.finishedEpoch);
const rejectedDuringSync = rateAfterSync.rejected;

// Twins: the three records of each seeded person should share one unified id.
const twins = ids.CIVICRM.people.map((_, n) => {
  const records = Object.fromEntries(EDITED_SYSTEMS.map((s) => [s, ids[s].people[n] as string])) as Record<System, string>;
  const unified = EDITED_SYSTEMS.map((s) => store.identity.find(s, 'PERSON', records[s]));
  return { unifiedId: unified[0] ?? '', records, linked: unified[0] !== null && unified.every((u) => u === unified[0]) };
});
const linkedTwins = twins.filter((t) => t.linked).length;
const organizationTwins = ids.CIVICRM.organizations.filter((id, i) => {
  const u = store.identity.find('CIVICRM', 'ORGANIZATION', id);
  return u !== null && u === store.identity.find('VTIGER', 'ORGANIZATION', ids.VTIGER.organizations[i] as string);
}).length;

// The first pass ends with each entity's reconcile, which queues what the first sync propagates
// (donations into CiviCRM), then records the entity's runs
// (indexer.whenReady only waits for the listings): it has ended when every CRM and entity has a run.
while (gateway.sync.status().some((entry) => entry.lastRunAt === null)) await sleep(100);
const firstPassSeconds = seconds(syncStart);
const settleStart = performance.now();
// What the first pass pushed, from its runs: the worker may have delivered some before this look.
const firstPassRuns = gateway.sync.runs();
const pushed = {
  writes: firstPassRuns.reduce((sum, run) => sum + run.counts.pushed, 0),
  by: Object.fromEntries(firstPassRuns.filter((run) => run.counts.pushed > 0).map((run) => [`from ${run.system} ${run.entity}`, run.counts.pushed])),
  conflicts: firstPassRuns.reduce((sum, run) => sum + run.counts.conflicts, 0),
  errors: firstPassRuns.reduce((sum, run) => sum + run.counts.errors, 0),
};
const queuedBySync = backlog();
console.log(`  first pass (pulls and reconciles) done after ${firstPassSeconds.toFixed(1)} s; ${pushed.writes} writes pushed ${JSON.stringify(pushed.by)}, ${queuedBySync.pending} still in the outbox`);
let settled: number | null = null;
let pendingAtEdits = queuedBySync.pending;
for (;;) {
  const { pending, failed } = backlog();
  pendingAtEdits = pending;
  if (pending === 0) {
    settled = seconds(syncStart);
    break;
  }
  if (seconds(settleStart) > SETTLE_TIMEOUT_S) {
    console.log(`  outbox did not drain in ${SETTLE_TIMEOUT_S} s (${pending} writes pending, ${failed} refused); editing anyway`);
    break;
  }
  if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
    lastProgress = performance.now();
    console.log(`  t=${seconds(syncStart).toFixed(0)} s: ${pending} writes pending in the outbox, ${failed} refused`);
  }
  // Each look sorts the outbox: not so often that looking slows the delivery down.
  await sleep(2_000);
}

// ——— 3. upstream edits, then convergence ———
const edits = planEdits(
  EDITS,
  twins.filter((t) => t.linked),
  SEED + 1,
);
const tracker = new EditTracker(edits);
const unsubscribe = gateway.changes.subscribe(tracker.onChange);
const editStart = performance.now();
const editStartEpoch = Date.now();
const rejectedBeforeEdits = (await simulators.rate()).rejected;
const stopEditing = new AbortController();
const editing = makeEdits(edits, connectorOf, EDITS_IN_FLIGHT, stopEditing.signal).then(() => seconds(editStart));
const editPhase: { seconds: number | null } = { seconds: null };
void editing.then((s) => (editPhase.seconds = s));
let converged = 0;
for (;;) {
  converged = await tracker.checkConvergence((fields) => simulators.read(fields));
  if (editPhase.seconds !== null && converged === edits.length && tracker.delivered === edits.length) break;
  if (seconds(editStart) > CONVERGE_TIMEOUT_S) break;
  if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
    lastProgress = performance.now();
    const done = edits.filter((e) => e.doneAt !== null).length;
    console.log(`  t=${seconds(editStart).toFixed(0)} s after the first edit: ${done} edits made, ${converged} converged, ${tracker.delivered} events delivered; RSS ${(rss.sample() / MiB).toFixed(0)} MiB`);
  }
  await sleep(500);
}
stopEditing.abort();
// Edits still in flight (Action Network's wait their turn in the rate budget) get a minute to answer.
await Promise.race([editing, sleep(60_000)]);
unsubscribe();
const editEndEpoch = Date.now();
rss.stop();
const rateAtEnd = await simulators.rate();
const anDuringEdits = achievedRate(rateAtEnd.accepted, editStartEpoch, editEndEpoch);
const lastOf = (marks: (number | null)[]) => (marks.every((m) => m !== null) ? seconds(editStart, Math.max(...(marks as number[]))) : null);
const latencies = (mark: 'deliveredAt' | 'convergedAt') => edits.flatMap((e) => (e[mark] !== null && e.doneAt !== null ? [(e[mark] - e.doneAt) / 1000] : []));
const failedEdits = edits.filter((e) => e.error !== null);
const unmadeEdits = edits.filter((e) => e.doneAt === null).length;
const backlogAtEnd = backlog();

// A close held up by writes in flight must not hold the figures back.
const closed = await Promise.race([gateway.close().then(() => true), sleep(30_000).then(() => false)]);
if (!closed) console.log('  the gateway had not closed after 30 s; reporting anyway');
await simulators.close();
await rm(stateDir, { recursive: true, force: true });

// ——— report ———
const round = (n: number | null, digits = 1) => (n === null ? null : Number(n.toFixed(digits)));
const figures = {
  store: 'sqlite (temporary file)',
  flows: flowsText,
  syncIntervalMs: SYNC_INTERVAL_MS,
  seeded,
  firstSync: Object.fromEntries(
    EDITED_SYSTEMS.map((s) => {
      const f = firstSync.get(s) as FirstSync;
      return [s, { records: f.records, seconds: round(f.seconds), recordsPerSecond: round(f.records / f.seconds, 0), byEntity: f.byEntity, error: f.error }];
    }),
  ),
  actionNetwork: {
    rateLimit: AN_RATE_LIMIT,
    firstSyncRequests: anDuringSync.requests,
    firstSyncRate: round(anDuringSync.rate, 2),
    firstSyncSharePercent: round((100 * anDuringSync.rate) / AN_RATE_LIMIT),
    editPhaseRequests: anDuringEdits.requests,
    editPhaseRate: round(anDuringEdits.rate, 2),
    editPhaseSharePercent: round((100 * anDuringEdits.rate) / AN_RATE_LIMIT),
    peakPerSecond: rateAtEnd.peakPerSecond,
    rejected429: { firstSync: rejectedDuringSync, editPhase: rateAtEnd.rejected - rejectedBeforeEdits, total: rateAtEnd.rejected },
  },
  twinsLinked: { people: linkedTwins, of: SIZES.people, organizations: organizationTwins, ofOrganizations: SIZES.organizations },
  firstPassSeconds: round(firstPassSeconds),
  firstPassPushed: pushed,
  outboxDrainedAfterSeconds: round(settled),
  outboxDrain: { delivered: pushed.writes - pendingAtEdits, seconds: round(seconds(syncStart, editStart) - firstPassSeconds), pendingWhenEditsBegan: pendingAtEdits },
  edits: {
    made: edits.length - failedEdits.length - unmadeEdits,
    failed: failedEdits.length,
    notMadeBeforeTimeout: unmadeEdits,
    bySystem: Object.fromEntries(EDITED_SYSTEMS.map((s) => [s, edits.filter((e) => e.system === s).length])),
    editPhaseSeconds: unmadeEdits === 0 ? round(editPhase.seconds) : null,
    converged,
    allConvergedAfterSeconds: round(lastOf(edits.map((e) => e.convergedAt))),
    convergeLatency: { p50: round(percentile(latencies('convergedAt'), 50)), p95: round(percentile(latencies('convergedAt'), 95)), max: round(percentile(latencies('convergedAt'), 100)) },
    eventsDelivered: tracker.delivered,
    allDeliveredAfterSeconds: round(lastOf(edits.map((e) => e.deliveredAt))),
    deliveryLatency: { p50: round(percentile(latencies('deliveredAt'), 50)), p95: round(percentile(latencies('deliveredAt'), 95)), max: round(percentile(latencies('deliveredAt'), 100)) },
    echoEvents: tracker.echoes,
    repeatEvents: tracker.repeats,
    changeLogOps: Object.fromEntries(tracker.ops),
    outboxAtEnd: backlogAtEnd,
  },
  rssMiB: { gatewayProcessPeak: round(rss.peakMiB, 0), simulatorProcessAfterSeed: round(simulators.ready.rss / MiB, 0) },
  memoryAtPeakMiB: Object.fromEntries(Object.entries(rss.atPeak).map(([k, v]) => [k, round(v, 0)])),
  warningsLogged: logs.count,
  wallSeconds: round(seconds(started)),
};

const rows: [string, string][] = [];
for (const s of EDITED_SYSTEMS) {
  const f = figures.firstSync[s] as { records: number; seconds: number; recordsPerSecond: number; error: string | null };
  rows.push([`first sync ${s}`, `${f.records} records in ${f.seconds} s = ${f.recordsPerSecond} records/s${f.error ? ` (failed: ${f.error})` : ''}`]);
}
const anFig = figures.actionNetwork;
rows.push(['AN rate, first sync', `${anFig.firstSyncRate} req/s of ${AN_RATE_LIMIT} = ${anFig.firstSyncSharePercent} % (target >= 90 %), ${anFig.firstSyncRequests} requests`]);
rows.push(['AN rate, edit phase', `${anFig.editPhaseRate} req/s = ${anFig.editPhaseSharePercent} %, ${anFig.editPhaseRequests} requests`]);
rows.push(['AN 429 responses', `${anFig.rejected429.total} (first sync ${anFig.rejected429.firstSync}, edit phase ${anFig.rejected429.editPhase}; target 0); peak ${anFig.peakPerSecond} in any second`]);
rows.push(['twins linked', `${linkedTwins}/${SIZES.people} people, ${organizationTwins}/${SIZES.organizations} organizations`]);
rows.push(['first pass', `pulls and reconciles done after ${figures.firstPassSeconds} s; ${pushed.writes} writes pushed ${JSON.stringify(pushed.by)}, ${pushed.conflicts} conflicts, ${pushed.errors} errors`]);
const drain = figures.outboxDrain;
rows.push([
  'outbox drained',
  `${settled === null ? `no: ${drain.pendingWhenEditsBegan} writes still pending after ${SETTLE_TIMEOUT_S} s` : `${figures.outboxDrainedAfterSeconds} s after the sync started`}; ${drain.delivered} delivered in ${drain.seconds} s = ${round(drain.delivered / Math.max(drain.seconds ?? 1, 0.001))} writes/s`,
]);
const e = figures.edits;
rows.push(['edits made', `${e.made} (${JSON.stringify(e.bySystem)}), ${e.failed} failed, ${e.editPhaseSeconds === null ? `${unmadeEdits} not made within ${CONVERGE_TIMEOUT_S} s` : `in ${e.editPhaseSeconds} s`}`]);
rows.push([
  'twins converged',
  e.allConvergedAfterSeconds !== null
    ? `all ${edits.length} after ${e.allConvergedAfterSeconds} s; per edit p50 ${e.convergeLatency.p50} s, p95 ${e.convergeLatency.p95} s, max ${e.convergeLatency.max} s`
    : `did not converge in ${CONVERGE_TIMEOUT_S} s (${converged}/${edits.length} converged)`,
]);
rows.push([
  'events delivered',
  e.allDeliveredAfterSeconds !== null
    ? `all ${edits.length} after ${e.allDeliveredAfterSeconds} s; per edit p50 ${e.deliveryLatency.p50} s, p95 ${e.deliveryLatency.p95} s, max ${e.deliveryLatency.max} s`
    : `${tracker.delivered}/${edits.length} in ${CONVERGE_TIMEOUT_S} s`,
]);
rows.push(['echo events', `${tracker.echoes} (UPDATED for an edited person from a CRM it was not edited in; target 0)`]);
rows.push(['repeat events', `${tracker.repeats} (further UPDATED for an edited person from the CRM edited, after the edit's own)`]);
rows.push(['peak RSS', `${figures.rssMiB.gatewayProcessPeak} MiB in the gateway's process (target < 400 MB; the simulators' process held ${figures.rssMiB.simulatorProcessAfterSeed} MiB after seeding)`]);
rows.push(['memory at the peak', `${figures.memoryAtPeakMiB.atSecond} s into the run (the sync started at ${round((syncStart - started) / 1000, 0)} s): V8 heap ${figures.memoryAtPeakMiB.heapUsedMiB} MiB used of ${figures.memoryAtPeakMiB.heapTotalMiB} MiB reserved; ${figures.memoryAtPeakMiB.externalMiB} MiB external`]);
rows.push(['warnings logged', `${logs.count}${logs.first.length ? `; first: ${logs.first.join(' | ')}` : ''}`]);
rows.push(['wall time', `${figures.wallSeconds} s`]);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nsync benchmark: ${SIZES.people} people, ${SIZES.organizations} organizations, ${SIZES.donations} donations; ${EDITS} edits; flows ${flowsText}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (failedEdits.length) console.log(`first failed edit: ${failedEdits[0]?.system} ${failedEdits[0]?.error}`);
console.log(JSON.stringify(figures));
// Whatever a timed-out run left in flight must not keep the benchmark alive.
process.exit(0);
