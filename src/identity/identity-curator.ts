// The decisions a person makes about identities, which the matcher leaves to them: merge people,
// confirm or reject a match candidate, split a record off into a person of its own. Each checks
// its arguments before writing anything, and records what changed in the change log.
import { GatewayError } from '../errors/gateway-error.js';
import type { ChangeLog } from '../events/change-log.js';
import type { Sortable } from '../graph/page-cursor.js';
import type { SourceRecordView } from '../graph/views.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import { SerialQueue } from '../store/serial-queue.js';
import { parseUnifiedId } from '../store/unified-id.js';
import { isMatchCandidateId, type MatchCandidate, type MatchCandidates } from './match-candidates.js';
import { mergedFieldChanges } from './merged-field-changes.js';
import type { MergePolicy } from './merge-policy.js';

export interface CuratorDeps {
  identity: IdentityIndex;
  records: RecordCache;
  candidates: MatchCandidates;
  changes: ChangeLog;
  policy?: MergePolicy;
}

export interface MergeOutcome {
  /** The person everyone was merged into (the first id given, or the person it had become). */
  survivorId: string;
  /** The ids merged into it by this call; they now resolve to the survivor. */
  mergedIds: string[];
}

export interface UnlinkOutcome {
  /** The unified id the record has now: a new one, or its own when it already stood alone. */
  unifiedId: string;
  /** The unified id it was linked to before. */
  previousId: string;
}

/** An open candidate as clients see it: its people as they are now (merges followed). */
export type PendingCandidate = MatchCandidate &
  Sortable & {
    readonly currentIds: readonly [string, string];
    /** The newly seen record, with its times as last indexed (null when no longer cached). */
    readonly source: SourceRecordView;
  };

// Best score first, then oldest first: the order of MatchCandidates.all, as a keyset for paging.
function sortKeyOf(candidate: MatchCandidate): string {
  return `${(1 - candidate.score).toFixed(15)}|${String(candidate.createdAt.toMillis()).padStart(15, '0')}`;
}

export class IdentityCurator {
  // One decision at a time: a merge checks, then writes, with no other decision in between.
  private readonly decisions = new SerialQueue();

  constructor(private readonly deps: CuratorDeps) {}

  /**
   * Candidates still open, best score first: those whose two people have since become one (or
   * whose people no longer exist) are left out.
   */
  pendingCandidates(): PendingCandidate[] {
    return this.deps.candidates.all().flatMap((candidate) => {
      const current = this.currentPair(candidate);
      return current ? [this.pending(candidate, current)] : [];
    });
  }

  /**
   * Merges the people into the first: their records move to it and their ids resolve to it.
   * `ids` (argument name "ids") must hold at least two existing person ids; ids that are already
   * the same person are fine (nothing to merge for them).
   */
  mergePeople(ids: readonly string[]): Promise<MergeOutcome> {
    return this.decisions.run(async () => {
      const people = this.checkPeople(ids, 'ids');
      return this.merge(people[0]!, people.slice(1));
    });
  }

  /** Merges a candidate's two people (the known one survives) and closes the candidate. */
  confirmCandidate(candidateId: string): Promise<MergeOutcome> {
    return this.decisions.run(async () => {
      const candidate = this.checkCandidate(candidateId, 'candidateId');
      const current = this.currentPair(candidate);
      const outcome = current ? await this.merge(current[0], [current[1]]) : { survivorId: this.survivorOf(candidate), mergedIds: [] };
      await this.deps.candidates.remove([candidate.id]);
      return outcome;
    });
  }

  /** Closes a candidate without merging: its two people stay two. Resolves to the candidate. */
  rejectCandidate(candidateId: string): Promise<PendingCandidate> {
    return this.decisions.run(async () => {
      const candidate = this.checkCandidate(candidateId, 'candidateId');
      const pending = this.pending(candidate, this.currentPair(candidate) ?? candidate.personIds);
      await this.deps.candidates.remove([candidate.id]);
      return pending;
    });
  }

