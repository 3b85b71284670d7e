// Match candidates: pairs of unified people the twin matcher found alike but did not link, kept
// durably until someone confirms (links) or rejects them.
//
// Like the identity index: synchronous reads from an in-memory projection loaded at open, every
// write persisted before it resolves, writes one at a time; one gateway process per store.
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import { SYSTEMS, type System } from '../model/system.js';
import { SerialQueue } from '../store/serial-queue.js';
import { storeWrite } from '../store/store-write.js';
import type { HoldReason } from './person-matcher.js';

const HOLD_REASONS = ['SCORE', 'SAME_SYSTEM', 'NAME_CONFLICT'] as const satisfies readonly HoldReason[];

export interface MatchCandidate {
  readonly id: string;
  /** The person already known, then the person the newly seen record became. */
  readonly personIds: readonly [string, string];
  /** The newly seen record whose match was held. */
  readonly record: { readonly system: System; readonly remoteId: string };
  readonly score: number;
  readonly reason: HoldReason;
  /** Compared fields (unified names) that spoke for one person, strongest first. */
  readonly agreed: readonly string[];
  readonly disagreed: readonly string[];
  readonly createdAt: DateTime;
}

export type NewMatchCandidate = Omit<MatchCandidate, 'id' | 'createdAt'>;

const StoredCandidateSchema = z.object({
  id: z.string(),
  personIds: z.tuple([z.string(), z.string()]),
  record: z.object({ system: z.enum(SYSTEMS), remoteId: z.string() }),
  score: z.number(),
  reason: z.enum(HOLD_REASONS),
  agreed: z.array(z.string()),
  disagreed: z.array(z.string()),
  createdAt: z.string(),
});

const CANDIDATE_ID = /^mc_[0-9a-f]{20}$/;

/** One id per unordered pair, so the same pair found twice stays one candidate. */
export function matchCandidateId(a: string, b: string): string {
  const pair = [a, b].sort().join('|');
  return `mc_${createHash('sha256').update(pair).digest('hex').slice(0, 20)}`;
}

export function isMatchCandidateId(value: string): boolean {
  return CANDIDATE_ID.test(value);
}

function decode(key: string, value: unknown): MatchCandidate {
  const parsed = StoredCandidateSchema.safeParse(value);
  const createdAt = parsed.success ? DateTime.fromISO(parsed.data.createdAt, { zone: 'utc' }) : null;
  if (!parsed.success || parsed.data.id !== key || !createdAt?.isValid) {
    throw new GatewayError('INTERNAL', `stored match candidate ${JSON.stringify(key)} must be a match candidate, but got: ${JSON.stringify(value)}`);
  }
  return Object.freeze({ ...parsed.data, createdAt });
}

/** Best score first, then oldest first. */
function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  return b.score - a.score || a.createdAt.toMillis() - b.createdAt.toMillis() || (a.id < b.id ? -1 : 1);
}

export class MatchCandidates {
  private readonly byId = new Map<string, MatchCandidate>();
  private readonly writes = new SerialQueue();
  private sorted: readonly MatchCandidate[] | null = null;

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
  ) {}

  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, now: () => DateTime = () => DateTime.utc()): Promise<MatchCandidates> {
    const candidates = new MatchCandidates(keyv, now);
    for await (const [key, value] of stored) candidates.byId.set(key, decode(key, value));
    return candidates;
  }

  get(id: string): MatchCandidate | null {
    return this.byId.get(id) ?? null;
  }

  /** Every candidate, best score first (then oldest first). */
  all(): readonly MatchCandidate[] {
    this.sorted ??= Object.freeze([...this.byId.values()].sort(compareCandidates));
    return this.sorted;
  }

  /** Stores the candidate; a pair already held keeps its first entry, which is returned. */
  add(candidate: NewMatchCandidate): Promise<MatchCandidate> {
    return this.writes.run(async () => {
      const id = matchCandidateId(...candidate.personIds);
      const existing = this.byId.get(id);
      if (existing) return existing;
      const stored: MatchCandidate = Object.freeze({ ...candidate, id, createdAt: this.now() });
      await storeWrite(`write match candidate ${id}`, () => this.keyv.set(id, { ...stored, createdAt: stored.createdAt.toUTC().toISO() }));
      this.byId.set(id, stored);
      this.sorted = null;
      return stored;
    });
  }

  /** Forgets the candidates; resolves to how many there were. */
  remove(ids: Iterable<string>): Promise<number> {
    const list = [...new Set(ids)];
    return this.writes.run(async () => {
      let removed = 0;
      for (const id of list) {
        if (!this.byId.has(id)) continue;
        await storeWrite(`delete match candidate ${id}`, () => this.keyv.delete(id));
        this.byId.delete(id);
        this.sorted = null;
        removed += 1;
      }
      return removed;
    });
  }

  /** Resolves once every write started so far has settled. */
  idle(): Promise<void> {
    return this.writes.idle();
  }
}
