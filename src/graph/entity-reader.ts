// Reads unified objects by id for one request: identity index → linked records → merged view.
import type { MergePolicy } from '../identity/merge-policy.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { EntityType } from '../model/system.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordLoaders } from './record-loaders.js';
import { buildView } from './view-builder.js';
import type { DonationView, EntityView, OrganizationView, PersonView } from './views.js';

export class EntityReader {
  private readonly views = new Map<string, Promise<EntityView | null>>();

  constructor(
    private readonly identity: IdentityIndex,
    private readonly loaders: RecordLoaders,
    private readonly policy?: MergePolicy,
  ) {}

  person(id: string): Promise<PersonView | null> {
    return this.view('PERSON', id) as Promise<PersonView | null>;
  }

  organization(id: string): Promise<OrganizationView | null> {
    return this.view('ORGANIZATION', id) as Promise<OrganizationView | null>;
  }

  donation(id: string): Promise<DonationView | null> {
    return this.view('DONATION', id) as Promise<DonationView | null>;
  }

  /** Null for unknown ids, for ids of another entity, and when no linked record exists any more. */
  view(entity: EntityType, id: string): Promise<EntityView | null> {
    // One request may name the same object many times (every person's employer): build it once.
    let view = this.views.get(id);
    if (!view) {
      view = this.build(entity, id);
      this.views.set(id, view);
    }
    return view;
  }

  private async build(entity: EntityType, id: string): Promise<EntityView | null> {
    const identity = this.identity.get(id);
    if (!identity || identity.entity !== entity) return null;
    const loaded = await Promise.all(identity.links.map((link) => this.loaders.load(entity, link)));
    const records = loaded.filter((r): r is RemoteRecord => r !== null);
    if (records.length === 0) return null;
    return buildView(entity, identity.id, records, (system, e, remoteId) => this.identity.find(system, e, remoteId), this.policy);
  }
}
