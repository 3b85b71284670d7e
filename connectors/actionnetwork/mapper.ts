// Pure conversions between Action Network records and unified records, driven by fields.ts.
import { readFields, writeFields } from '../field-table.js';
import { formatAmount, minorDigits, toMinorUnits } from '../money.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { UnifiedDonation, UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import { actionNetworkId } from './identifiers.js';
import { anTimeToUtc, donationFields, personFields, utcToAnTime } from './fields.js';
import type { ActionNetworkDonation, DonationBody, TaggedPerson } from './raw.js';

/** Raw person fields to send; only writable fields are ever set (birthDate and organizationRef have no entry). */
export type PersonWrite = Partial<TaggedPerson>;

export class ActionNetworkMapper {
  /** Base URL of the API, for the HAL links a donation write carries. */
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  personFromRaw(raw: TaggedPerson): RemoteRecord<'PERSON'> {
    const fields = readFields<TaggedPerson, UnifiedPerson>(personFields, raw);
    const data: UnifiedPerson = {
      givenName: fields.givenName ?? null,
      familyName: fields.familyName ?? null,
      emails: fields.emails ?? [],
      phones: fields.phones ?? [],
      addresses: fields.addresses ?? [],
      languages: fields.languages ?? [],
      birthDate: null,
      tags: fields.tags ?? [],
      customFields: fields.customFields ?? null,
      organizationRef: null,
    };
    return {
      system: 'ACTION_NETWORK',
      entity: 'PERSON',
      remoteId: actionNetworkId(raw, 'person'),
      createdAt: anTimeToUtc(raw.created_date),
      modifiedAt: anTimeToUtc(raw.modified_date),
      data,
    };
  }

  /** The raw fields to send for the unified fields present in `patch`; tag_names is the wanted tag set. */
  personToRaw(patch: Partial<UnifiedPerson>): PersonWrite {
    return writeFields<TaggedPerson, UnifiedPerson>(personFields, patch);
  }

  donationFromRaw(raw: ActionNetworkDonation): RemoteRecord<'DONATION'> {
    const fields = readFields<ActionNetworkDonation, UnifiedDonation>(donationFields, raw);
    const data: UnifiedDonation = {
      amount: fields.amount ?? { amount: raw.amount, currency: raw.currency.toUpperCase() },
      receivedAt: fields.receivedAt ?? anTimeToUtc(raw.created_date),
      donorRef: fields.donorRef ?? null,
      designations: fields.designations ?? [],
      recurring: fields.recurring ?? false,
    };
    return {
      system: 'ACTION_NETWORK',
      entity: 'DONATION',
      remoteId: actionNetworkId(raw, 'donation'),
      createdAt: anTimeToUtc(raw.created_date),
      modifiedAt: anTimeToUtc(raw.modified_date),
      data,
    };
  }

  /**
   * The body for POST /fundraising_pages/{page}/donations. Action Network sets `amount` to the sum
   * of the recipients, so designations must add up to the amount; without designations the whole
   * amount goes to one "General" recipient (the name Action Network's own examples use).
   */
  donationToRaw(donation: UnifiedDonation, fundraisingPageId: string): DonationBody {
    const currency = donation.amount.currency.toUpperCase();
    const total = formatAmount(donation.amount.amount, currency);
    const recipients =
      donation.designations.length === 0
        ? [{ display_name: 'General', amount: total }]
        : donation.designations.map((designation) => ({
            display_name: designation.name,
            amount: formatAmount(designation.amount.amount, currency),
          }));
    const sum = recipients.reduce((acc, recipient) => acc + toMinorUnits(recipient.amount, minorDigits(currency)), 0n);
    if (sum !== toMinorUnits(total, minorDigits(currency))) {
      throw GatewayError.badInput(
        'designations',
        `Action Network donation designations must add up to the amount ${total} ${currency}, but got: ${recipients.map((r) => r.amount).join(' + ')}`,
      );
    }
    if (!donation.donorRef) {
      throw GatewayError.badInput('donorRef', 'Action Network donations need a donor (donorRef), but got: null');
    }
    return {
      recipients,
      currency: currency.toLowerCase(),
      created_date: utcToAnTime(donation.receivedAt),
      'action_network:recurrence': { recurring: donation.recurring },
      _links: {
        'osdi:person': { href: `${this.baseUrl}/people/${donation.donorRef}` },
        'osdi:fundraising_page': { href: `${this.baseUrl}/fundraising_pages/${fundraisingPageId}` },
      },
    };
  }
}
