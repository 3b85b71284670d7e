// HAL+JSON as Action Network writes it: representations with absolute links, and collection pages.
import type { SimDonation, SimFundraisingPage, SimPerson, SimTag, SimTagging } from './records.js';

type Link = { href: string };

const curies = (base: string) => [
  { name: 'osdi', href: `${base.replace(/\/api\/v2$/, '')}/docs/v2/{rel}`, templated: true },
  { name: 'action_network', href: `${base.replace(/\/api\/v2$/, '')}/docs/v2/{rel}`, templated: true },
];

export class HalWriter {
  /** The simulator's own API base, e.g. "http://127.0.0.1:5555/api/v2": every href starts with it. */
  constructor(readonly base: string) {}

  entryPoint(): unknown {
    const link = (path: string, title: string) => ({ href: `${this.base}/${path}`, title });
    return {
      motd: 'Welcome to the Action Network OSDI API v2 Entry Point!',
      max_page_size: 25,
      vendor_name: 'Action Network',
      product_name: 'Action Network',
      osdi_version: '1.1.1',
      namespace: 'action_network',
      _links: {
        curies: curies(this.base),
        self: { href: `${this.base}/`, title: 'This API entry point' },
        'osdi:people': link('people', 'The collection of people in the system'),
        'osdi:tags': link('tags', 'The collection of tags in the system'),
        'osdi:donations': link('donations', 'The collection of donations in the system'),
        'osdi:fundraising_pages': link('fundraising_pages', 'The collection of fundraising_pages in the system'),
        'osdi:person_signup_helper': link('people', 'The person signup helper for the system'),
      },
    };
  }

  person(person: SimPerson): unknown {
    const self = `${this.base}/people/${person.id}`;
    return {
      identifiers: [`action_network:${person.id}`],
      created_date: person.created_date,
      modified_date: person.modified_date,
      ...(person.given_name === null ? {} : { given_name: person.given_name }),
      ...(person.family_name === null ? {} : { family_name: person.family_name }),
      email_addresses: person.email_addresses,
      phone_numbers: person.phone_numbers,
      postal_addresses: person.postal_addresses,
      languages_spoken: person.languages_spoken,
      custom_fields: person.custom_fields,
      _links: {
        self: { href: self },
        'osdi:taggings': { href: `${self}/taggings` },
        'osdi:donations': { href: `${self}/donations` },
        'osdi:signatures': { href: `${self}/signatures` },
        'osdi:submissions': { href: `${self}/submissions` },
        'osdi:attendances': { href: `${self}/attendances` },
        'osdi:outreaches': { href: `${self}/outreaches` },
        curies: curies(this.base),
      },
    };
  }

  tag(tag: SimTag): unknown {
    const self = `${this.base}/tags/${tag.id}`;
    return {
      identifiers: [`action_network:${tag.id}`],
      name: tag.name,
      created_date: tag.created_date,
      modified_date: tag.modified_date,
      _links: { self: { href: self }, 'osdi:taggings': { href: `${self}/taggings` }, curies: curies(this.base) },
    };
  }

  tagging(tagging: SimTagging): unknown {
    return {
      identifiers: [`action_network:${tagging.id}`],
      created_date: tagging.created_date,
      modified_date: tagging.modified_date,
      item_type: 'osdi:person',
      _links: {
        self: { href: `${this.base}/tags/${tagging.tagId}/taggings/${tagging.id}` },
        'osdi:tag': { href: `${this.base}/tags/${tagging.tagId}` },
        'osdi:person': { href: `${this.base}/people/${tagging.personId}` },
        curies: curies(this.base),
      },
    };
  }

  donation(donation: SimDonation): unknown {
    return {
      identifiers: [`action_network:${donation.id}`],
      created_date: donation.created_date,
      modified_date: donation.modified_date,
      currency: donation.currency,
      amount: donation.amount,
      recipients: donation.recipients,
      payment: { method: 'Credit Card', reference_number: donation.referenceNumber, authorization_stored: false },
      'action_network:recurrence': donation.recurrence,
      'action_network:person_id': donation.personId,
      'action_network:fundraising_page_id': donation.pageId,
      _links: {
        self: { href: `${this.base}/donations/${donation.id}` },
        'osdi:fundraising_page': { href: `${this.base}/fundraising_pages/${donation.pageId}` },
        'osdi:person': { href: `${this.base}/people/${donation.personId}` },
        curies: curies(this.base),
      },
    };
  }

  page(page: SimFundraisingPage): unknown {
    const self = `${this.base}/fundraising_pages/${page.id}`;
    return {
      identifiers: [`action_network:${page.id}`],
      title: page.title,
      origin_system: page.origin_system,
      created_date: page.created_date,
      modified_date: page.modified_date,
      _links: { self: { href: self }, 'osdi:donations': { href: `${self}/donations` }, curies: curies(this.base) },
    };
  }

  /**
   * One page of a collection. `per_page` is clamped to 25 and `page` is 1-based. The people
   * collection (`withTotals` false) has no totals and offers `next` whenever the page has items,
   * the last one included; other collections carry totals and offer `next` only before the last page.
   */
  collection<T>(
    path: string,
    key: string,
    all: readonly T[],
    render: (item: T) => unknown,
    query: URLSearchParams,
    withTotals: boolean,
  ): unknown {
    const perPage = Math.min(25, Math.max(1, Number.parseInt(query.get('per_page') ?? '25', 10) || 25));
    const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const totalPages = Math.ceil(all.length / perPage);
    const hrefFor = (n: number): string => {
      const params = new URLSearchParams(query);
      params.set('page', String(n));
      return `${this.base}/${path}?${params.toString()}`;
    };
    const hasNext = withTotals ? page < totalPages : items.length > 0;
    const rendered = items.map(render);
    const selfLinks = rendered.map((item) => ((item as { _links: { self: Link } })._links.self));
    return {
      ...(withTotals ? { total_pages: totalPages, total_records: all.length } : {}),
      per_page: perPage,
      page,
      _links: {
        ...(hasNext ? { next: { href: hrefFor(page + 1) } } : {}),
        self: { href: hrefFor(page) },
        [key]: selfLinks,
        curies: curies(this.base),
      },
      _embedded: { [key]: rendered },
    };
  }
}
