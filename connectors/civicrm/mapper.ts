// Pure mapping between CiviCRM records (a contact or contribution with its child rows) and unified
// records, executing the field tables in fields.ts.
import type { UnifiedData, UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import { readFields, writeFields } from '../field-table.js';
import { naiveToUtc } from '../naive-time.js';
import type { ChildDrafts } from './child-rows.js';
import { donationFields, organizationFields, personFields, type CiviCrmMapContext, type DonationRaw, type OrganizationRaw } from './fields.js';
import type { AddressRow, ContactRow, ContributionRow, EmailRow, LineItemRow, PhoneRow, WebsiteRow } from './raw.js';

/** A contact as one batched load returns it: the row and its child rows. */
export interface ContactBundle {
  contact: ContactRow;
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  websites: WebsiteRow[];
}

export interface ContributionBundle {
  contribution: ContributionRow;
  lineItems: LineItemRow[];
}

export type CiviBundle<E extends EntityType> = E extends 'DONATION' ? ContributionBundle : ContactBundle;

/** What one unified write becomes: values for the record itself, and the child rows it owns. */
export interface CiviWrite {
  values: Record<string, unknown>;
  children: ChildDrafts;
}

export class CiviCrmMapper {
  private readonly person;
  private readonly organization;
  private readonly donation;

  constructor(private readonly ctx: CiviCrmMapContext) {
    this.person = personFields(ctx);
    this.organization = organizationFields(ctx);
    this.donation = donationFields(ctx);
  }

  toRecord<E extends EntityType>(entity: E, bundle: CiviBundle<E>): RemoteRecord<E> {
    if ('contribution' in bundle) {
      const raw: DonationRaw = { ...bundle.contribution, lineItems: bundle.lineItems };
      return this.record(entity, bundle.contribution, readFields(this.donation, raw) as UnifiedDonation);
    }
    const raw: OrganizationRaw = { ...bundle.contact, ...bundle };
    const data =
      entity === 'PERSON'
        ? ({ tags: [], customFields: null, ...readFields(this.person, raw) } as UnifiedPerson)
        : (readFields(this.organization, raw) as UnifiedOrganization);
    return this.record(entity, bundle.contact, data);
  }

  /**
   * The record a load or listing shows for a bundle: null for a trashed contact, which CiviCRM
   * still returns when the query names `id` but which is no longer a live person.
   */
  liveRecord<E extends EntityType>(entity: E, bundle: CiviBundle<E>): RemoteRecord<E> | null {
    return 'contact' in bundle && bundle.contact.is_deleted ? null : this.toRecord(entity, bundle);
  }

  /** Only the fields present in `patch` are written; throws BAD_USER_INPUT for a value CiviCRM cannot take. */
  toWrite<E extends EntityType>(entity: E, patch: Partial<UnifiedData[E]>): CiviWrite {
    if (entity === 'DONATION') {
      const { lineItems, ...values } = writeFields(this.donation, patch as Partial<UnifiedDonation>);
      return { values, children: lineItems === undefined ? {} : { lineItems } };
    }
    const raw: Partial<OrganizationRaw> =
      entity === 'PERSON'
        ? writeFields(this.person, patch as Partial<UnifiedPerson>)
        : writeFields(this.organization, patch as Partial<UnifiedOrganization>);
    const { emails, phones, addresses, websites, ...values } = raw;
    const children: ChildDrafts = {};
    if (emails) children.emails = emails;
    if (phones) children.phones = phones;
    if (addresses) children.addresses = addresses;
    if (websites) children.websites = websites;
    return { values, children };
  }

  private record<E extends EntityType>(
    entity: E,
    row: { id: number; created_date: string | null; modified_date: string | null },
    data: UnifiedData[EntityType],
  ): RemoteRecord<E> {
    return {
      system: 'CIVICRM',
      entity,
      remoteId: String(row.id),
      createdAt: naiveToUtc(row.created_date, this.ctx.timezone),
      modifiedAt: naiveToUtc(row.modified_date, this.ctx.timezone),
      data: data as UnifiedData[E],
    };
  }
}
