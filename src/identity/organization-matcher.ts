// Decides whether an organization record seen for the first time is a known unified organization:
// the same normalised name (case, punctuation, legal form aside), and the same website domain when
// both records have a website. Sure or nothing: organizations are not held for review.
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { hasOtherRecordIn, type IdentityLookup } from './identity-lookup.js';
import { organizationNameKey, websiteDomain } from './organization-key.js';

interface KnownOrganization {
  system: System;
  remoteId: string;
  domain: string | null;
}

export class OrganizationMatcher {
  /** Name key → the records filed under it. */
  private readonly byName = new Map<string, KnownOrganization[]>();
  private readonly nameOf = new Map<string, string>();

  constructor(private readonly identity: IdentityLookup) {}

  remember(record: RemoteRecord<'ORGANIZATION'>): void {
    this.forget(record.system, record.remoteId);
    const name = organizationNameKey(record.data.name);
    if (name === '') return;
    const known = { system: record.system, remoteId: record.remoteId, domain: websiteDomain(record.data.website) };
    this.byName.set(name, [...(this.byName.get(name) ?? []), known]);
    this.nameOf.set(`${record.system}\u0000${record.remoteId}`, name);
  }

  forget(system: System, remoteId: string): void {
    const key = `${system}\u0000${remoteId}`;
    const name = this.nameOf.get(key);
    if (name === undefined) return;
    const rest = (this.byName.get(name) ?? []).filter((k) => !(k.system === system && k.remoteId === remoteId));
    if (rest.length > 0) this.byName.set(name, rest);
    else this.byName.delete(name);
    this.nameOf.delete(key);
  }

  /**
   * The unified id to link the record to, or null. When the record and a known organization both
   * have website domains, they must share one; among several, one whose domain is the record's wins
   * over one without a website. Never one that already has a record in the same system (two
   * records of one CRM are two organizations unless a person says otherwise).
   */
  match(record: RemoteRecord<'ORGANIZATION'>): string | null {
    const name = organizationNameKey(record.data.name);
    if (name === '') return null;
    const domain = websiteDomain(record.data.website);
    // The domains of each unified organization filed under this name.
    const domains = new Map<string, Set<string>>();
    for (const known of this.byName.get(name) ?? []) {
      if (known.system === record.system && known.remoteId === record.remoteId) continue;
      const unifiedId = this.identity.find(known.system, 'ORGANIZATION', known.remoteId);
      if (unifiedId === null || hasOtherRecordIn(this.identity, unifiedId, record.system, record.remoteId)) continue;
      const set = domains.get(unifiedId) ?? new Set<string>();
      if (known.domain !== null) set.add(known.domain);
      domains.set(unifiedId, set);
    }
    let fallback: string | null = null;
    for (const [unifiedId, set] of [...domains].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (domain !== null && set.has(domain)) return unifiedId;
      if (domain === null || set.size === 0) fallback ??= unifiedId;
    }
    return fallback;
  }
}
