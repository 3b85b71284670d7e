// Client API keys: `Authorization: Bearer <key>`, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  // Hashing first gives equal-length buffers, so the comparison leaks nothing about key lengths.
  return createHash('sha256').update(value, 'utf8').digest();
}

export class ClientAuth {
  private readonly keys: Buffer[];

  constructor(keys: readonly string[]) {
    this.keys = keys.map(digest);
  }

  get required(): boolean {
    return this.keys.length > 0;
  }

  /** True when keys are not required, or the header carries one of them. */
  allows(authorization: string | undefined | null): boolean {
    if (!this.required) return true;
    const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    if (!match) return false;
    const presented = digest(match[1]!);
    let ok = false;
    for (const key of this.keys) ok = timingSafeEqual(key, presented) || ok;
    return ok;
  }
}
