import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MatchCandidates, matchCandidateId, type NewMatchCandidate } from './match-candidates.js';

const T0 = DateTime.fromISO('2025-01-01T00:00:00.000Z', { zone: 'utc' });

async function* entries(keyv: Keyv): AsyncIterable<[string, unknown]> {
  yield* keyv.iterator!(undefined) as AsyncIterable<[string, unknown]>;
}

function candidate(a: string, b: string, score: number): NewMatchCandidate {
  return { personIds: [a, b], record: { system: 'VTIGER', remoteId: '12x1' }, score, reason: 'SCORE', agreed: ['familyName'], disagreed: ['birthDate'] };
}

describe('MatchCandidates', () => {
  it('keeps candidates durably, best score first, one per pair', async () => {
    const keyv = new Keyv({ store: new Map(), namespace: 'match-candidates', throwOnErrors: true });
    let clock = T0;
    const candidates = await MatchCandidates.load(keyv, entries(keyv), () => clock);
    const low = await candidates.add(candidate('per_a', 'per_b', 0.6));
    clock = clock.plus({ minutes: 1 });
    const high = await candidates.add(candidate('per_c', 'per_d', 0.8));
    // The same pair, either way round, stays the first entry.
    expect(await candidates.add(candidate('per_b', 'per_a', 0.7))).toBe(low);
    expect(low.id).toBe(matchCandidateId('per_b', 'per_a'));
    expect(low.id).toMatch(/^mc_[0-9a-f]{20}$/);

    const reloaded = await MatchCandidates.load(keyv, entries(keyv));
    expect(reloaded.all()).toEqual([high, low]);
    expect(reloaded.get(low.id)).toEqual({ ...candidate('per_a', 'per_b', 0.6), id: low.id, createdAt: T0 });

    expect(await reloaded.remove([low.id, 'mc_00000000000000000000'])).toBe(1);
    expect((await MatchCandidates.load(keyv, entries(keyv))).all()).toEqual([high]);
  });

  it('refuses a stored value that is not a candidate', async () => {
    const keyv = new Keyv({ store: new Map(), namespace: 'match-candidates', throwOnErrors: true });
    await keyv.set('mc_0123', { id: 'mc_0123', score: 'high' });
    await expect(MatchCandidates.load(keyv, entries(keyv))).rejects.toThrow(/stored match candidate "mc_0123" must be a match candidate/);
  });
});
