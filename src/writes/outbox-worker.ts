// Delivers outbox entries: the first attempt of each write (for the mutation that made it) and the
// retries of the ones that met a passing failure, with exponential backoff, until each is delivered
// or refused for good. Writes to one record go in order (see Outbox.blockedBy).
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import { MAX_TIMER_MS } from '../env-variables.js';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../http/retry-policy.js';
import type { System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { Outbox, OutboxEntry, WriteJob } from '../store/outbox.js';
import { outcome, type SystemOutcome } from './system-outcome.js';
import type { WriteChanges } from './write-changes.js';
import type { Delivery, WriteDelivery } from './write-delivery.js';

export interface OutboxBackoff {
  /** Wait before the first retry; doubled for each further one (with jitter). */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

export const DEFAULT_OUTBOX_BACKOFF: OutboxBackoff = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/** Writes in flight to one CRM at a time (Action Network's rate budget still paces its own). */
export const DELIVERY_LANES = 4;

const PASS_SPACING_MS = 25;

/**
 * Entries one delivery round of a CRM takes on. A round holds its entries until its last one is
 * delivered, so a first sync's thousands of queued creates are taken a few hundred at a time.
 */
export const DELIVERY_ROUND = 256;

export interface OutboxWorkerOptions {
  outbox: Outbox;
  delivery: WriteDelivery;
  identity: IdentityIndex;
  logger: Logger;
  backoff?: OutboxBackoff;
  /** Where a queued write delivered later is recorded as a change (a mutation records its own). */
  changes?: WriteChanges;
  now?: () => DateTime;
}

export class OutboxWorker {
  private readonly outbox: Outbox;
  private readonly delivery: WriteDelivery;
  private readonly identity: IdentityIndex;
  private readonly logger: Logger;
  private readonly backoff: OutboxBackoff;
  private readonly now: () => DateTime;
  private readonly changes: WriteChanges | null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  /** The running delivery loop of each CRM. */
  private readonly loops = new Map<System, Promise<void>>();
  private kicked: NodeJS.Timeout | null = null;
  private lastPassAt = 0;
  private running = false;

  constructor(options: OutboxWorkerOptions) {
    const backoff = options.backoff ?? DEFAULT_OUTBOX_BACKOFF;
    if (!(backoff.baseDelayMs > 0 && backoff.maxDelayMs >= backoff.baseDelayMs)) {
      throw new RangeError(`outbox backoff needs 0 < baseDelayMs <= maxDelayMs, but got: ${JSON.stringify(backoff)}`);
    }
    this.outbox = options.outbox;
    this.delivery = options.delivery;
    this.identity = options.identity;
    this.logger = options.logger;
    this.backoff = backoff;
    this.now = options.now ?? (() => DateTime.utc());
    this.changes = options.changes ?? null;
  }

  /** Starts delivering what the outbox holds (entries left by an earlier process included). */
  start(): void {
    this.running = true;
    this.kick();
  }

  /** Stops the schedule and waits for the attempt in progress; entries stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    if (this.kicked) clearTimeout(this.kicked);
    this.kicked = null;
    await Promise.all(this.loops.values());
  }

  /** Looks at the outbox again soon (new entries, or a write that others were waiting for settled). */
  kick(): void {
    this.wakeAt(0);
  }

  /**
   * Attempts one write that the caller claimed, and settles its entry: delivered → removed; a
   * passing failure → retried later; refused or skipped → removed when `reported` (the mutation
   * tells its client), else kept as FAILED for pendingWrites to show. Waits for no one: a write
   * that must follow an older pending one is left queued.
   */
  async attempt(entry: WriteJob & { attempts?: number }, reported: boolean): Promise<SystemOutcome> {
    const blocker = this.outbox.blockedBy(entry);
    if (blocker !== null) {
      this.outbox.release(entry.id);
      this.kick();
      return outcome(entry.system, 'QUEUED', { remoteId: entry.remoteId, pendingWriteId: entry.id, error: `waits for an earlier write to ${entry.system} (${blocker.id})` });
    }
    // A mutation records its writes as one change; a queued write delivered later is its own.
    const changes = reported ? null : this.changes;
    const settled = changes ? await changes.around(entry.entity, entry.unifiedId, () => this.deliver(entry, reported), entry.origin ?? null) : await this.deliver(entry, reported);
    this.kick();
    return settled;
  }

  private async deliver(entry: WriteJob & { attempts?: number }, reported: boolean): Promise<SystemOutcome> {
    let delivery: Delivery;
    try {
      delivery = await this.delivery.deliver(entry);
    } finally {
      this.outbox.release(entry.id);
    }
    return this.settle(entry, entry.attempts ?? 0, delivery, reported);
  }

  private async settle(entry: WriteJob, attempts: number, delivery: Delivery, reported: boolean): Promise<SystemOutcome> {
    const { system } = entry;
    const fields = { skippedFields: delivery.skippedFields };
    switch (delivery.kind) {
      case 'written':
        await this.outbox.remove(entry.id);
        if (!reported) this.logger.info({ system, entity: entry.entity, op: entry.op, unifiedId: entry.unifiedId, remoteId: delivery.remoteId, attempts: attempts + 1 }, 'queued write delivered');
        return outcome(system, delivery.status, { ...fields, remoteId: delivery.remoteId, error: delivery.note });
      case 'retry': {
        const delay = Math.max(backoffDelay({ ...DEFAULT_RETRY_POLICY, ...this.backoff }, attempts + 1), delivery.error.retryAfterMs ?? 0);
        await this.outbox.retryLater(entry.id, this.now().plus({ milliseconds: delay }), delivery.error.message);
        this.wakeAt(delay);
        return outcome(system, 'QUEUED', { ...fields, remoteId: entry.remoteId, error: delivery.error.message, pendingWriteId: entry.id });
      }
      default: {
        const error = delivery.kind === 'failed' ? delivery.error.message : delivery.reason;
        if (reported) await this.outbox.remove(entry.id);
        else {
          await this.outbox.fail(entry.id, error);
          this.logger.warn({ system, entity: entry.entity, op: entry.op, unifiedId: entry.unifiedId, error }, 'queued write failed for good');
        }
        if (entry.op === 'CREATE') await this.releaseIfUnwritten(entry.unifiedId);
        const status = delivery.kind === 'failed' || !reported ? 'FAILED' : 'SKIPPED';
        return outcome(system, status, { ...fields, remoteId: entry.remoteId, error, pendingWriteId: reported ? null : entry.id });
      }
    }
  }

  /** A reserved id whose every create failed and none is pending any more names nothing: forget it. */
  async releaseIfUnwritten(unifiedId: string): Promise<void> {
    if (this.identity.reserved(unifiedId) === null) return;
    if (this.outbox.hasPending(unifiedId)) return;
    await this.identity.release(unifiedId);
  }

  private wakeAt(delayMs: number): void {
    if (!this.running) return;
    if (delayMs > 0) {
      this.schedule(delayMs);
      return;
    }
    // Every attempt kicks, and a pass scans the outbox: with thousands queued, kicks in a burst
    // share one pass, at most one every PASS_SPACING_MS.
    if (this.kicked) return;
    this.kicked = setTimeout(() => {
      this.kicked = null;
      this.lastPassAt = Date.now();
      this.runPass();
    }, Math.max(0, this.lastPassAt + PASS_SPACING_MS - Date.now()));
    this.kicked.unref();
  }

  private schedule(requestedMs: number): void {
    // Node fires a longer timer after 1 ms (a CRM's Retry-After can ask for weeks): wake at the
    // longest wait instead; the pass then sleeps again until the entry is due.
    const delayMs = Math.min(requestedMs, MAX_TIMER_MS);
    const at = Date.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.runPass();
    }, delayMs);
    // The outbox alone must not keep the process alive.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  /**
   * Starts a delivery loop for every CRM with due entries that has none running. Each CRM's loop
   * runs on its own, so a rate-limited CRM's backlog never holds up another CRM's writes; a loop
   * that is running picks up new entries for its CRM in its next round.
   */
  private runPass(): void {
    if (!this.running) return;
    const systems = new Set(this.due((system) => !this.loops.has(system)).map((e) => e.system));
    for (const system of systems) {
      const loop = this.deliverSystem(system)
        .catch((err: unknown) => {
          this.logger.error({ err, system }, 'outbox pass failed; retrying later');
          this.schedule(this.backoff.maxDelayMs);
        })
        .finally(() => {
          this.loops.delete(system);
          this.sleepUntilNextDue();
        });
      this.loops.set(system, loop);
    }
    // A running loop sets the timer when it ends; looking for the next due entry now would scan the
    // whole outbox on every kick.
    if (this.loops.size === 0) this.sleepUntilNextDue();
  }

  /** Attempts the CRM's due entries, round after round, until none is due. */
  private async deliverSystem(system: System): Promise<void> {
    for (;;) {
      const due = this.due((s) => s === system, DELIVERY_ROUND);
      if (due.length === 0 || !this.running) return;
      await this.deliverInLanes(due);
    }
  }

  private sleepUntilNextDue(): void {
    const next = this.nextDue();
    if (next !== null) this.schedule(Math.max(0, next - this.now().toMillis()));
  }

  /**
   * Attempts one CRM's due entries, oldest first, DELIVERY_LANES at a time: a large backlog (a
   * first sync's creates) is not held to one round trip at a time. Order holds where it matters:
   * an entry whose object (or a record it refers to) has an older write pending or in flight is
   * left for the next round.
   */
  private async deliverInLanes(entries: readonly OutboxEntry[]): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (this.running && next < entries.length) {
        const entry = entries[next++]!;
        if (this.outbox.blockedBy(entry) !== null || !this.outbox.claim(entry.id)) continue;
        await this.attempt(entry, false);
      }
    };
    await Promise.all(Array.from({ length: DELIVERY_LANES }, lane));
  }

  /** Up to `limit` entries due now and not blocked, of the CRMs `of` accepts, oldest first. */
  private due(of: (system: System) => boolean, limit = Infinity): OutboxEntry[] {
    const now = this.now().toMillis();
    const due: OutboxEntry[] = [];
    for (const e of this.outbox.list()) {
      if (due.length >= limit) break;
      if (of(e.system) && this.waiting(e) && (e.nextAttemptAt?.toMillis() ?? Infinity) <= now && this.outbox.blockedBy(e) === null) due.push(e);
    }
    return due;
  }

  /** When the next unblocked entry is due (blocked ones are woken when what blocks them settles). */
  private nextDue(): number | null {
    const times = this.outbox.list().filter((e) => this.waiting(e) && this.outbox.blockedBy(e) === null).map((e) => e.nextAttemptAt?.toMillis() ?? Infinity);
    const next = Math.min(...times);
    return Number.isFinite(next) ? next : null;
  }

  private waiting(entry: OutboxEntry): boolean {
    return entry.status === 'PENDING' && !this.outbox.isClaimed(entry.id);
  }
}
