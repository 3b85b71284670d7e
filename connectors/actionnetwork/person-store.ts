// Reads and writes Action Network people as unified records: the person, its taggings, and the signup rules.
import type { RecordPatch, WriteOutcome } from '../connector.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { ActionNetworkClient } from './client.js';
import { actionNetworkId, isActionNetworkId } from './identifiers.js';
import type { ActionNetworkMapper, PersonWrite } from './mapper.js';
import type { ActionNetworkPerson } from './raw.js';
import type { TagCatalog } from './tag-catalog.js';

export class PersonStore {
  constructor(
    private readonly client: ActionNetworkClient,
    private readonly tags: TagCatalog,
    private readonly mapper: ActionNetworkMapper,
  ) {}

  /** One person with its tags (two requests), or null when Action Network does not know the id. */
  async load(id: string): Promise<RemoteRecord<'PERSON'> | null> {
    if (!isActionNetworkId(id)) return null;
    const [person, tags] = await Promise.all([this.client.person(id), this.tagNamesOrNull(id)]);
    return person === null || tags === null ? null : this.mapper.personFromRaw({ ...person, tag_names: tags });
  }

  /**
   * Creates through the person signup helper, which merges into an existing person with the same
   * email (or phone). Action Network answers the same way either way; a person it just created has
   * created_date equal to modified_date, which is how CREATED and UPDATED are told apart.
   */
  async create(person: UnifiedPerson): Promise<WriteOutcome<'PERSON'>> {
    const { tag_names: tagNames = [], ...body } = this.mapper.personToRaw(person);
    if (!body.email_addresses?.length && !body.phone_numbers?.length) {
      throw GatewayError.badInput('emails', 'Action Network needs an email address or a phone number to create a person, but got neither');
    }
    // The helper ignores tag names it does not know, so missing tags are created first.
    if (tagNames.length > 0) await this.tags.ensure(tagNames);
    const saved = await this.client.signup(body, tagNames);
    const created = saved.created_date === saved.modified_date;
    const record = await this.withTags(saved, created ? [...tagNames].sort((a, b) => a.localeCompare(b)) : null);
    return { ok: true, status: created ? 'CREATED' : 'UPDATED', remoteId: record.remoteId, record };
  }

  /** PUT for the fields present, then taggings added and removed until the person carries exactly `tags`. */
  async update({ remoteId, patch }: RecordPatch<'PERSON'>): Promise<WriteOutcome<'PERSON'>> {
    this.requireId(remoteId);
    const { tag_names: wantedTags, ...body } = this.mapper.personToRaw(patch);
    const saved = Object.keys(body).length > 0 ? await this.client.updatePerson(remoteId, body) : await this.client.person(remoteId);
    if (saved === null) throw notFound(remoteId);
    if (wantedTags !== undefined) await this.retag(remoteId, wantedTags);
    const record = await this.withTags(saved, wantedTags === undefined ? null : [...new Set(wantedTags)].sort((a, b) => a.localeCompare(b)));
    return { ok: true, status: 'UPDATED', remoteId, record };
  }

  /**
   * People cannot be deleted through the API. What Action Network offers instead is unsubscribing:
   * every email (and phone) is PUT back with status "unsubscribed"; the person stays readable.
   */
  async unsubscribe(remoteId: string): Promise<WriteOutcome<'PERSON'>> {
    this.requireId(remoteId);
    const person = await this.client.person(remoteId);
    if (person === null) throw notFound(remoteId);
    const body: PersonWrite = {
      email_addresses: person.email_addresses.map((email) => ({ address: email.address, status: 'unsubscribed' })),
      phone_numbers: person.phone_numbers.map((phone) => ({ number: phone.number, status: 'unsubscribed' })),
    };
    const saved = await this.client.updatePerson(remoteId, body);
    return { ok: true, status: 'UNSUBSCRIBED', remoteId, record: await this.withTags(saved, null) };
  }

  private async retag(personId: string, wanted: readonly string[]): Promise<void> {
    const current = await this.tags.personTags(personId);
    const have = new Set(current.map((tag) => tag.name));
    const missing = wanted.filter((name) => !have.has(name));
    const ids = await this.tags.ensure(missing);
    for (const name of new Set(missing)) await this.client.addTagging(ids.get(name) ?? '', personId);
    for (const tag of current) if (!wanted.includes(tag.name)) await this.client.removeTagging(tag.tagId, tag.taggingId);
  }

  /** The record for a saved person; its tags are read back unless the caller already knows them. */
  private async withTags(person: ActionNetworkPerson, knownTags: string[] | null): Promise<RemoteRecord<'PERSON'>> {
    const remoteId = actionNetworkId(person, 'person');
    const tags = knownTags ?? (await this.tags.personTags(remoteId)).map((tag) => tag.name);
    return this.mapper.personFromRaw({ ...person, tag_names: tags });
  }

  private async tagNamesOrNull(id: string): Promise<string[] | null> {
    try {
      return (await this.tags.personTags(id)).map((tag) => tag.name);
    } catch (err) {
      if (err instanceof GatewayError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  private requireId(id: string): void {
    if (!isActionNetworkId(id)) {
      throw GatewayError.badInput('remoteId', `Action Network person ids are uuids such as 1efc3644-af25-4253-90b8-a0baf12dbd1e, but got: ${JSON.stringify(id)}`);
    }
  }
}

function notFound(id: string): GatewayError {
  return new GatewayError('NOT_FOUND', `ACTION_NETWORK has no person with id ${id}`, { system: 'ACTION_NETWORK', upstreamStatus: 404 });
}
