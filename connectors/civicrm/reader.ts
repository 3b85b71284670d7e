// Reads contacts and contributions together with their child rows, each read in one HTTP request.
import type { ApiCall } from './child-rows.js';
import type { BatchResult, CiviCrmClient, CiviRow } from './client.js';
import type { ContactBundle, ContributionBundle } from './mapper.js';
import { ADDRESS, CONTACT, CONTACT_TYPE, CONTRIBUTION, EMAIL, getCall, LINE_ITEM, parseRows, PHONE, WEBSITE } from './queries.js';
import type { ContactRow, ContributionRow, LineItemRow } from './raw.js';

export type ContactEntity = keyof typeof CONTACT_TYPE;

function valuesOf(results: Record<string, BatchResult>, key: string): CiviRow[] {
  const result = results[key];
  if (result === undefined) return [];
  if (!result.ok) throw result.error;
  return result.values;
}

function byParent<R>(rows: readonly R[], parentOf: (row: R) => number | null): Map<number, R[]> {
  const map = new Map<number, R[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    if (parent === null) continue;
    map.set(parent, [...(map.get(parent) ?? []), row]);
  }
  return map;
}

export class CiviCrmReader {
  constructor(private readonly client: CiviCrmClient) {}

  /**
   * Contacts of the entity's contact_type among `ids`, with their emails, phones, addresses (and
   * websites for organizations), in one batch request. Naming `id` makes CiviCRM return trashed
   * contacts too: they come back with is_deleted set, and the caller decides.
   */
  async contacts(entity: ContactEntity, ids: readonly number[]): Promise<Map<number, ContactBundle>> {
    if (ids.length === 0) return new Map();
    // Contact.get + Email/Phone/Address/Website.get in the batch form (reference §1 "Batch form";
    // trash visibility: "Trash semantics").
    const results = await this.client.batch({
      contacts: getCall(CONTACT, [['id', 'IN', ids], ['contact_type', '=', CONTACT_TYPE[entity]]]),
      ...this.childCalls(entity, ids),
    });
    const contacts = parseRows(CONTACT, valuesOf(results, 'contacts'));
    return this.assemble(contacts, results);
  }

  /** Child rows for contacts already read (a listing page), in one batch request. */
  async withChildren(entity: ContactEntity, contacts: readonly ContactRow[]): Promise<Map<number, ContactBundle>> {
    if (contacts.length === 0) return new Map();
    const results = await this.client.batch(this.childCalls(entity, contacts.map((c) => c.id)));
    return this.assemble(contacts, results);
  }

  /** Contributions among `ids` with their line items, in one batch request. */
  async contributions(ids: readonly number[]): Promise<Map<number, ContributionBundle>> {
    if (ids.length === 0) return new Map();
    // Contribution.get + LineItem.get (reference §1 "Contribution and LineItem").
    const results = await this.client.batch({
      contributions: getCall(CONTRIBUTION, [['id', 'IN', ids]]),
      lineItems: getCall(LINE_ITEM, [['contribution_id', 'IN', ids]]),
    });
    const rows = parseRows(CONTRIBUTION, valuesOf(results, 'contributions'));
    return this.assembleContributions(rows, parseRows(LINE_ITEM, valuesOf(results, 'lineItems')));
  }

  /** Line items for contributions already read (a listing page), in one GET. */
  async withLineItems(rows: readonly ContributionRow[]): Promise<Map<number, ContributionBundle>> {
    if (rows.length === 0) return new Map();
    const [entity, , params] = getCall(LINE_ITEM, [['contribution_id', 'IN', rows.map((r) => r.id)]]);
    const items = parseRows(LINE_ITEM, await this.client.get(entity, params));
    return this.assembleContributions(rows, items);
  }

  private childCalls(entity: ContactEntity, ids: readonly number[]): Record<string, ApiCall> {
    const where = [['contact_id', 'IN', ids]];
    return {
      emails: getCall(EMAIL, where),
      phones: getCall(PHONE, where),
      addresses: getCall(ADDRESS, where),
      // Only organizations map a website; people do not need the extra call.
      ...(entity === 'ORGANIZATION' ? { websites: getCall(WEBSITE, where) } : {}),
    };
  }

  private assemble(contacts: readonly ContactRow[], results: Record<string, BatchResult>): Map<number, ContactBundle> {
    const emails = byParent(parseRows(EMAIL, valuesOf(results, 'emails')), (r) => r.contact_id);
    const phones = byParent(parseRows(PHONE, valuesOf(results, 'phones')), (r) => r.contact_id);
    const addresses = byParent(parseRows(ADDRESS, valuesOf(results, 'addresses')), (r) => r.contact_id);
    const websites = byParent(parseRows(WEBSITE, valuesOf(results, 'websites')), (r) => r.contact_id);
    return new Map(
      contacts.map((contact) => [
        contact.id,
        {
          contact,
          emails: emails.get(contact.id) ?? [],
          phones: phones.get(contact.id) ?? [],
          addresses: addresses.get(contact.id) ?? [],
          websites: websites.get(contact.id) ?? [],
        },
      ]),
    );
  }

  private assembleContributions(rows: readonly ContributionRow[], items: readonly LineItemRow[]): Map<number, ContributionBundle> {
    const lines = byParent(items, (r) => r.contribution_id);
    return new Map<number, ContributionBundle>(rows.map((row) => [row.id, { contribution: row, lineItems: lines.get(row.id) ?? [] }]));
  }
}
