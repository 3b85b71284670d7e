// The identity index: which remote records — (system, remoteId) per entity — each unified id links.
//
// Reads are synchronous, from an in-memory projection loaded from the store at open; every write is
// persisted before the projection changes and before it resolves, and writes run one at a time. The
// projection is the truth while the process lives, so it assumes ONE gateway process per store: a
// second process writing the same store would not see the first one's links until it restarts.
import type Keyv from 'keyv';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { shareLocale } from '../model/shared-locale.js';
import { GatewayError } from '../errors/gateway-error.js';
import { recordKeyString } from '../model/remote-record.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import { SerialQueue } from './serial-queue.js';
import { storeWrite } from './store-write.js';
import { deriveUnifiedId, newUnifiedId, parseUnifiedId } from './unified-id.js';

export interface IdentityLink {
  readonly system: System;
  readonly remoteId: string;
  readonly linkedAt: DateTime;
}

export interface UnifiedIdentity {
  readonly id: string;
  readonly entity: EntityType;
  readonly createdAt: DateTime;
  /** In the order they were linked; the first is the record the id was derived from (until it moves). */
  readonly links: readonly IdentityLink[];
  /** Set on an id merged into another; `get` follows it, so callers see the survivor. */
  readonly mergedInto: string | null;
}

export interface UnlinkResult {
  unifiedId: string;
  /** True when that was the id's last link: it no longer exists. */
  identityRemoved: boolean;
}

const StoredIdentitySchema = z.object({
  id: z.string(),
  entity: z.enum(ENTITY_TYPES),
  createdAt: z.string(),
  links: z.array(z.object({ system: z.enum(SYSTEMS), remoteId: z.string(), linkedAt: z.string() })),
  mergedInto: z.string().nullable(),
});
type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

// Guards `get` against a corrupted merge chain that loops.
const MAX_MERGE_HOPS = 32;

function isLive(identity: UnifiedIdentity): boolean {
  return identity.mergedInto === null && identity.links.length > 0;
}

function encode(identity: UnifiedIdentity): StoredIdentity {
  return {
    id: identity.id,
    entity: identity.entity,
    createdAt: identity.createdAt.toUTC().toISO() ?? '',
    links: identity.links.map((l) => ({ system: l.system, remoteId: l.remoteId, linkedAt: l.linkedAt.toUTC().toISO() ?? '' })),
    mergedInto: identity.mergedInto,
  };
}

function decodeDate(iso: string, where: string): DateTime {
  const value = DateTime.fromISO(iso, { zone: 'utc' });
  if (!value.isValid) throw new GatewayError('INTERNAL', `stored identity ${where} must hold ISO date-times, but got: ${JSON.stringify(iso)}`);
  return value;
}

function decode(key: string, value: unknown): UnifiedIdentity {
  const parsed = StoredIdentitySchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== key || parseUnifiedId(key)?.entity !== parsed.data.entity) {
    throw new GatewayError('INTERNAL', `stored identity ${JSON.stringify(key)} must be a unified identity of the entity its id names, but got: ${JSON.stringify(value)}`);
  }
  const stored = parsed.data;
  return freezeIdentity({
    id: stored.id,
    entity: stored.entity,
    createdAt: decodeDate(stored.createdAt, key),
    links: stored.links.map((l) => ({ system: l.system, remoteId: l.remoteId, linkedAt: decodeDate(l.linkedAt, key) })),
    mergedInto: stored.mergedInto,
  });
}

function freezeIdentity(identity: UnifiedIdentity): UnifiedIdentity {
  shareLocale(identity.createdAt);
  return Object.freeze({ ...identity, links: Object.freeze(identity.links.map((l) => Object.freeze({ ...l, linkedAt: shareLocale(l.linkedAt) }))) });
}

function linkKey(system: System, entity: EntityType, remoteId: string): string {
  return recordKeyString({ system, entity, remoteId });
}

export class IdentityIndex {
  private readonly byId = new Map<string, UnifiedIdentity>();
  private readonly byRecord = new Map<string, string>();
  private readonly live = new Map<EntityType, Set<string>>(ENTITY_TYPES.map((e) => [e, new Set<string>()]));
  private readonly sorted = new Map<EntityType, readonly string[]>();
  private readonly writes = new SerialQueue();
  private changes = 0;

