// Idempotency keys: a create repeated with the same key returns the first call's result instead of
// making a twin. Kept in the store, so a client retrying after a gateway restart is covered too.
import type Keyv from 'keyv';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { SYSTEMS } from '../model/system.js';
import { contentHash } from '../store/content-hash.js';
import { SerialQueue } from '../store/serial-queue.js';
import { storeWrite } from '../store/store-write.js';
import type { SystemOutcome } from './system-outcome.js';

export interface WriteResult {
  /** The unified object written. */
  unifiedId: string;
  outcomes: SystemOutcome[];
}

const OUTCOME_STATUSES = ['CREATED', 'UPDATED', 'DELETED', 'UNSUBSCRIBED', 'SKIPPED', 'QUEUED', 'FAILED'] as const;

const StoredSchema = z.object({
  mutation: z.string(),
  inputHash: z.string(),
  unifiedId: z.string(),
  outcomes: z.array(
    z.object({
      system: z.enum(SYSTEMS),
      status: z.enum(OUTCOME_STATUSES),
      remoteId: z.string().nullable(),
      error: z.string().nullable(),
      skippedFields: z.array(z.string()),
      pendingWriteId: z.string().nullable(),
    }),
  ),
  /** False while the writes are under way: the outcomes are the plan, QUEUED where a write was to be sent. */
  complete: z.boolean(),
});
type StoredWrite = z.infer<typeof StoredSchema>;

const MAX_KEY_LENGTH = 255;

/** Works out, after a restart cut a write short, what became of each planned outcome. */
export type RecoverOutcomes = (stored: WriteResult) => SystemOutcome[];

export class IdempotencyKeys {
  private readonly stored = new Map<string, StoredWrite>();
  private readonly running = new Map<string, { mutation: string; inputHash: string; result: Promise<WriteResult> }>();
  private readonly writes = new SerialQueue();

  private constructor(private readonly keyv: Keyv) {}

  static async load(keyv: Keyv, entries: AsyncIterable<[string, unknown]>): Promise<IdempotencyKeys> {
    const keys = new IdempotencyKeys(keyv);
    for await (const [key, value] of entries) {
      const parsed = StoredSchema.safeParse(value);
      if (!parsed.success) throw new GatewayError('INTERNAL', `stored idempotency key ${JSON.stringify(key)} must hold a write result, but got: ${JSON.stringify(value)}`);
      keys.stored.set(key, parsed.data);
    }
    return keys;
  }

  /**
   * Runs `write` once per key. A repeat (concurrent or later) gets the first call's result; a
   * repeat after a restart that interrupted the first call gets `recover`'s reading of its plan.
   * `write` calls `begin` with its unified id and planned outcomes before it sends anything.
   * The key must come back with the same mutation and input, else BAD_USER_INPUT.
   */
  async once(
    key: string,
    mutation: string,
    input: unknown,
    write: (begin: (planned: WriteResult) => Promise<void>) => Promise<WriteResult>,
    recover: RecoverOutcomes,
  ): Promise<WriteResult> {
    if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
      throw GatewayError.badInput('idempotencyKey', `idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters, not blank, but got: ${JSON.stringify(key.slice(0, 40))}${key.length > 40 ? '…' : ''}`);
    }
    // JSON first: DateTimes become their ISO text, absent fields drop out.
    const inputHash = contentHash(JSON.parse(JSON.stringify(input ?? null)) as unknown);
    const running = this.running.get(key);
    if (running) {
      this.checkSame(key, running, mutation, inputHash);
      return running.result;
    }
    const stored = this.stored.get(key);
    if (stored) {
      this.checkSame(key, stored, mutation, inputHash);
      const first = { unifiedId: stored.unifiedId, outcomes: stored.outcomes };
      return stored.complete ? first : { ...first, outcomes: recover(first) };
    }
    const result = this.runOnce(key, mutation, inputHash, write);
    this.running.set(key, { mutation, inputHash, result });
    try {
      return await result;
    } finally {
      this.running.delete(key);
    }
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  private async runOnce(key: string, mutation: string, inputHash: string, write: (begin: (planned: WriteResult) => Promise<void>) => Promise<WriteResult>): Promise<WriteResult> {
    const result = await write((planned) => this.save(key, { mutation, inputHash, ...planned, complete: false }));
    await this.save(key, { mutation, inputHash, ...result, complete: true });
    return result;
  }

  private save(key: string, value: StoredWrite): Promise<void> {
    return this.writes.run(async () => {
      await storeWrite(`write idempotency key ${JSON.stringify(key)}`, () => this.keyv.set(key, value));
      this.stored.set(key, value);
    });
  }

  private checkSame(key: string, first: { mutation: string; inputHash: string }, mutation: string, inputHash: string): void {
    if (first.mutation === mutation && first.inputHash === inputHash) return;
    const what = first.mutation === mutation ? `${mutation} with other input` : mutation;
    throw GatewayError.badInput(
      'idempotencyKey',
      `idempotencyKey ${JSON.stringify(key)} was first used for a ${first.mutation}; a repeat must send the same mutation and input, but got: ${what}`,
    );
  }
}
