// What /readyz reports: the store answers, every enabled CRM answers, and the first indexing is done.
import type { Logger } from 'pino';
import type { Connector } from '../../connectors/connector.js';
import { isGatewayError } from '../errors/gateway-error.js';
import type { System } from '../model/system.js';
import type { ConnectorIndexStatus } from '../sync/indexer.js';

export type IndexingState = Pick<ConnectorIndexStatus, 'system' | 'firstRunDone' | 'lastError'>;

export interface ReadinessSources {
  pingStore(): Promise<void>;
  connectors: readonly Connector[];
  indexing(): readonly IndexingState[];
  /** Where an unexpected probe failure is logged in full. */
  logger?: Logger;
}

export interface ReadinessReport {
  ready: boolean;
  store: { ok: boolean; error?: string };
  connectors: { system: System; reachable: boolean; indexed: boolean; error?: string }[];
}

const HEALTH_TIMEOUT_MS = 5_000;

class ProbeTimeout extends Error {}

/**
 * /readyz answers without a key: a GatewayError's message (written for users, never a secret) is
 * quoted; an unexpected error's text may name hosts, paths or credentials, so only the log gets it.
 */
function describeFailure(err: unknown, what: string, logger: Logger | undefined): string {
  if (isGatewayError(err) && err.code !== 'INTERNAL') return err.message;
  logger?.warn({ err, what }, 'readiness probe failed unexpectedly');
  return UNEXPECTED_FAILURE;
}

const UNEXPECTED_FAILURE = 'unexpected failure; the gateway log has the details';

async function probe(check: () => Promise<void>, what: string, logger: Logger | undefined): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof ProbeTimeout ? err.message : describeFailure(err, what, logger) };
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
      probe(() => this.sources.pingStore(), 'store', this.sources.logger),
      ...this.sources.connectors.map((c) => probe(() => c.health(), c.system, this.sources.logger)),
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
