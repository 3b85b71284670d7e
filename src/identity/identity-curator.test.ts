import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePerson } from '../../test/support/sample-records.js';
import { ChangeLog } from '../events/change-log.js';
import type { UnifiedPerson } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { STORE_NAMESPACES } from '../store/keyv-backend.js';
import { openStore, type GatewayStore } from '../store/open-store.js';
import { IdentityCurator } from './identity-curator.js';
import { MatchCandidates } from './match-candidates.js';

const at = DateTime.utc(2025, 1, 1);
const email = (address: string) => [{ address, primary: true, status: 'SUBSCRIBED' as const }];

describe('IdentityCurator', () => {
  let store: GatewayStore;
  let candidates: MatchCandidates;
  let changes: ChangeLog;
  let curator: IdentityCurator;

  /** A cached, linked person record of its own; resolves to its unified id. */
  async function person(system: System, remoteId: string, data: Partial<UnifiedPerson>): Promise<string> {
    const record: RemoteRecord<'PERSON'> = { system, entity: 'PERSON', remoteId, createdAt: at, modifiedAt: at, data: samplePerson(data) };
    await store.records.put(record);
    return store.identity.linkNew('PERSON', system, remoteId);
  }

  beforeEach(async () => {
    store = await openStore('memory://');
    candidates = await MatchCandidates.load(store.keyv(STORE_NAMESPACES.matchCandidates), store.entries(STORE_NAMESPACES.matchCandidates));
    changes = await ChangeLog.load(store.keyv(STORE_NAMESPACES.changelog), store.entries(STORE_NAMESPACES.changelog));
    curator = new IdentityCurator({ identity: store.identity, records: store.records, candidates, changes });
  });

  describe('mergePeople', () => {
    it('moves every link to the first person, keeps the others resolving to it, and records MERGED', async () => {
      const ada = await person('CIVICRM', '1', { givenName: 'Ada', emails: email('ada@example.org') });
      const byron = await person('VTIGER', '12x1', { givenName: 'Ada', familyName: 'Byron', emails: email('ada@byron.example') });
      const third = await person('ACTION_NETWORK', 'u1', { givenName: 'Ada' });
      expect(await curator.mergePeople([ada, byron, third])).toEqual({ survivorId: ada, mergedIds: [byron, third] });
      expect(store.identity.get(ada)?.links.map((l) => l.system)).toEqual(['CIVICRM', 'VTIGER', 'ACTION_NETWORK']);
      expect(store.identity.get(byron)?.id).toBe(ada);
      expect(store.identity.get(third)?.id).toBe(ada);
      expect(store.identity.ids('PERSON')).toEqual([ada]);
      const [change] = changes.after(null, 10);
      expect(changes.after(null, 10)).toHaveLength(1);
      expect(change).toMatchObject({ entity: 'PERSON', id: ada, op: 'MERGED', origin: null, mergedIds: [byron, third] });
      // The merged emails and the records changed; the given name did not.
      expect(change!.changedFields).toContain('emails');
      expect(change!.changedFields).toContain('sources');
      expect(change!.changedFields).not.toContain('givenName');
    });

    it('checks every id before writing anything, naming the argument', async () => {
      const ada = await person('CIVICRM', '1', {});
      const org = await store.identity.linkNew('ORGANIZATION', 'CIVICRM', '9');
      const version = store.identity.version;
      const refused = (ids: string[]) => curator.mergePeople(ids).then(() => null, (err: unknown) => err);
      expect(await refused([ada])).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids', message: 'Argument "ids" must name at least two people, but got 1' });
      expect(await refused([ada, 'per_aaaaaaaaaaaaaaaaaaaa'])).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'ids',
        message: 'Argument "ids" must name existing people, but ids[1] is unknown: "per_aaaaaaaaaaaaaaaaaaaa"',
      });
      expect(await refused([ada, org])).toMatchObject({ argument: 'ids', message: `Argument "ids" must hold person ids such as "per_…", but ids[1] is: "${org}"` });
      expect(await refused(['42', ada])).toMatchObject({ argument: 'ids', message: 'Argument "ids" must hold person ids such as "per_…", but ids[0] is: "42"' });
      expect(store.identity.version).toBe(version);
      expect(changes.lastCursor).toBeNull();
    });

    it('does nothing, and records nothing, for ids that already are one person', async () => {
      const a = await person('CIVICRM', '1', {});
      const b = await person('VTIGER', '12x1', {});
      await curator.mergePeople([a, b]);
      expect(await curator.mergePeople([b, a])).toEqual({ survivorId: a, mergedIds: [] });
      expect(changes.after(null, 10)).toHaveLength(1);
    });
  });

  describe('match candidates', () => {
    async function pair(): Promise<{ known: string; newer: string; id: string }> {
      const known = await person('CIVICRM', '1', { givenName: 'John', familyName: 'Smith', birthDate: '1950-03-01' });
      const newer = await person('VTIGER', '12x1', { givenName: 'John', familyName: 'Smith', birthDate: '1980-07-15' });
      const candidate = await candidates.add({ personIds: [known, newer], record: { system: 'VTIGER', remoteId: '12x1' }, score: 0.6, reason: 'SCORE', agreed: ['familyName'], disagreed: ['birthDate'] });
      return { known, newer, id: candidate.id };
    }

    it('lists open candidates with the record’s times, following merges', async () => {
      const { known, newer, id } = await pair();
      const other = await person('ACTION_NETWORK', 'u1', {});
      expect(curator.pendingCandidates()).toMatchObject([{ id, currentIds: [known, newer], source: { system: 'VTIGER', remoteId: '12x1', createdAt: at, modifiedAt: at } }]);
      await curator.mergePeople([other, known]);
      expect(curator.pendingCandidates()).toMatchObject([{ id, currentIds: [other, newer], personIds: [known, newer] }]);
    });

    it('confirming merges the pair into the known person and closes the candidate', async () => {
      const { known, newer, id } = await pair();
      expect(await curator.confirmCandidate(id)).toEqual({ survivorId: known, mergedIds: [newer] });
      expect(store.identity.get(newer)?.id).toBe(known);
      expect(candidates.all()).toEqual([]);
      expect(curator.pendingCandidates()).toEqual([]);
      expect(changes.after(null, 10)).toMatchObject([{ op: 'MERGED', id: known, mergedIds: [newer] }]);
    });

    it('rejecting closes the candidate and keeps the people apart', async () => {
      const { known, newer, id } = await pair();
      expect(await curator.rejectCandidate(id)).toMatchObject({ id, currentIds: [known, newer] });
      expect(candidates.all()).toEqual([]);
      expect(store.identity.ids('PERSON')).toHaveLength(2);
      expect(changes.lastCursor).toBeNull();
    });

    it('refuses an unknown candidate id, naming the argument', async () => {
      await expect(curator.confirmCandidate('mc_00000000000000000000')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'candidateId',
        message: 'Argument "candidateId" must be the id of an open match candidate ("mc_…"), but got: "mc_00000000000000000000"',
      });
      await expect(curator.rejectCandidate('nope')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', argument: 'candidateId' });
    });

    it('merging the pair by hand settles the candidate', async () => {
      const { known, newer } = await pair();
      await curator.mergePeople([known, newer]);
      expect(candidates.all()).toEqual([]);
    });
  });

  describe('unlinkRecord', () => {
    it('splits a record off into a new person, recording CREATED and UPDATED', async () => {
      const ada = await person('CIVICRM', '1', { givenName: 'Ada', emails: email('ada@example.org') });
      const other = await person('VTIGER', '12x1', { givenName: 'Ada', emails: email('ada@byron.example') });
      await curator.mergePeople([ada, other]);
      const outcome = await curator.unlinkRecord('VTIGER', '12x1', 'PERSON');
      expect(outcome.previousId).toBe(ada);
      expect(outcome.unifiedId).not.toBe(ada);
      expect(store.identity.find('VTIGER', 'PERSON', '12x1')).toBe(outcome.unifiedId);
      expect(store.identity.get(ada)?.links.map((l) => l.remoteId)).toEqual(['1']);
      const [, updated, created] = changes.after(null, 10);
      expect(updated).toMatchObject({ op: 'UPDATED', id: ada, entity: 'PERSON' });
      expect(updated!.changedFields).toEqual(['emails', 'sources']);
      expect(created).toMatchObject({ op: 'CREATED', id: outcome.unifiedId });
      expect(created!.changedFields).toContain('givenName');
    });

    it('leaves a record that stands alone as it is, and closes the candidates naming its person', async () => {
      const known = await person('CIVICRM', '1', {});
      const alone = await person('VTIGER', '12x1', {});
      await candidates.add({ personIds: [known, alone], record: { system: 'VTIGER', remoteId: '12x1' }, score: 0.7, reason: 'SCORE', agreed: [], disagreed: [] });
      expect(await curator.unlinkRecord('VTIGER', '12x1', 'PERSON')).toEqual({ unifiedId: alone, previousId: alone });
      expect(candidates.all()).toEqual([]);
      expect(changes.lastCursor).toBeNull();
    });

    it('refuses a record the gateway has not indexed, naming remoteId', async () => {
      await expect(curator.unlinkRecord('VTIGER', '12x404', 'PERSON')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'remoteId',
        message: 'Argument "remoteId" must name a VTIGER person record the gateway has indexed, but got: "12x404"',
      });
    });
  });
});
