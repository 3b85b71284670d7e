// A Keyv over a plain Map, as the store's projections use one, and readers of what it holds: for
// store tests that look at exactly what was persisted.
import Keyv from 'keyv';

export function mapKeyv(namespace: string): Keyv {
  return new Keyv({ store: new Map(), namespace, throwOnErrors: true });
}

/** Every key and value stored, as a projection's `load` takes them. */
export async function* storedEntries(keyv: Keyv): AsyncIterable<[string, unknown]> {
  yield* keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>;
}

/** The keys stored, sorted. */
export async function storedKeys(keyv: Keyv): Promise<string[]> {
  const keys: string[] = [];
  for await (const [key] of storedEntries(keyv)) keys.push(key);
  return keys.sort();
}
