// A sorted, filterable picture of every unified object, built from the identity index and the
// record cache (never from the CRMs), so lists are consistent and paginate stably.
import type { MergePolicy } from '../identity/merge-policy.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType, System } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import { compareSortable, type Sortable } from './page-cursor.js';
import { phoneDigitForms } from './phone-digits.js';
import { buildView } from './view-builder.js';
import type { DonationView, OrganizationView, PersonView } from './views.js';

export interface PersonEntry extends Sortable {
  displayName: string;
  emails: ReadonlySet<string>;
  /** Every digit spelling of every phone (see phoneDigitForms), for search. */
  phoneDigits: ReadonlySet<string>;
  systems: ReadonlySet<System>;
  modifiedAt: number | null;
  organizationId: string | null;
}

export interface OrganizationEntry extends Sortable {
  name: string;
}

export interface DonationEntry extends Sortable {
  receivedAt: number;
  donorId: string | null;
}

// Newest first: invert the time so that ascending keys give descending dates.
const TIME_KEY_WIDTH = 15;
function newestFirstKey(millis: number): string {
  return String(10 ** TIME_KEY_WIDTH - millis).padStart(TIME_KEY_WIDTH + 1, '0');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export class DirectorySnapshot {
  readonly people: PersonEntry[];
  readonly organizations: OrganizationEntry[];
  readonly donations: DonationEntry[];
  readonly peopleByOrganization: Map<string, PersonEntry[]>;
  readonly donationsByDonor: Map<string, DonationEntry[]>;

  constructor(identity: IdentityIndex, cache: RecordCache, policy?: MergePolicy) {
    const lookup = (system: System, entity: EntityType, remoteId: string) => identity.find(system, entity, remoteId);
    const views = <V>(entity: EntityType) =>
      identity.ids(entity).flatMap((id) => {
        const links = identity.get(id)?.links ?? [];
        const records = links
          .map((link) => cache.get({ system: link.system, entity, remoteId: link.remoteId })?.record)
          .filter((r): r is RemoteRecord => r !== undefined);
        return records.length ? [buildView(entity, id, records, lookup, policy) as V] : [];
      });

    this.people = views<PersonView>('PERSON')
      .map((p) => ({
        id: p.id,
        sortKey: [p.familyName, p.givenName, p.displayName].map((v) => (v ?? '').toLocaleLowerCase()).join('\u0000'),
        displayName: p.displayName,
        emails: new Set(p.emails.map((e) => e.address.trim().toLowerCase())),
        phoneDigits: new Set(p.phones.flatMap((phone) => phoneDigitForms(phone.number))),
        systems: new Set(p.sources.map((s) => s.system)),
        modifiedAt: p.modifiedAt?.toMillis() ?? null,
        organizationId: p.organizationId,
      }))
      .sort(compareSortable);
    this.organizations = views<OrganizationView>('ORGANIZATION')
      .map((o) => ({ id: o.id, sortKey: o.name.toLocaleLowerCase(), name: o.name }))
      .sort(compareSortable);
    this.donations = views<DonationView>('DONATION')
      .map((d) => ({ id: d.id, sortKey: newestFirstKey(d.receivedAt.toMillis()), receivedAt: d.receivedAt.toMillis(), donorId: d.donorId }))
      .sort(compareSortable);
    this.peopleByOrganization = groupBy(this.people, (p) => p.organizationId);
    this.donationsByDonor = groupBy(this.donations, (d) => d.donorId);
  }
}
