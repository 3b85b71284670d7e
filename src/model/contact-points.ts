// Ways to reach a person or organization, in the unified shape every connector maps to.
export const EMAIL_STATUSES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'BOUNCING', 'SPAM_COMPLAINT', 'UNKNOWN'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface EmailAddress {
  address: string;
  primary: boolean;
  status: EmailStatus;
}

export const PHONE_KINDS = ['MOBILE', 'HOME', 'WORK', 'OTHER'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export interface PhoneNumber {
  /** E.164 when the number could be parsed, otherwise as the CRM holds it. */
  number: string;
  kind: PhoneKind;
  primary: boolean;
}

export interface PostalAddress {
  lines: string[];
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  primary: boolean;
}