  private constructor(
    private readonly keyv: Keyv,
    private readonly now: () => DateTime,
  ) {}

  /**
   * Loads the projection from the store. A record found linked by two ids (a crash between the two
   * writes of a `link` that moved it) stays with the later link, and the earlier one is removed. A
   * merge a crash interrupted (an id marked merged that still holds links) is finished.
   */
  static async load(keyv: Keyv, stored: AsyncIterable<[string, unknown]>, now: () => DateTime = () => DateTime.utc()): Promise<IdentityIndex> {
    const index = new IdentityIndex(keyv, now);
    const identities: UnifiedIdentity[] = [];
    for await (const [key, value] of stored) identities.push(decode(key, value));
    identities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    const owner = new Map<string, { id: string; linkedAt: number }>();
    const stale = new Map<string, Set<string>>(); // id → record keys to drop from it
    for (const identity of identities) {
      for (const link of identity.links) {
        const key = linkKey(link.system, identity.entity, link.remoteId);
        const previous = owner.get(key);
        const at = link.linkedAt.toMillis();
        if (previous && previous.linkedAt >= at) {
          addTo(stale, identity.id, key);
          continue;
        }
        if (previous) addTo(stale, previous.id, key);
        owner.set(key, { id: identity.id, linkedAt: at });
      }
    }
    const repairs: Array<{ id: string; next: UnifiedIdentity | null }> = [];
    for (const identity of identities) {
      const drop = stale.get(identity.id);
      if (!drop) {
        index.replace(undefined, identity);
        continue;
      }
      const links = identity.links.filter((l) => !drop.has(linkKey(l.system, identity.entity, l.remoteId)));
      const next = links.length > 0 || identity.mergedInto !== null ? freezeIdentity({ ...identity, links }) : null;
      if (next) index.replace(undefined, next);
      repairs.push({ id: identity.id, next });
    }
    for (const { id, next } of repairs) await index.persist(id, next);
    for (const identity of [...index.byId.values()]) {
      if (identity.mergedInto !== null && identity.links.length > 0) await index.finishMerge(identity);
    }
    index.changes = 0;
    return index;
  }

  /** Grows with every change to the index; cache anything derived from it against this number. */
  get version(): number {
    return this.changes;
  }

  /** The unified id the record is linked to, or null. */
  find(system: System, entity: EntityType, remoteId: string): string | null {
    return this.byRecord.get(linkKey(system, entity, remoteId)) ?? null;
  }

  /** The identity, following merges to the survivor; null for an unknown or unlinked id. */
  get(unifiedId: string): UnifiedIdentity | null {
    let identity = this.byId.get(unifiedId);
    for (let hops = 0; identity && identity.mergedInto !== null && hops < MAX_MERGE_HOPS; hops += 1) {
      identity = this.byId.get(identity.mergedInto);
    }
    return identity && isLive(identity) ? identity : null;
  }

  /** Every live id of the entity, ascending: stable across restarts, so `after <id>` pages stably. */
  ids(entity: EntityType): readonly string[] {
    let ids = this.sorted.get(entity);
    if (!ids) {
      ids = Object.freeze([...(this.live.get(entity) ?? [])].sort());
      this.sorted.set(entity, ids);
    }
    return ids;
  }

  /**
   * Gives the record a new unified id and resolves to it. The id is derived from the record (see
   * deriveUnifiedId). A record that is already linked keeps its id, which is returned: replaying a
   * page after a crash links nothing twice.
   */
  linkNew(entity: EntityType, system: System, remoteId: string): Promise<string> {
    return this.writes.run(async () => {
      const existing = this.find(system, entity, remoteId);
      if (existing !== null) return existing;
      return this.addSingleLinkIdentity(entity, system, remoteId);
    });
  }

  /** A new identity holding just this record, under the first free id derived from it. */
  private async addSingleLinkIdentity(entity: EntityType, system: System, remoteId: string): Promise<string> {
    let id = deriveUnifiedId(entity, system, remoteId);
    for (let attempt = 1; this.byId.has(id); attempt += 1) id = deriveUnifiedId(entity, system, remoteId, attempt);
    const now = this.now();
    const identity = freezeIdentity({ id, entity, createdAt: now, links: [{ system, remoteId, linkedAt: now }], mergedInto: null });
    await this.persist(id, identity);
    this.replace(undefined, identity);
    return id;
  }

