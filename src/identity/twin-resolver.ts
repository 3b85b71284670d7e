// Where the twin matcher meets the indexer: links each record seen for the first time to its twin
// (a person or organization already known), or to a new unified id, keeping a match candidate for
// the pairs it found alike but not alike enough — or not allowed — to link.
import type { RegionCode } from '../../connectors/phone-numbers.js';
import { isGatewayError } from '../errors/gateway-error.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { IdentityIndex } from '../store/identity-index.js';
import type { RecordCache } from '../store/record-cache.js';
import type { IndexedPage } from '../sync/page-applier.js';
import type { MatchCandidates } from './match-candidates.js';
import type { MatchThresholds } from './match-thresholds.js';
import { OrganizationMatcher } from './organization-matcher.js';
import { PersonMatcher } from './person-matcher.js';

/** How the gateway matches twins (see match-config.ts for the variables that set it). */
export interface TwinMatching {
  thresholds: MatchThresholds;
  defaultPhoneRegion: RegionCode;
  /** Custom fields holding an identifier shared across systems (see ProfileOptions). */
  externalIdFields: readonly string[];
}

export interface TwinResolverDeps {
  identity: IdentityIndex;
  records: RecordCache;
  candidates: MatchCandidates;
}

export class TwinResolver {
  readonly people: PersonMatcher;
  readonly organizations: OrganizationMatcher;

  /** Builds the matchers' picture of every linked person and organization in the record cache. */
  constructor(
    private readonly deps: TwinResolverDeps,
    matching: TwinMatching,
  ) {
    this.people = new PersonMatcher(deps.identity, { ...matching });
    this.organizations = new OrganizationMatcher(deps.identity);
    for (const entity of ['PERSON', 'ORGANIZATION'] as const) {
      for (const id of deps.identity.ids(entity)) {
        for (const link of deps.identity.get(id)?.links ?? []) {
          const cached = deps.records.get({ system: link.system, entity, remoteId: link.remoteId });
          if (cached) this.remember(cached.record);
        }
      }
    }
  }

  /**
   * The indexer's resolveIdentity: links the record and resolves to its unified id. A person is
   * linked to a sure twin; otherwise it gets a new id, and each known person it scored "maybe"
   * with (or scored sure with but may not be linked to automatically) becomes a match candidate.
   * An organization is linked to one of the same name and website. Donations are always new.
   */
  readonly resolve = async (record: RemoteRecord): Promise<string> => {
    const { identity, candidates } = this.deps;
    const { system, remoteId } = record;
    let unifiedId: string;
    if (record.entity === 'PERSON') {
      const person = record as RemoteRecord<'PERSON'>;
      const match = this.people.match(person);
      const linked = match.link ? await this.linkTo(match.link.unifiedId, record) : null;
      unifiedId = linked ?? (await identity.linkNew('PERSON', system, remoteId));
      if (!linked) {
        for (const twin of match.held) {
          const { score, agreed, disagreed } = twin.comparison;
          await candidates.add({ personIds: [twin.unifiedId, unifiedId], record: { system, remoteId }, score, reason: twin.reason, agreed, disagreed });
        }
      }
    } else if (record.entity === 'ORGANIZATION') {
      const twin = this.organizations.match(record as RemoteRecord<'ORGANIZATION'>);
      unifiedId = (twin === null ? null : await this.linkTo(twin, record)) ?? (await identity.linkNew('ORGANIZATION', system, remoteId));
    } else {
      unifiedId = await identity.linkNew(record.entity, system, remoteId);
    }
    this.remember(record);
    return unifiedId;
  };

  /**
   * The indexer's page listener: records that changed are matched against with their new content
   * from now on, deleted ones no more. (A changed record is not matched again: it stays linked.)
   */
  readonly observe = (page: IndexedPage): void => {
    for (const upsert of page.upserts) if (upsert.contentChanged) this.remember(upsert.record);
    for (const deletion of page.deletions) this.forget(page.system, page.entity, deletion.remoteId);
  };

  private remember(record: RemoteRecord): void {
    if (record.entity === 'PERSON') this.people.remember(record as RemoteRecord<'PERSON'>);
    else if (record.entity === 'ORGANIZATION') this.organizations.remember(record as RemoteRecord<'ORGANIZATION'>);
  }

  private forget(system: RemoteRecord['system'], entity: RemoteRecord['entity'], remoteId: string): void {
    if (entity === 'PERSON') this.people.forget(system, remoteId);
    else if (entity === 'ORGANIZATION') this.organizations.forget(system, remoteId);
  }

  /**
   * Links to the twin; null when the twin vanished meanwhile (its last record deleted by another
   * connector's page). A record linked since the indexer found it unlinked (a mutation's create
   * recording its link) keeps that link, whose id is returned.
   */
  private async linkTo(unifiedId: string, record: RemoteRecord): Promise<string | null> {
    try {
      return await this.deps.identity.link(unifiedId, record.system, record.remoteId, { keepExisting: true });
    } catch (err) {
      if (isGatewayError(err) && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }
}
