// What the sync wrote to each twin, as field hashes, so that the CRM's echo of that write — the
// record coming back changed on the next pull — is recognized and neither propagated nor reported.
//
// Keyed by CRM and unified object rather than remote id: a twin the sync creates has no remote id
// until the CRM answers. An expectation is dropped once a pull shows that field (the echo came, or
// the record moved on), when a newer write replaces it, or after ECHO_WINDOW_MS: by then the pull
// that would bring the echo has long happened (most echoes never come at all — the write path
// caches the CRM's answer, so the pull finds the record unchanged).
import type Keyv from 'keyv';
import { z } from 'zod';
import type { System } from '../model/system.js';
import type { FieldHashes } from '../sync/field-values.js';
import { PersistentMap } from './persistent-map.js';

export const ECHO_WINDOW_MS = 24 * 3_600_000;

const ExpectedSchema = z.object({ at: z.number(), fields: z.record(z.string(), z.string()) });
type Expected = z.output<typeof ExpectedSchema>;

function key(system: System, unifiedId: string): string {
  return `${system}:${unifiedId}`;
}

export class EchoLedger {
  private constructor(
    private readonly map: PersistentMap<Expected>,
    private readonly now: () => number,
  ) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, now: () => number = Date.now): Promise<EchoLedger> {
    return new EchoLedger(await PersistentMap.load(keyv, stored, ExpectedSchema, 'echo expectation'), now);
  }

  get size(): number {
    return this.map.size;
  }

  /** The field hashes the sync last wrote to this object's twin in `system`. */
  expected(system: System, unifiedId: string): FieldHashes {
    return this.map.get(key(system, unifiedId))?.fields ?? {};
  }

  /** Records writes about to be queued: per twin, the fields and the hashes of the values written. */
  expect(writes: readonly { system: System; unifiedId: string; fields: FieldHashes }[]): Promise<void> {
    const updated = new Map<string, Expected>();
    const at = this.now();
    for (const write of writes) {
      const k = key(write.system, write.unifiedId);
      updated.set(k, { at, fields: { ...(updated.get(k) ?? this.map.get(k))?.fields, ...write.fields } });
    }
    return this.map.setMany(updated);
  }

  /** Drops the expectations of fields a pull has shown. */
  settle(system: System, unifiedId: string, fields: readonly string[]): Promise<void> {
    const k = key(system, unifiedId);
    const current = this.map.get(k);
    if (!current || !fields.some((f) => f in current.fields)) return Promise.resolve();
    const rest = Object.fromEntries(Object.entries(current.fields).filter(([f]) => !fields.includes(f)));
    return this.map.setMany(new Map([[k, Object.keys(rest).length === 0 ? null : { at: current.at, fields: rest }]]));
  }

  /** Drops expectations older than the echo window; resolves to how many. */
  async prune(): Promise<number> {
    const horizon = this.now() - ECHO_WINDOW_MS;
    const stale = new Map<string, null>();
    for (const [k, value] of this.map.entries()) if (value.at < horizon) stale.set(k, null);
    await this.map.setMany(stale);
    return stale.size;
  }

  idle(): Promise<void> {
    return this.map.idle();
  }
}
