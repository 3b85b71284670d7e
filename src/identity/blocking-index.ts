// Blocking: which known members share a key with a newcomer, so matching one record compares it
// with a few look-alikes instead of everyone. Keys are plain strings the caller derives (an email,
// a phonetic name code, a birth date); members are the caller's ids.

export class BlockingIndex {
  private readonly blocks = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, readonly string[]>();

  /** Files the member under exactly these keys (replacing the keys it had). */
  set(member: string, keys: readonly string[]): void {
    this.delete(member);
    const unique = [...new Set(keys)];
    this.keysOf.set(member, unique);
    for (const key of unique) {
      let block = this.blocks.get(key);
      if (!block) {
        block = new Set();
        this.blocks.set(key, block);
      }
      block.add(member);
    }
  }

  delete(member: string): void {
    for (const key of this.keysOf.get(member) ?? []) {
      const block = this.blocks.get(key);
      block?.delete(member);
      if (block?.size === 0) this.blocks.delete(key);
    }
    this.keysOf.delete(member);
  }

  get size(): number {
    return this.keysOf.size;
  }

  /**
   * Members sharing at least one of `keys`. Blocks are taken smallest first — a rare key says more
   * than a common one — and whole: once `limit` members are gathered no further block is opened,
   * so a key everyone shares (a common surname's code) cannot make one match a full scan. At most
   * `limit` members (only the first block can be cut short).
   */
  candidates(keys: readonly string[], limit: number): Set<string> {
    const blocks = [...new Set(keys)]
      .map((key) => this.blocks.get(key))
      .filter((b): b is Set<string> => b !== undefined)
      .sort((a, b) => a.size - b.size);
    const out = new Set<string>();
    for (const block of blocks) {
      if (out.size + block.size > limit) {
        // Even the rarest key is too common: a sample of it rather than nothing.
        if (out.size === 0) for (const member of block) if (out.size < limit) out.add(member);
        break;
      }
      for (const member of block) out.add(member);
    }
    return out;
  }
}
