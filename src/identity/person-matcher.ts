// Decides whether a person record seen for the first time is a twin of a known unified person.
//
// It keeps a profile of every known person record and a blocking index over them. Matching runs in
// stages — people sharing a normalised email, then an E.164 phone, then an external id, then the
// look-alikes for a scored comparison of name, address and birth date — and stops at the first
// stage that yields a sure twin, so an identifier match is never outvoted by a look-alike.
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { BlockingIndex } from './blocking-index.js';
import { hasOtherRecordIn, type IdentityLookup } from './identity-lookup.js';
import { comparePeople, type PersonComparison } from './person-comparator.js';
import { allBlockingKeys, personBlockingKeys } from './person-blocking-keys.js';
import { personProfile, type PersonProfile, type ProfileOptions } from './person-profile.js';
import type { MatchThresholds } from './match-thresholds.js';

/** Why a pair scored at least "maybe" was not linked. */
export type HoldReason = 'SCORE' | 'SAME_SYSTEM' | 'NAME_CONFLICT';

export interface ScoredTwin {
  unifiedId: string;
  comparison: PersonComparison;
}

export interface HeldTwin extends ScoredTwin {
  reason: HoldReason;
}

export interface PersonMatch {
  /** The person to link the record to, or null. */
  link: ScoredTwin | null;
  /** When nothing is linked: the people scored at least "maybe", best first (at most MAX_HELD). */
  held: HeldTwin[];
}

export interface PersonMatcherOptions extends ProfileOptions {
  thresholds: MatchThresholds;
}

/** Comparisons per stage at most (see BlockingIndex.candidates). */
const MAX_COMPARISONS = 1000;
/** Candidates kept for one record: enough for a reviewer to see the real alternatives. */
const MAX_HELD = 3;

function memberId(system: System, remoteId: string): string {
  return `${system}\u0000${remoteId}`;
}

function parseMember(member: string): [System, string] {
  const at = member.indexOf('\u0000');
  return [member.slice(0, at) as System, member.slice(at + 1)];
}

export class PersonMatcher {
  private readonly profiles = new Map<string, PersonProfile>();
  private readonly blocking = new BlockingIndex();

  constructor(
    private readonly identity: IdentityLookup,
    private readonly options: PersonMatcherOptions,
  ) {}

  /** How many person records it knows. */
  get size(): number {
    return this.profiles.size;
  }

  /** Notes the record (new or changed) as a known person record. */
  remember(record: RemoteRecord<'PERSON'>): void {
    const profile = personProfile(record.data, this.options);
    const member = memberId(record.system, record.remoteId);
    this.profiles.set(member, profile);
    this.blocking.set(member, allBlockingKeys(personBlockingKeys(profile)));
  }

  forget(system: System, remoteId: string): void {
    const member = memberId(system, remoteId);
    this.profiles.delete(member);
    this.blocking.delete(member);
  }

  /**
   * The unified people every stage of `match` would compare the record with (its blocking
   * candidates, its own person left out), for measuring how many true twins blocking finds.
   */
  lookAlikes(record: RemoteRecord<'PERSON'>): Set<string> {
    const keys = personBlockingKeys(personProfile(record.data, this.options));
    const out = new Set<string>();
    for (const stage of [keys.email, keys.phone, keys.externalId, keys.similarity]) {
      for (const [, unifiedId] of this.members(stage, record)) out.add(unifiedId);
    }
    return out;
  }

  match(record: RemoteRecord<'PERSON'>): PersonMatch {
    const { sure, maybe } = this.options.thresholds;
    const profile = personProfile(record.data, this.options);
    const keys = personBlockingKeys(profile);
    const best = new Map<string, ScoredTwin>();
    const compared = new Set<string>();
    const holdReason = (twin: ScoredTwin): HoldReason | null => {
      if (hasOtherRecordIn(this.identity, twin.unifiedId, record.system, record.remoteId)) return 'SAME_SYSTEM';
      // Households share emails and phones: when only those carry a pair whose given names differ
      // over the threshold, it is two people of one household far more often than one person.
      if (twin.comparison.givenNamesConflict && twin.comparison.scoreWithoutContacts < sure) return 'NAME_CONFLICT';
      return twin.comparison.score >= sure ? null : 'SCORE';
    };

    for (const stage of [keys.email, keys.phone, keys.externalId, keys.similarity]) {
      for (const [member, unifiedId, known] of this.members(stage, record)) {
        if (compared.has(member)) continue;
        compared.add(member);
        // A person is as alike as their most alike record.
        const comparison = comparePeople(profile, known);
        const previous = best.get(unifiedId);
        if (!previous || comparison.score > previous.comparison.score) best.set(unifiedId, { unifiedId, comparison });
      }
      const linkable = [...best.values()].filter((twin) => holdReason(twin) === null).sort(byScore);
      if (linkable[0]) return { link: linkable[0], held: [] };
    }
    const held = [...best.values()]
      .filter((twin) => twin.comparison.score >= maybe)
      .sort(byScore)
      .slice(0, MAX_HELD)
      .map((twin) => ({ ...twin, reason: holdReason(twin) ?? 'SCORE' }));
    return { link: null, held };
  }

  /** The known linked records filed under any of `keys`, with their unified id; the record itself left out. */
  private *members(keys: readonly string[], record: RemoteRecord<'PERSON'>): Generator<[member: string, unifiedId: string, profile: PersonProfile]> {
    if (keys.length === 0) return;
    const self = memberId(record.system, record.remoteId);
    for (const member of this.blocking.candidates(keys, MAX_COMPARISONS)) {
      if (member === self) continue;
      const [system, remoteId] = parseMember(member);
      const unifiedId = this.identity.find(system, 'PERSON', remoteId);
      const known = this.profiles.get(member);
      if (unifiedId !== null && known !== undefined) yield [member, unifiedId, known];
    }
  }
}

function byScore(a: ScoredTwin, b: ScoredTwin): number {
  return b.comparison.score - a.comparison.score || (a.unifiedId < b.unifiedId ? -1 : 1);
}
