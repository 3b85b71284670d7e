// A keyed projection of one store namespace: synchronous reads from memory (loaded at open),
// writes persisted one at a time before they resolve. For small features' state that needs no
// more than get / set / delete (one gateway process per store).
import type Keyv from 'keyv';
import type { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';

export class PersistentMap<T> {
  private readonly values = new Map<string, T>();
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly keyv: Keyv,
    /** Names the namespace's items in errors, e.g. "sync backlog entry". */
    private readonly what: string,
  ) {}

  static async load<S extends z.ZodType>(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, schema: S, what: string): Promise<PersistentMap<z.output<S>>> {
    const map = new PersistentMap<z.output<S>>(keyv, what);
    for await (const [key, value] of stored) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new GatewayError('INTERNAL', `stored ${what} ${JSON.stringify(key)} has the wrong shape: ${JSON.stringify(value)}`);
      map.values.set(key, parsed.data);
    }
    return map;
  }

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  get size(): number {
    return this.values.size;
  }

  entries(): IterableIterator<[string, T]> {
    return this.values.entries();
  }

  /** Sets several keys in one store round trip; `null` deletes the key. */
  setMany(changes: ReadonlyMap<string, T | null>): Promise<void> {
    return this.writes.run(async () => {
      const sets = [...changes].filter((c): c is [string, T] => c[1] !== null);
      const deletes = [...changes].filter(([key, value]) => value === null && this.values.has(key)).map(([key]) => key);
      if (sets.length > 0) await storeWrite(`write ${sets.length} ${this.what}s`, () => this.keyv.setMany(sets.map(([key, value]) => ({ key, value }))));
      if (deletes.length > 0) await storeWrite(`delete ${deletes.length} ${this.what}s`, () => this.keyv.deleteMany(deletes));
      for (const [key, value] of sets) this.values.set(key, value);
      for (const key of deletes) this.values.delete(key);
    });
  }

  /** Resolves once every write started so far has settled. */
  idle(): Promise<void> {
    return this.writes.idle();
  }
}
