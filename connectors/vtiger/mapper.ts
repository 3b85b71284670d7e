// Pure mapping between Vtiger records and unified records, executing the tables in fields.ts.
import type { UnifiedData, UnifiedDonation, UnifiedOrganization, UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { EntityType } from '../../src/model/system.js';
import { readFields, writeFields } from '../field-table.js';
import { naiveToUtc } from '../naive-time.js';
import type { RegionCode } from '../phone-numbers.js';
import { donationFields, organizationFields, personFields, type InvoiceView } from './fields.js';
import { rawAccountSchema, rawContactSchema, rawInvoiceSchema, type VtigerFields, type VtigerRecord } from './raw.js';

export interface MapperOptions {
  /** The API user's zone: Vtiger's naive date-times are read in it. */
  timezone: string;
  defaultPhoneRegion: RegionCode;
}

/** What a donation needs besides the invoice: names for the ids it holds. */
export interface DonationLookups {
  currencyCode(currencyId: string): string;
  productName(productId: string): string;
}

export class VtigerMapper {
  private readonly person;
  private readonly organization;
  private readonly donation;

  constructor(private readonly options: MapperOptions) {
    this.person = personFields(options.defaultPhoneRegion);
    this.organization = organizationFields(options.defaultPhoneRegion);
    this.donation = donationFields(options.timezone);
  }

  toPerson(record: VtigerRecord): RemoteRecord<'PERSON'> {
    const raw = rawContactSchema.parse(record.fields);
    const data: UnifiedPerson = {
      givenName: null, familyName: null, emails: [], phones: [], addresses: [], birthDate: null, organizationRef: null,
      // Vtiger Contacts have no languages, tags the API can set, or custom fields the gateway maps.
      languages: [], tags: [], customFields: null,
      ...readFields(this.person, raw),
    };
    return this.remote('PERSON', raw, data);
  }

  toOrganization(record: VtigerRecord): RemoteRecord<'ORGANIZATION'> {
    const raw = rawAccountSchema.parse(record.fields);
    const data: UnifiedOrganization = { name: raw.accountname, website: null, emails: [], phones: [], addresses: [], ...readFields(this.organization, raw) };
    return this.remote('ORGANIZATION', raw, data);
  }

  /** The invoice must come from retrieve: query and sync rows carry no LineItems. */
  toDonation(record: VtigerRecord, lookups: DonationLookups): RemoteRecord<'DONATION'> {
    const raw = rawInvoiceSchema.parse(record.fields);
    const currency = lookups.currencyCode(raw.currency_id);
    const view: InvoiceView = {
      invoicedate: raw.invoicedate,
      createdtime: raw.createdtime,
      contact_id: raw.contact_id,
      hdnGrandTotal: raw.hdnGrandTotal,
      currency,
      lines: (record.lineItems ?? []).map((line) => ({
        // Products are the designations; a line whose product is gone keeps its comment as the name.
        name: lookups.productName(line.productid) || line.comment || line.productid,
        quantity: line.quantity,
        listprice: line.listprice,
      })),
    };
    const read = readFields(this.donation, view);
    const data: UnifiedDonation = {
      amount: read.amount ?? { amount: '0', currency },
      receivedAt: read.receivedAt ?? (naiveToUtc(raw.createdtime, this.options.timezone) as NonNullable<UnifiedDonation['receivedAt']>),
      donorRef: read.donorRef ?? null,
      designations: read.designations ?? [],
      // Invoices are single payments; recurring giving is not modelled by Vtiger's Invoice module.
      recurring: false,
    };
    return this.remote('DONATION', raw, data);
  }

  /** The Contacts columns to send for a (partial) person. */
  personChanges(patch: Partial<UnifiedPerson>): VtigerFields {
    return stringsOnly(writeFields(this.person, patch));
  }

  organizationChanges(patch: Partial<UnifiedOrganization>): VtigerFields {
    return stringsOnly(writeFields(this.organization, patch));
  }

  /** The invoice view for a (partial) donation; the donation writer turns it into an Invoice element. */
  donationChanges(patch: Partial<UnifiedDonation>): Partial<InvoiceView> {
    return writeFields(this.donation, patch);
  }

  private remote<E extends EntityType>(entity: E, raw: { id: string; createdtime: string; modifiedtime: string }, data: UnifiedData[E]): RemoteRecord<E> {
    return {
      system: 'VTIGER',
      entity,
      remoteId: raw.id,
      createdAt: naiveToUtc(raw.createdtime, this.options.timezone),
      modifiedAt: naiveToUtc(raw.modifiedtime, this.options.timezone),
      data,
    };
  }
}

function stringsOnly(fields: object): VtigerFields {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
