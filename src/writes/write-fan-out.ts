// Sends the planned writes of one mutation to every CRM at once, through the durable outbox.
import type { Outbox } from '../store/outbox.js';
import type { OutboxWorker } from './outbox-worker.js';
import type { SystemOutcome } from './system-outcome.js';
import type { PlannedWrite } from './write-planner.js';

export class WriteFanOut {
  constructor(
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
  ) {}

  /**
   * One outcome per planned write, in plan order. Every write is stored in the outbox BEFORE it is
   * sent (claimed, so the worker leaves it alone): if the process dies mid-way, the worker sends it
   * after the restart. Then all are attempted in parallel; what meets a passing failure stays
   * queued, the rest leave the outbox.
   */
  async run(planned: readonly PlannedWrite[]): Promise<SystemOutcome[]> {
    await this.outbox.add(planned.flatMap((p) => (p.kind === 'job' ? [p.job] : [])), { claim: true });
    return Promise.all(planned.map((p) => (p.kind === 'job' ? this.worker.attempt(p.job, true) : p.outcome)));
  }
}
