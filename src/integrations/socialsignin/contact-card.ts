// Gathers what the inbox iframe shows of one unified person, read through the gateway's graph.
import type { GatewayServices } from '../../gateway.js';
import type { DonationView } from '../../graph/views.js';
import type { EmailAddress, PhoneNumber } from '../../model/contact-points.js';
import type { System } from '../../model/system.js';
import { MAX_PAGE_SIZE } from '../../graph/page-cursor.js';
import { totalsByYear, type YearTotal } from './donation-totals.js';

export interface ContactCard {
  id: string;
  name: string;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  organization: string | null;
  donationsByYear: YearTotal[];
  tags: string[];
  sources: { system: System; remoteId: string }[];
  /** CRMs that failed while reading: what they showed is their last cached copy, if any. */
  unavailable: System[];
}

/** The card of a unified person, or null when the id names no (live) person. */
export async function loadContactCard(services: GatewayServices, id: string): Promise<ContactCard | null> {
  const context = services.context();
  const person = await context.reader.person(id);
  if (!person) return null;

  const [organization, donations] = await Promise.all([
    person.organizationId ? context.reader.organization(person.organizationId) : Promise.resolve(null),
    Promise.all(donationIdsOf(services, person.id).map((donationId) => context.reader.donation(donationId))),
  ]);
  return {
    id: person.id,
    name: person.displayName,
    emails: person.emails,
    phones: person.phones,
    organization: organization?.name ?? null,
    donationsByYear: totalsByYear(donations.filter((d): d is DonationView => d !== null)),
    tags: person.tags,
    sources: person.sources.map(({ system, remoteId }) => ({ system, remoteId })),
    unavailable: context.warnings.list().flatMap((w) => (w.system ? [w.system] : [])),
  };
}

/** Every donation of the person, page by page (the directory caps a page at MAX_PAGE_SIZE). */
function donationIdsOf(services: GatewayServices, personId: string): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = services.directory.donationsOf(personId, { first: MAX_PAGE_SIZE, after });
    ids.push(...page.items.map((d) => d.id));
    if (!page.hasNextPage) return ids;
    after = page.endCursor;
  }
}
