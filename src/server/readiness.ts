// What /readyz reports: the store answers, every enabled CRM answers, and the first indexing is done.
import type { Connector } from '../../connectors/connector.js';
import type { System } from '../model/system.js';
import type { ConnectorIndexStatus } from '../sync/indexer.js';

export type IndexingState = Pick<ConnectorIndexStatus, 'system' | 'firstRunDone' | 'lastError'>;

export interface ReadinessSources {
  pingStore(): Promise<void>;
  connectors: readonly Connector[];
  indexing(): readonly IndexingState[];
}

export interface ReadinessReport {
  ready: boolean;
  store: { ok: boolean; error?: string };
  connectors: { system: System; reachable: boolean; indexed: boolean; error?: string }[];
}

const HEALTH_TIMEOUT_MS = 5_000;

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export class Readiness {
  private last: { at: number; report: Promise<ReadinessReport> } | null = null;

  /** Probes are reused for `cacheMs`: an orchestrator polling readyz must not eat a CRM's rate limit. */
  constructor(
    private readonly sources: ReadinessSources,
    private readonly cacheMs = 2_000,
  ) {}

  check(now: number = Date.now()): Promise<ReadinessReport> {
    if (!this.last || now - this.last.at > this.cacheMs) this.last = { at: now, report: this.run() };
    return this.last.report;
  }

  private async run(): Promise<ReadinessReport> {
    const indexing = new Map(this.sources.indexing().map((s) => [s.system, s]));
    const [store, ...connectors] = await Promise.all([
      probe(() => this.sources.pingStore()),
      ...this.sources.connectors.map((c) => probe(() => c.health())),
    ]);
    const report: ReadinessReport = {
      ready: false,
      store: store!,
      connectors: this.sources.connectors.map((c, i) => {
        const health = connectors[i]!;
        const state = indexing.get(c.system);
        const error = health.error ?? state?.lastError?.message;
        return { system: c.system, reachable: health.ok, indexed: state?.firstRunDone ?? false, ...(error ? { error } : {}) };
      }),
    };
    report.ready = report.store.ok && report.connectors.every((c) => c.reachable && c.indexed);
    return report;
  }
}
