// The records the Action Network simulator keeps, in the API's own field names, and how new ids are made.
import { createHash } from 'node:crypto';

export interface SimEmail {
  address: string;
  primary: boolean;
  status: string;
}

export interface SimPhone {
  number: string;
  number_type: string;
  primary: boolean;
  status: string;
}

export interface SimAddress {
  primary: boolean;
  address_lines: string[];
  locality?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

export interface SimPerson {
  id: string;
  created_date: string;
  modified_date: string;
  given_name: string | null;
  family_name: string | null;
  email_addresses: SimEmail[];
  phone_numbers: SimPhone[];
  postal_addresses: SimAddress[];
  languages_spoken: string[];
  custom_fields: Record<string, string>;
}

export interface SimTag {
  id: string;
  name: string;
  created_date: string;
  modified_date: string;
}

export interface SimTagging {
  id: string;
  tagId: string;
  personId: string;
  created_date: string;
  modified_date: string;
}

export interface SimRecipient {
  display_name: string;
  amount: string;
}

export interface SimDonation {
  id: string;
  created_date: string;
  modified_date: string;
  amount: string;
  currency: string;
  recipients: SimRecipient[];
  recurrence: { recurring: boolean; period?: string };
  personId: string;
  pageId: string;
  referenceNumber: string;
}

export interface SimFundraisingPage {
  id: string;
  title: string;
  origin_system: string;
  created_date: string;
  modified_date: string;
}

/** Deterministic uuids: the n-th id of a simulator with a given seed is always the same. */
export class IdSequence {
  private next = 0;

  constructor(private readonly seed: string) {}

  uuid(): string {
    const hex = createHash('sha256').update(`${this.seed}:${this.next++}`).digest('hex');
    // Shaped as a version-4 uuid so clients that check the format accept it.
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16] ?? '0', 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Action Network's timestamp form: UTC, whole seconds, "Z". */
export function anTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