  /**
   * Creates a unified id that has no link yet, for an object the gateway creates in the CRMs itself
   * while every CRM's write may still be queued. It is persisted, so links made after a restart
   * find it, but it is not live (`get`, `ids` skip it) until `link` gives it its first record.
   */
  reserve(entity: EntityType): Promise<string> {
    return this.writes.run(async () => {
      let id = newUnifiedId(entity);
      while (this.byId.has(id)) id = newUnifiedId(entity);
      const identity = freezeIdentity({ id, entity, createdAt: this.now(), links: [], mergedInto: null });
      await this.persist(id, identity);
      this.replace(undefined, identity);
      return id;
    });
  }

  /** The entity of a reserved id that has not been linked yet, or null when the id is not one. */
  reserved(unifiedId: string): EntityType | null {
    const identity = this.byId.get(unifiedId);
    return identity && identity.links.length === 0 && identity.mergedInto === null ? identity.entity : null;
  }

  /** Forgets a reserved id that never got a link (all its creates failed); resolves true when it did. */
  release(unifiedId: string): Promise<boolean> {
    return this.writes.run(async () => {
      const identity = this.byId.get(unifiedId);
      if (!identity || this.reserved(unifiedId) === null) return false;
      await this.persist(unifiedId, null);
      this.replace(identity, null);
      return true;
    });
  }

  /**
   * Links the record to an existing unified id (the survivor, if it was merged) or to a reserved
   * one, and resolves to that id. A record linked elsewhere moves — unless `keepExisting`: then it
   * stays, and its id is the answer (the matcher must not take a record that a write linked while
   * the match was pending). An id left without links stops existing. Throws NOT_FOUND when the
   * unified id does not exist.
   */
  link(unifiedId: string, system: System, remoteId: string, { keepExisting = false } = {}): Promise<string> {
    return this.writes.run(async () => {
      const target = this.get(unifiedId) ?? (this.reserved(unifiedId) === null ? null : this.byId.get(unifiedId));
      if (!target) throw new GatewayError('NOT_FOUND', `link needs an existing unified id, but got: ${JSON.stringify(unifiedId)}`);
      const currentId = this.find(system, target.entity, remoteId);
      if (currentId === target.id || (keepExisting && currentId !== null)) return currentId;
      const linked = freezeIdentity({ ...target, links: [...target.links, { system, remoteId, linkedAt: this.now() }] });
      // Add first, then remove: a crash in between leaves the record linked twice, which `load`
      // repairs (the later link wins); the other order could leave it linked nowhere.
      await this.persist(target.id, linked);
      this.replace(target, linked);
      if (currentId !== null) await this.removeLink(currentId, system, target.entity, remoteId);
      return target.id;
    });
  }

  /**
   * Merges each of `others` into `survivorId` (following merges for all of them): their links move
   * to the survivor, and each keeps its id as a pointer that `get` follows, so it still resolves.
   * Resolves to the ids merged away — others that already are the survivor are left out. Throws
   * NOT_FOUND when an id does not exist, BAD_USER_INPUT when they are not all of one entity.
   */
  merge(survivorId: string, others: readonly string[]): Promise<string[]> {
    return this.writes.run(async () => {
      const survivor = this.get(survivorId);
      if (!survivor) throw new GatewayError('NOT_FOUND', `merge needs an existing unified id to merge into, but got: ${JSON.stringify(survivorId)}`);
      const merged: UnifiedIdentity[] = [];
      for (const otherId of others) {
        const other = this.get(otherId);
        if (!other) throw new GatewayError('NOT_FOUND', `merge needs existing unified ids to merge, but got: ${JSON.stringify(otherId)}`);
        if (other.entity !== survivor.entity) {
          throw GatewayError.badInput('ids', `merge needs ids of one entity, but ${other.id} is ${other.entity} and ${survivor.id} is ${survivor.entity}`);
        }
        if (other.id !== survivor.id && !merged.some((m) => m.id === other.id)) merged.push(other);
      }
      for (const other of merged) {
        // First the intent (merged, links still held), then the survivor with the links, then the
        // pointer alone: a crash at any step leaves what `load` finishes (see finishMerge).
        const intent = freezeIdentity({ ...other, mergedInto: survivor.id });
        await this.persist(other.id, intent);
        this.replace(other, intent);
        await this.finishMerge(intent);
      }
      return merged.map((m) => m.id);
    });
  }

