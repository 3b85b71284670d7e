// Lists and filters over the unified objects, answered from the index (see DirectorySnapshot).
import type { DateTime } from 'luxon';
import type { MergePolicy } from '../identity/merge-policy.js';
import type { System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import { DirectorySnapshot, type DonationEntry, type OrganizationEntry, type PersonEntry } from './directory-snapshot.js';
import { compareSortable, paginate, type Page } from './page-cursor.js';
import { searchPeople } from './person-search.js';

export interface PeopleFilter {
  email?: string | null;
  name?: string | null;
  system?: System | null;
  modifiedSince?: DateTime | null;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

export class Directory {
  private snapshot: DirectorySnapshot | null = null;
  private snapshotVersion = -1;

  constructor(
    private readonly identity: IdentityIndex,
    private readonly cache: RecordCache,
    private readonly policy?: MergePolicy,
  ) {}

  people(filter: PeopleFilter | null | undefined, page: PageRequest): Page<PersonEntry> {
    const email = filter?.email?.trim().toLowerCase();
    const name = filter?.name?.trim().toLocaleLowerCase();
    const since = filter?.modifiedSince?.toMillis();
    const matches = this.current().people.filter(
      (p) =>
        (!email || p.emails.has(email)) &&
        (!name || p.displayName.toLocaleLowerCase().includes(name)) &&
        (!filter?.system || p.systems.has(filter.system)) &&
        (since === undefined || (p.modifiedAt !== null && p.modifiedAt >= since)),
    );
    return paginate(matches, page.first, page.after);
  }

  /** People whose name, email or phone matches `query`, best matches first (see searchPeople). */
  search(query: string, limit: number): PersonEntry[] {
    return searchPeople(this.current().people, query, limit);
  }

  organizations(name: string | null | undefined, page: PageRequest): Page<OrganizationEntry> {
    const needle = name?.trim().toLocaleLowerCase();
    const all = this.current().organizations;
    return paginate(needle ? all.filter((o) => o.sortKey.includes(needle)) : all, page.first, page.after);
  }

  donations(since: DateTime | null | undefined, page: PageRequest): Page<DonationEntry> {
    const from = since?.toMillis();
    const all = this.current().donations;
    return paginate(from === undefined ? all : all.filter((d) => d.receivedAt >= from), page.first, page.after);
  }

  peopleOf(organizationId: string, page: PageRequest): Page<PersonEntry> {
    return paginate(this.current().peopleByOrganization.get(organizationId) ?? [], page.first, page.after);
  }

  donationsOf(personId: string, page: PageRequest): Page<DonationEntry> {
    return paginate(this.current().donationsByDonor.get(personId) ?? [], page.first, page.after);
  }

  /** An organization's donations are those given by its people. */
  donationsOfOrganization(organizationId: string, page: PageRequest): Page<DonationEntry> {
    const snapshot = this.current();
    const people = snapshot.peopleByOrganization.get(organizationId) ?? [];
    const donations = people.flatMap((p) => snapshot.donationsByDonor.get(p.id) ?? []).sort(compareSortable);
    return paginate(donations, page.first, page.after);
  }

  private current(): DirectorySnapshot {
    const version = this.identity.version + this.cache.version;
    if (!this.snapshot || version !== this.snapshotVersion) {
      this.snapshot = new DirectorySnapshot(this.identity, this.cache, this.policy);
      this.snapshotVersion = version;
    }
    return this.snapshot;
  }
}
