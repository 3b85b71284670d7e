import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_POLICY } from '../identity/merge-policy.js';
import type { System } from '../model/system.js';
import { fieldHashes } from './field-values.js';
import { planReconcile, type ReconcileInput, type TwinState } from './reconcile-plan.js';
import { DEFAULT_SYNC_POLICY, NO_PROPAGATION, parseFlows } from './sync-policy.js';

const HELD = new Set(['givenName', 'familyName', 'phones']);
const at = (minute: number) => DateTime.fromISO(`2026-11-22T10:${String(minute).padStart(2, '0')}:00Z`);

function twin(system: System, data: Record<string, unknown>, previous: TwinState['previous'], minute = 0): TwinState {
  return { system, remoteId: `${system.toLowerCase()}-1`, data, modifiedAt: at(minute), held: HELD, previous };
}

const settled = (data: Record<string, unknown>) => fieldHashes(data, HELD);

function plan(twins: TwinState[], overrides: Partial<ReconcileInput> = {}) {
  return planReconcile({
    entity: 'PERSON',
    unifiedId: 'per_1',
    twins,
    missing: [],
    policy: DEFAULT_SYNC_POLICY,
    mergePolicy: DEFAULT_MERGE_POLICY,
    resolvable: () => true,
    requiredReferences: [],
    ...overrides,
  });
}

const base = { givenName: 'Ada', familyName: 'Lovelace', phones: [] };

describe('planReconcile', () => {
  it('carries a field changed in one CRM to the twins that hold something else, and leaves alike twins alone', () => {
    const result = plan([
      twin('CIVICRM', { ...base, familyName: 'King' }, settled(base), 5),
      twin('VTIGER', base, undefined),
      twin('ACTION_NETWORK', { ...base, familyName: 'King' }, undefined),
    ]);
    expect(result.updates).toEqual([{ system: 'VTIGER', remoteId: 'vtiger-1', patch: { familyName: 'King' }, origin: 'CIVICRM' }]);
    expect(result.conflicts).toEqual([]);
  });

  it('records a conflict when two CRMs changed a field to different values, and the later modification wins', () => {
    const result = plan([twin('CIVICRM', { ...base, givenName: 'Augusta' }, settled(base), 5), twin('VTIGER', { ...base, givenName: 'Ada B.' }, settled(base), 7)]);
    expect(result.conflicts).toEqual([
      {
        entity: 'PERSON',
        unifiedId: 'per_1',
        field: 'givenName',
        values: [
          { system: 'CIVICRM', remoteId: 'civicrm-1', value: 'Augusta', modifiedAt: at(5) },
          { system: 'VTIGER', remoteId: 'vtiger-1', value: 'Ada B.', modifiedAt: at(7) },
        ],
        winner: 'VTIGER',
        rule: 'LATER_MODIFICATION',
      },
    ]);
    expect(result.updates).toEqual([{ system: 'CIVICRM', remoteId: 'civicrm-1', patch: { givenName: 'Ada B.' }, origin: 'VTIGER' }]);
  });

  it('lets a field priority settle a conflict over recency', () => {
    const result = plan([twin('CIVICRM', { ...base, givenName: 'Augusta' }, settled(base), 5), twin('VTIGER', { ...base, givenName: 'Ada B.' }, settled(base), 7)], {
      mergePolicy: { fieldPriority: { givenName: ['CIVICRM'] } },
    });
    expect(result.conflicts[0]).toMatchObject({ winner: 'CIVICRM', rule: 'SYSTEM_PRIORITY' });
    expect(result.updates).toEqual([{ system: 'VTIGER', remoteId: 'vtiger-1', patch: { givenName: 'Augusta' }, origin: 'CIVICRM' }]);
  });

  it('is no conflict when both changed a field to the same value, nor when the values differ only in form', () => {
    const phones = (number: string, kind: string) => [{ number, kind, primary: true }];
    const result = plan([
      twin('CIVICRM', { ...base, familyName: 'King', phones: phones('+1 617 555 0100', 'HOME') }, settled(base), 5),
      twin('VTIGER', { ...base, familyName: 'King', phones: phones('+16175550100', 'MOBILE') }, settled(base), 7),
    ]);
    expect(result).toEqual({ updates: [], creates: [], conflicts: [] });
  });

  it('writes only along the flows', () => {
    const twins = [twin('VTIGER', { ...base, familyName: 'King' }, settled(base), 5), twin('CIVICRM', base, undefined), twin('ACTION_NETWORK', base, undefined)];
    const intoCivi = plan(twins, { policy: { ...DEFAULT_SYNC_POLICY, flows: { ...DEFAULT_SYNC_POLICY.flows, PERSON: parseFlows('*>CIVICRM') } } });
    expect(intoCivi.updates.map((u) => u.system)).toEqual(['CIVICRM']);
    expect(plan(twins, { policy: NO_PROPAGATION }).updates).toEqual([]);
  });

  it('takes every twin as fresh when one is newly linked: the first sync of a pair settles their differences', () => {
    const result = plan([twin('CIVICRM', { ...base, phones: [{ number: '+16175550100', kind: 'HOME', primary: true }] }, undefined, 2), twin('ACTION_NETWORK', { ...base, familyName: 'Byron' }, null, 9)]);
    expect(result.updates).toEqual([
      { system: 'CIVICRM', remoteId: 'civicrm-1', patch: { familyName: 'Byron' }, origin: 'ACTION_NETWORK' },
      { system: 'ACTION_NETWORK', remoteId: 'action_network-1', patch: { phones: [{ number: '+16175550100', kind: 'HOME', primary: true }] }, origin: 'CIVICRM' },
    ]);
    expect(result.conflicts.map((c) => [c.field, c.winner])).toEqual([['familyName', 'ACTION_NETWORK']]);
  });

  it('plans a twin in each missing CRM a flow leads to, unless a required reference cannot be written there', () => {
    const donation = { amount: { amount: '10.00', currency: 'USD' }, donorRef: 'per_9', receivedAt: '2026-11-01T00:00:00.000Z', designations: [], recurring: false };
    const held = new Set(Object.keys(donation));
    const source: TwinState = { system: 'VTIGER', remoteId: '9x1', data: donation, modifiedAt: at(1), held, previous: null };
    const input = { entity: 'DONATION' as const, twins: [source], requiredReferences: ['donorRef'] };
    const missing = [{ system: 'CIVICRM' as const, held }, { system: 'ACTION_NETWORK' as const, held }];
    expect(plan([source], { ...input, missing }).creates).toEqual([{ system: 'CIVICRM', payload: donation, origin: 'VTIGER' }]);
    expect(plan([source], { ...input, missing, resolvable: () => false }).creates).toEqual([]);
  });
});
