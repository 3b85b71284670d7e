// Opens the gateway's twin matching: match candidates from the store, the resolver the indexer
// links new records through, and the curator that carries out people's decisions on identities.
import type { ChangeLog } from '../events/change-log.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import type { GatewayStore } from '../store/open-store.js';
import { IdentityCurator } from './identity-curator.js';
import { MatchCandidates } from './match-candidates.js';
import { DEFAULT_MATCH_THRESHOLDS } from './match-thresholds.js';
import type { MergePolicy } from './merge-policy.js';
import { TwinResolver, type TwinMatching } from './twin-resolver.js';

export const DEFAULT_TWIN_MATCHING: TwinMatching = { thresholds: DEFAULT_MATCH_THRESHOLDS, defaultPhoneRegion: 'US', externalIdFields: [] };

export interface OpenTwinMatching {
  resolver: TwinResolver;
  /** Pairs of people held for a person to decide on. */
  candidates: MatchCandidates;
  curator: IdentityCurator;
  /** Resolves once every candidate write started so far has settled. */
  idle(): Promise<void>;
}

export async function openTwinMatching(
  store: GatewayStore,
  changes: ChangeLog,
  matching: TwinMatching = DEFAULT_TWIN_MATCHING,
  policy?: MergePolicy,
): Promise<OpenTwinMatching> {
  const namespace = STORE_NAMESPACES.matchCandidates;
  const candidates = await MatchCandidates.load(store.keyv(namespace), store.entries(namespace));
  const resolver = new TwinResolver({ identity: store.identity, records: store.records, candidates }, matching);
  const curator = new IdentityCurator({ identity: store.identity, records: store.records, candidates, changes, ...(policy ? { policy } : {}) });
  return { resolver, candidates, curator, idle: () => candidates.idle() };
}