  /**
   * Splits the record off into a new unified object of its own; the one it leaves keeps its other
   * records. A record that already stands alone stays as it is, and the match candidates naming it
   * are closed: someone has said it is nobody else. `remoteId` (argument "remoteId") must be a
   * record the gateway has linked.
   */
  unlinkRecord(system: System, remoteId: string, entity: EntityType): Promise<UnlinkOutcome> {
    return this.decisions.run(async () => {
      const { identity, candidates, changes } = this.deps;
      const previousId = identity.find(system, entity, remoteId);
      if (previousId === null) {
        throw GatewayError.badInput('remoteId', `Argument "remoteId" must name a ${system} ${entity.toLowerCase()} record the gateway has indexed, but got: ${JSON.stringify(remoteId)}`);
      }
      const before = this.linkedRecords(previousId);
      const unifiedId = (await identity.split(entity, system, remoteId)) ?? previousId;
      if (unifiedId === previousId) {
        const naming = candidates.all().filter((c) => this.currentPair(c)?.includes(previousId) ?? false);
        await candidates.remove(naming.map((c) => c.id));
        return { unifiedId, previousId };
      }
      const moved = before.filter((r) => r.system === system && r.remoteId === remoteId);
      await changes.append({ entity, id: previousId, op: 'UPDATED', origin: null, changedFields: mergedFieldChanges(before, this.linkedRecords(previousId), this.deps.policy, this.deps.identity) });
      await changes.append({ entity, id: unifiedId, op: 'CREATED', origin: null, changedFields: mergedFieldChanges([], moved, this.deps.policy, this.deps.identity) });
      return { unifiedId, previousId };
    });
  }

  private async merge(survivorId: string, others: readonly string[]): Promise<MergeOutcome> {
    const { identity, candidates, changes } = this.deps;
    const before = this.linkedRecords(survivorId);
    const mergedIds = await identity.merge(survivorId, others);
    if (mergedIds.length === 0) return { survivorId, mergedIds };
    // Candidates between people who are now one are settled.
    const settled = candidates.all().filter((c) => this.currentPair(c) === null && this.survivorOf(c) === survivorId);
    await candidates.remove(settled.map((c) => c.id));
    await changes.append({
      entity: 'PERSON',
      id: survivorId,
      op: 'MERGED',
      origin: null,
      changedFields: mergedFieldChanges(before, this.linkedRecords(survivorId), this.deps.policy, this.deps.identity),
      mergedIds,
    });
    return { survivorId, mergedIds };
  }

  /** The survivors the ids name, first first; throws BAD_USER_INPUT naming `argument`. */
  private checkPeople(ids: readonly string[], argument: string): string[] {
    if (ids.length < 2) throw GatewayError.badInput(argument, `Argument "${argument}" must name at least two people, but got ${ids.length}`);
    return ids.map((id, i) => {
      if (parseUnifiedId(id)?.entity !== 'PERSON') {
        throw GatewayError.badInput(argument, `Argument "${argument}" must hold person ids such as "per_…", but ${argument}[${i}] is: ${JSON.stringify(id)}`);
      }
      const person = this.deps.identity.get(id);
      if (!person) throw GatewayError.badInput(argument, `Argument "${argument}" must name existing people, but ${argument}[${i}] is unknown: ${JSON.stringify(id)}`);
      return person.id;
    });
  }

  private checkCandidate(candidateId: string, argument: string): MatchCandidate {
    const candidate = isMatchCandidateId(candidateId) ? this.deps.candidates.get(candidateId) : null;
    if (!candidate) {
      throw GatewayError.badInput(argument, `Argument "${argument}" must be the id of an open match candidate ("mc_…"), but got: ${JSON.stringify(candidateId)}`);
    }
    return candidate;
  }

  private pending(candidate: MatchCandidate, currentIds: readonly [string, string]): PendingCandidate {
    const { system, remoteId } = candidate.record;
    const cached = this.deps.records.get({ system, entity: 'PERSON', remoteId })?.record;
    const source = { system, remoteId, createdAt: cached?.createdAt ?? null, modifiedAt: cached?.modifiedAt ?? null };
    return { ...candidate, currentIds, source, sortKey: sortKeyOf(candidate) };
  }

  /** The candidate's two people as they are now; null when they have become one or one is gone. */
  private currentPair(candidate: MatchCandidate): [string, string] | null {
    const a = this.deps.identity.get(candidate.personIds[0])?.id;
    const b = this.deps.identity.get(candidate.personIds[1])?.id;
    return a === undefined || b === undefined || a === b ? null : [a, b];
  }

  private survivorOf(candidate: MatchCandidate): string {
    return this.deps.identity.get(candidate.personIds[0])?.id ?? this.deps.identity.get(candidate.personIds[1])?.id ?? candidate.personIds[0];
  }

  /** The cached records the unified object links (those the cache holds). */
  private linkedRecords(unifiedId: string): RemoteRecord[] {
    const identity = this.deps.identity.get(unifiedId);
    if (!identity) return [];
    return identity.links.flatMap((link) => {
      const cached = this.deps.records.get({ system: link.system, entity: identity.entity, remoteId: link.remoteId });
      return cached ? [cached.record] : [];
    });
  }
}
