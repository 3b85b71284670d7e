// The Action Network simulator's data and the rules the real API applies when it changes.
import { anTimestamp, IdSequence, type SimAddress, type SimDonation, type SimEmail, type SimFundraisingPage, type SimPerson, type SimPhone, type SimRecipient, type SimTag, type SimTagging } from './records.js';
import type { PersonInput } from './request-bodies.js';

export interface DonationInput {
  recipients: SimRecipient[];
  currency: string;
  created_date?: string;
  recurrence?: { recurring: boolean; period?: string };
  personId: string;
  /** For seeds: the modified_date to record instead of now. */
  modified_date?: string;
}

export class StoreRuleError extends Error {
  override readonly name = 'StoreRuleError';
}

const digits = (phone: string): string => phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

export class ActionNetworkStore {
  readonly people = new Map<string, SimPerson>();
  readonly tags = new Map<string, SimTag>();
  readonly taggings = new Map<string, SimTagging>();
  readonly donations = new Map<string, SimDonation>();
  readonly pages = new Map<string, SimFundraisingPage>();
  private readonly ids: IdSequence;
  private readonly clock: () => number;
  private references = 0;

  constructor(options: { seed?: string; now?: () => number } = {}) {
    this.ids = new IdSequence(options.seed ?? 'actionnetwork');
    this.clock = options.now ?? Date.now;
  }

  now(): string {
    return anTimestamp(this.clock());
  }

  /** Seeds a person as it stands, timestamps included (no signup rules applied). */
  insertPerson(person: Omit<SimPerson, 'id'> & { id?: string }): SimPerson {
    const stored: SimPerson = { ...person, id: person.id ?? this.ids.uuid() };
    this.people.set(stored.id, stored);
    return stored;
  }

  findByEmail(address: string): SimPerson | undefined {
    const wanted = address.trim().toLowerCase();
    return [...this.people.values()].find((p) => p.email_addresses.some((e) => e.address.toLowerCase() === wanted));
  }

  findByPhone(number: string): SimPerson | undefined {
    const wanted = digits(number);
    if (wanted === '') return undefined;
    return [...this.people.values()].find((p) => p.phone_numbers.some((ph) => digits(ph.number) === wanted));
  }

  /**
   * The person signup helper: matches by email, then phone, and merges; otherwise creates. New
   * people are subscribed to email unless "unsubscribed" is passed, and unsubscribed from mobile
   * unless "subscribed" is; an existing person's statuses change only when one of those is passed.
   */
  signup(input: PersonInput, addTags: readonly string[]): { person: SimPerson; created: boolean } {
    const email = input.email_addresses?.[0];
    const phone = input.phone_numbers?.[0];
    if (!email?.address && !phone?.number) throw new StoreRuleError('A person needs an email address or a phone number');
    const existing = (email?.address ? this.findByEmail(email.address) : undefined) ?? (phone?.number ? this.findByPhone(phone.number) : undefined);
    let person: SimPerson;
    if (existing) {
      person = existing;
      this.merge(person, input);
    } else {
      const now = this.now();
      person = this.insertPerson({
        created_date: now,
        modified_date: now,
        given_name: null,
        family_name: null,
        email_addresses: email?.address ? [{ address: email.address.trim(), primary: true, status: email.status === 'unsubscribed' ? 'unsubscribed' : 'subscribed' }] : [],
        phone_numbers: phone?.number ? [{ number: phone.number, number_type: phone.number_type ?? 'Mobile', primary: true, status: phone.status === 'subscribed' ? 'subscribed' : 'unsubscribed' }] : [],
        postal_addresses: [],
        languages_spoken: [],
        custom_fields: {},
      });
      this.merge(person, { ...input, email_addresses: [], phone_numbers: [] });
      person.modified_date = person.created_date;
    }
    for (const name of addTags) {
      const tag = [...this.tags.values()].find((t) => t.name === name);
      // Unknown tag names are ignored, as the real helper does.
      if (tag) this.tag(tag.id, person.id);
    }
    return { person, created: !existing };
  }

  /** PUT /people/{id}: merges; nulls leave fields alone; an email another person holds is silently dropped. */
  update(id: string, input: PersonInput): SimPerson | undefined {
    const person = this.people.get(id);
    if (!person) return undefined;
    this.merge(person, input);
    return person;
  }

  createTag(name: string): SimTag {
    const existing = [...this.tags.values()].find((t) => t.name === name);
    if (existing) return existing;
    const now = this.now();
    const tag: SimTag = { id: this.ids.uuid(), name, created_date: now, modified_date: now };
    this.tags.set(tag.id, tag);
    return tag;
  }