  /**
   * Moves to a new unified id of its own a record that shares its id with other records, and
   * resolves to that id; the id it left keeps the others. A record that is its id's only link stays
   * and its id is returned. Null when the record is not linked.
   */
  split(entity: EntityType, system: System, remoteId: string): Promise<string | null> {
    return this.writes.run(async () => {
      const currentId = this.find(system, entity, remoteId);
      if (currentId === null) return null;
      if ((this.byId.get(currentId)?.links.length ?? 0) <= 1) return currentId;
      // Add first, then remove, as in link: a crash in between is repaired by `load`.
      const id = await this.addSingleLinkIdentity(entity, system, remoteId);
      await this.removeLink(currentId, system, entity, remoteId);
      return id;
    });
  }

  /** Removes the record's link; resolves to the id it had, or null when it was not linked. */
  unlink(system: System, entity: EntityType, remoteId: string): Promise<UnlinkResult | null> {
    return this.writes.run(async () => {
      const id = this.find(system, entity, remoteId);
      if (id === null) return null;
      const identityRemoved = await this.removeLink(id, system, entity, remoteId);
      return { unifiedId: id, identityRemoved };
    });
  }

  private async removeLink(id: string, system: System, entity: EntityType, remoteId: string): Promise<boolean> {
    const identity = this.byId.get(id);
    if (!identity) return false;
    const links = identity.links.filter((l) => !(l.system === system && l.remoteId === remoteId));
    const next = links.length > 0 || identity.mergedInto !== null ? freezeIdentity({ ...identity, links }) : null;
    await this.persist(id, next);
    this.replace(identity, next);
    return next === null;
  }

  /** Resolves once every write started so far has settled (close waits for this). */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /**
   * Completes the merge of an id marked merged that still holds links: the links the survivor lacks
   * are added to it, then the merged id keeps only its pointer. When the survivor no longer exists,
   * the merge is undone instead (the id stays a live identity with its links).
   */
  private async finishMerge(merged: UnifiedIdentity): Promise<void> {
    const survivor = merged.mergedInto === null ? null : this.get(merged.mergedInto);
    if (!survivor || survivor.id === merged.id) {
      const undone = freezeIdentity({ ...merged, mergedInto: null });
      await this.persist(merged.id, undone);
      this.replace(merged, undone);
      return;
    }
    const now = this.now();
    const moving = merged.links.filter((l) => !survivor.links.some((s) => s.system === l.system && s.remoteId === l.remoteId));
    const grown = freezeIdentity({ ...survivor, links: [...survivor.links, ...moving.map((l) => ({ ...l, linkedAt: now }))] });
    await this.persist(survivor.id, grown);
    this.replace(survivor, grown);
    const pointer = freezeIdentity({ ...merged, links: [] });
    await this.persist(merged.id, pointer);
    this.replace(merged, pointer);
  }

  private async persist(id: string, identity: UnifiedIdentity | null): Promise<void> {
    await storeWrite(`write identity ${id}`, async () => {
      if (identity) await this.keyv.set(id, encode(identity));
      else await this.keyv.delete(id);
    });
  }

  /** Swaps one identity for its next state in every projection map (next null: it is gone). */
  private replace(previous: UnifiedIdentity | undefined, next: UnifiedIdentity | null): void {
    const id = next?.id ?? previous?.id;
    if (id === undefined) return;
    const entity = (next ?? previous)!.entity;
    for (const link of previous?.links ?? []) {
      const key = linkKey(link.system, entity, link.remoteId);
      if (this.byRecord.get(key) === id) this.byRecord.delete(key);
    }
    const live = this.live.get(entity)!;
    if (next) {
      this.byId.set(id, next);
      for (const link of next.links) this.byRecord.set(linkKey(link.system, entity, link.remoteId), id);
      if (isLive(next)) live.add(id);
      else live.delete(id);
    } else {
      this.byId.delete(id);
      live.delete(id);
    }
    this.sorted.delete(entity);
    this.changes += 1;
  }
}

function addTo(map: Map<string, Set<string>>, id: string, key: string): void {
  const set = map.get(id);
  if (set) set.add(key);
  else map.set(id, new Set([key]));
}
