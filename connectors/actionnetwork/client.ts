// HTTP only: talks to the Action Network API v2 (OSDI, HAL+JSON) and returns validated raw records.
import type { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { RateBudget } from '../../src/http/rate-budget.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import { headerValue, UpstreamHttp, type UpstreamRequest, type UpstreamResponse } from '../../src/http/upstream-http.js';
import { embeddedItems, halPages, type HalPage } from './hal-pages.js';
import {
  collectionPageSchema,
  donationSchema,
  entryPointSchema,
  errorBodySchema,
  personSchema,
  tagSchema,
  taggingSchema,
  type ActionNetworkDonation,
  type ActionNetworkPerson,
  type ActionNetworkTag,
  type ActionNetworkTagging,
  type DonationBody,
} from './raw.js';
import type { PersonWrite } from './mapper.js';

export interface ActionNetworkClientOptions {
  /** e.g. "https://actionnetwork.org/api/v2". */
  baseUrl: string;
  apiToken: string;
  /** Requests per second allowed for this API token, shared with every other client using it. */
  ratePerSecond: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** Documented maximum page size of every collection [AN:/docs/v2 "Paging and Navigation"]. */
const PAGE_SIZE = 25;

export class ActionNetworkClient {
  readonly baseUrl: string;
  /** The budget shared by every client of this token at this server. */
  readonly budget: RateBudget;
  private readonly http: UpstreamHttp;
  private readonly token: string;

  constructor(options: ActionNetworkClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.apiToken;
    this.budget = RateBudget.forKey(new URL(this.baseUrl).origin, options.apiToken, { ratePerSecond: options.ratePerSecond, system: 'ACTION_NETWORK' });
    this.http = new UpstreamHttp({
      system: 'ACTION_NETWORK',
      baseUrl: this.baseUrl,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...this.budget.hooks(),
    });
  }

  /** GET / — the API entry point; answers only an accepted token [AN:/docs/v2/aep]. */
  async entryPoint(): Promise<void> {
    await this.json({ method: 'GET', path: '', idempotent: true, label: 'GET /' }, entryPointSchema);
  }

  /** GET /people/{id}; null when Action Network does not know the id [AN:/docs/v2/people]. */
  person(id: string): Promise<ActionNetworkPerson | null> {
    return this.orNull(this.json({ method: 'GET', path: `people/${encodeURIComponent(id)}`, idempotent: true, label: 'GET /people/{id}' }, personSchema));
  }

  /**
   * GET /people, optionally filtered (OData, e.g. "modified_date gt '2026-01-01T00:00:00Z'"),
   * resuming at `resumeFrom` (a `next` href handed out earlier) when given [AN:/docs/v2/people].
   */
  people(filter: string | null, resumeFrom: string | null = null): AsyncGenerator<HalPage<ActionNetworkPerson>> {
    return this.collection('people', 'osdi:people', personSchema, filter, resumeFrom);
  }

  /** GET /people/{id}/taggings, every page [AN:/docs/v2/taggings]. */
  async personTaggings(personId: string): Promise<ActionNetworkTagging[]> {
    return this.all(this.collection(`people/${encodeURIComponent(personId)}/taggings`, 'osdi:taggings', taggingSchema, null));
  }

  /** GET /tags, every page [AN:/docs/v2/tags]. */
  async tags(): Promise<ActionNetworkTag[]> {
    return this.all(this.collection('tags', 'osdi:tags', tagSchema, null));
  }

  /** GET /tags/{id}/taggings, page by page [AN:/docs/v2/taggings]. */
  tagTaggings(tagId: string): AsyncGenerator<HalPage<ActionNetworkTagging>> {
    return this.collection(`tags/${encodeURIComponent(tagId)}/taggings`, 'osdi:taggings', taggingSchema, null);
  }

  /** POST /tags {"name"}: tags cannot be renamed or deleted afterwards [AN:/docs/v2/tags]. */
  createTag(name: string): Promise<ActionNetworkTag> {
    return this.json({ method: 'POST', path: 'tags', body: JSON.stringify({ name }), idempotent: false, label: 'POST /tags' }, tagSchema);
  }

  /** POST /tags/{tag}/taggings linking a person by its self href [AN:/docs/v2/taggings]. */
  async addTagging(tagId: string, personId: string): Promise<void> {
    const body = { _links: { 'osdi:person': { href: `${this.baseUrl}/people/${personId}` } } };
    await this.json(
      { method: 'POST', path: `tags/${encodeURIComponent(tagId)}/taggings`, body: JSON.stringify(body), idempotent: false, label: 'POST /tags/{id}/taggings' },
      taggingSchema,
    );
  }

  /** DELETE /tags/{tag}/taggings/{id}; repeating it is harmless, so it may be retried [AN:/docs/v2/taggings]. */
  async removeTagging(tagId: string, taggingId: string): Promise<void> {
    const path = `tags/${encodeURIComponent(tagId)}/taggings/${encodeURIComponent(taggingId)}`;
    const response = await this.http.send({ method: 'DELETE', path, headers: this.headers(), idempotent: true, label: 'DELETE /tags/{id}/taggings/{id}' });
    if (response.status === 404) return;
    this.check(response, 'DELETE /tags/{id}/taggings/{id}');
  }

  /**
   * POST /people — the person signup helper: matches an existing person by email (then phone)
   * and merges, otherwise creates. Tags named in `addTags` must already exist; unknown names are
   * ignored by Action Network [AN:/docs/v2/person_signup_helper].
   */
  signup(person: PersonWrite, addTags: readonly string[]): Promise<ActionNetworkPerson> {
    const body = JSON.stringify({ person, ...(addTags.length > 0 ? { add_tags: addTags } : {}) });
    return this.json({ method: 'POST', path: 'people', body, idempotent: false, label: 'POST /people' }, personSchema);
  }

  /** PUT /people/{id}: a partial body without wrapper; nulls do not clear fields [AN:/docs/v2/people]. */
  updatePerson(id: string, person: PersonWrite): Promise<ActionNetworkPerson> {
    return this.json(
      { method: 'PUT', path: `people/${encodeURIComponent(id)}`, body: JSON.stringify(person), idempotent: true, label: 'PUT /people/{id}' },
      personSchema,
    );
  }

  /** GET /donations/{id}; null when unknown [AN:/docs/v2/donations]. */
  donation(id: string): Promise<ActionNetworkDonation | null> {
    return this.orNull(this.json({ method: 'GET', path: `donations/${encodeURIComponent(id)}`, idempotent: true, label: 'GET /donations/{id}' }, donationSchema));
  }

  /** GET /donations, optionally filtered and resumed like `people` [AN:/docs/v2/donations]. */
  donations(filter: string | null, resumeFrom: string | null = null): AsyncGenerator<HalPage<ActionNetworkDonation>> {
    return this.collection('donations', 'osdi:donations', donationSchema, filter, resumeFrom);
  }

  /** POST /fundraising_pages/{page}/donations: records a donation on an API-created page [AN:/docs/v2/donations]. */
  createDonation(fundraisingPageId: string, body: DonationBody): Promise<ActionNetworkDonation> {
    return this.json(
      {
        method: 'POST',
        path: `fundraising_pages/${encodeURIComponent(fundraisingPageId)}/donations`,
        body: JSON.stringify(body),
        idempotent: false,
        label: 'POST /fundraising_pages/{id}/donations',
      },
      donationSchema,
    );
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private collection<S extends z.ZodType>(
    path: string,
    key: string,
    schema: S,
    filter: string | null,
    resumeFrom: string | null = null,
  ): AsyncGenerator<HalPage<z.output<S>>> {
    const query = new URLSearchParams({ per_page: String(PAGE_SIZE) });
    if (filter !== null) query.set('filter', filter);
    // Absolute like the hrefs Action Network hands out, so a next link back to the first page is recognised.
    const start = `${this.baseUrl}/${path}?`;
    // A cursor written before ACTIONNETWORK_URL changed (or a forged one) may hold a href of another
    // host or collection: following it would fail on every run (or send the token elsewhere), so the
    // walk starts over at the first page, which repeats records but loses none.
    const first = resumeFrom?.startsWith(start) ? resumeFrom : `${start}${query.toString()}`;
    const label = `GET /${path.replace(/\/[0-9a-f-]{36}(?=\/|$)/gi, '/{id}')}`;
    return halPages(first, async (href) => {
      const { body: page, servedAt } = await this.exchange({ method: 'GET', path: href, idempotent: true, label }, collectionPageSchema);
      return { items: this.parse(label, () => embeddedItems(page._embedded, key, schema)), next: page._links?.next?.href ?? null, servedAt };
    });
  }

  private async all<T>(pages: AsyncGenerator<HalPage<T>>): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages) items.push(...page.items);
    return items;
  }

  private async orNull<T>(pending: Promise<T>): Promise<T | null> {
    try {
      return await pending;
    } catch (err) {
      if (err instanceof GatewayError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  private headers(): Record<string, string> {
    return { 'OSDI-API-Token': this.token, 'content-type': 'application/json', accept: 'application/hal+json' };
  }

  private async json<S extends z.ZodType>(request: Omit<UpstreamRequest, 'headers'>, schema: S): Promise<z.output<S>> {
    return (await this.exchange(request, schema)).body;
  }

  /** The validated body, and the server's clock from its Date header (change walks are timed by it, not by ours). */
  private async exchange<S extends z.ZodType>(request: Omit<UpstreamRequest, 'headers'>, schema: S): Promise<{ body: z.output<S>; servedAt: Date | null }> {
    const response = await this.http.send({ ...request, headers: this.headers() });
    this.check(response, request.label);
    const body = this.parse(request.label, () => schema.parse(JSON.parse(response.text)));
    const date = Date.parse(headerValue(response.headers.date) ?? '');
    return { body, servedAt: Number.isNaN(date) ? null : new Date(date) };
  }

  private parse<T>(label: string, read: () => T): T {
    try {
      return read();
    } catch (err) {
      throw new GatewayError('MAPPING', `ACTION_NETWORK ${label} answered with a body that is not the documented shape`, {
        system: 'ACTION_NETWORK',
        cause: err,
      });
    }
  }

  /** Turns a non-2xx answer into the gateway's error taxonomy, quoting Action Network's own error text. */
  private check(response: UpstreamResponse, label: string): void {
    const { status } = response;
    if (status >= 200 && status < 300) return;
    // Action Network sometimes echoes the key in its auth error; it must never reach a message.
    const said = errorText(response.text).split(this.token).join('(hidden)');
    const options = { system: 'ACTION_NETWORK' as const, upstreamStatus: status };
    if (status === 401 || status === 403) {
      throw new GatewayError('UPSTREAM_AUTH', `ACTION_NETWORK ${label} refused the API token (HTTP ${status}): ${said}`, options);
    }
    if (status === 404) throw new GatewayError('NOT_FOUND', `ACTION_NETWORK ${label} found nothing (HTTP 404): ${said}`, options);
    if (status === 429) throw new GatewayError('RATE_LIMITED', `ACTION_NETWORK ${label} was rate limited (HTTP 429)`, options);
    if (status >= 500) throw new GatewayError('UPSTREAM_UNAVAILABLE', `ACTION_NETWORK ${label} failed (HTTP ${status}): ${said}`, options);
    throw new GatewayError('UPSTREAM_REJECTED', `ACTION_NETWORK ${label} was rejected (HTTP ${status}): ${said}`, options);
  }
}

/** Action Network's `{"error": "…"}` text, or a short excerpt of whatever else came back. */
function errorText(body: string): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data.error;
  } catch {
    // Not JSON (a proxy's HTML page): fall through to an excerpt.
  }
  return body.trim().slice(0, 200) || '(empty body)';
}