  /** One tagging per person per tag: tagging twice returns the first. */
  tag(tagId: string, personId: string, at?: string): SimTagging {
    const existing = [...this.taggings.values()].find((t) => t.tagId === tagId && t.personId === personId);
    if (existing) return existing;
    const now = at ?? this.now();
    const tagging: SimTagging = { id: this.ids.uuid(), tagId, personId, created_date: now, modified_date: now };
    this.taggings.set(tagging.id, tagging);
    return tagging;
  }

  createPage(title: string, originSystem: string, at?: string): SimFundraisingPage {
    const now = at ?? this.now();
    const page: SimFundraisingPage = { id: this.ids.uuid(), title, origin_system: originSystem, created_date: now, modified_date: now };
    this.pages.set(page.id, page);
    return page;
  }

  /** Records a donation: amount is the sum of the recipients, currency is kept lowercase. */
  donate(pageId: string, input: DonationInput): SimDonation {
    if (input.recipients.length === 0) throw new StoreRuleError('A donation needs at least one recipient');
    const cents = input.recipients.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
    if (input.recipients.some((r) => !/^\d+(\.\d{1,2})?$/.test(r.amount))) throw new StoreRuleError('Recipient amounts must be decimal strings such as "10.00"');
    const now = this.now();
    const donation: SimDonation = {
      id: this.ids.uuid(),
      created_date: input.created_date ?? now,
      modified_date: input.modified_date ?? now,
      amount: (cents / 100).toFixed(2),
      currency: input.currency.toLowerCase(),
      recipients: input.recipients.map((r) => ({ display_name: r.display_name, amount: Number(r.amount).toFixed(2) })),
      recurrence: input.recurrence ?? { recurring: false },
      personId: input.personId,
      pageId,
      referenceNumber: `sim-${String(++this.references).padStart(6, '0')}`,
    };
    this.donations.set(donation.id, donation);
    return donation;
  }

  private merge(person: SimPerson, input: PersonInput): void {
    if (input.given_name != null) person.given_name = input.given_name;
    if (input.family_name != null) person.family_name = input.family_name;
    for (const email of input.email_addresses ?? []) this.mergeEmail(person, email);
    for (const phone of input.phone_numbers ?? []) this.mergePhone(person, phone);
    const address = input.postal_addresses?.[0];
    if (address) person.postal_addresses = [mergeAddress(person.postal_addresses[0], address)];
    if (input.languages_spoken) person.languages_spoken = [...input.languages_spoken];
    for (const [name, value] of Object.entries(input.custom_fields ?? {})) {
      if (value !== null) person.custom_fields[name] = String(value);
    }
    person.modified_date = this.now();
  }

  private mergeEmail(person: SimPerson, email: { address: string; status?: string }): void {
    const status = email.status === 'subscribed' || email.status === 'unsubscribed' ? email.status : undefined;
    const same = person.email_addresses.find((e) => e.address.toLowerCase() === email.address.trim().toLowerCase());
    if (same) {
      if (status) same.status = status;
      return;
    }
    // The person was matched by phone (signup) or asked for a new address (PUT): one email per person.
    const holder = this.findByEmail(email.address);
    if (holder && holder.id !== person.id) return;
    const primary: SimEmail = { address: email.address.trim(), primary: true, status: status ?? 'subscribed' };
    person.email_addresses = [primary];
  }

  private mergePhone(person: SimPerson, phone: { number: string; number_type?: string; status?: string }): void {
    const status = phone.status === 'subscribed' || phone.status === 'unsubscribed' ? phone.status : undefined;
    const same = person.phone_numbers.find((p) => digits(p.number) === digits(phone.number));
    if (same) {
      if (status) same.status = status;
      if (phone.number_type) same.number_type = phone.number_type;
      return;
    }
    const next: SimPhone = { number: phone.number, number_type: phone.number_type ?? 'Mobile', primary: true, status: status ?? 'unsubscribed' };
    person.phone_numbers = [next];
  }
}

function mergeAddress(current: SimAddress | undefined, input: NonNullable<PersonInput['postal_addresses']>[number]): SimAddress {
  const merged: SimAddress = { ...(current ?? { primary: true, address_lines: [] }), primary: true };
  if (input.address_lines) merged.address_lines = [...input.address_lines];
  for (const key of ['locality', 'region', 'postal_code', 'country'] as const) {
    const value = input[key];
    if (value != null) merged[key] = value;
  }
  return merged;
}
