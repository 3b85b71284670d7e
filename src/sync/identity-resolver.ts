// The seam where a remote record seen for the first time gets its unified id.
import type { RemoteRecord } from '../model/remote-record.js';
import type { IdentityIndex } from '../store/identity-index.js';

/**
 * Links a record that is not linked yet — to a new unified id or to an existing one (a twin) — and
 * resolves to that id. The indexer calls it one record at a time across all connectors, so a
 * resolver sees every link made before it. The record is given as listed: the record cache is
 * written after the page's listeners ran, so it does not hold this copy yet (other records of the
 * same page neither — a matcher that must see them keeps its own note of what it linked).
 */
export type ResolveIdentity = (record: RemoteRecord) => Promise<string>;

/** The default: every new record is its own unified object (the twin matcher replaces this). */
export function linkAsNewIdentity(identity: IdentityIndex): ResolveIdentity {
  return (record) => identity.linkNew(record.entity, record.system, record.remoteId);
}
