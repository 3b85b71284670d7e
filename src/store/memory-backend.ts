// memory:// — a Map per namespace; nothing survives the process (tests, throwaway demos).
import Keyv from 'keyv';
import { assertNamespaceName, keyvEntries, PLAIN_JSON, type KeyvBackend } from './keyv-backend.js';

export class MemoryBackend implements KeyvBackend {
  readonly description = 'memory://';
  private readonly namespaces = new Map<string, Keyv>();

  keyv(namespace: string): Keyv {
    let keyv = this.namespaces.get(namespace);
    if (!keyv) {
      assertNamespaceName(namespace);
      keyv = new Keyv({ store: new Map(), namespace, throwOnErrors: true, ...PLAIN_JSON });
      this.namespaces.set(namespace, keyv);
    }
    return keyv;
  }

  entries(namespace: string): AsyncIterable<[string, unknown]> {
    return keyvEntries(this.keyv(namespace), this.description);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.namespaces.clear();
  }
}
