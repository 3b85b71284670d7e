import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { samplePerson } from '../../test/support/sample-records.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { mergedFieldChanges } from './merged-field-changes.js';

function person(system: System, minute: number, overrides: Partial<RemoteRecord<'PERSON'>['data']> = {}): RemoteRecord<'PERSON'> {
  const at = DateTime.fromISO(`2026-11-22T10:${String(minute).padStart(2, '0')}:00Z`);
  return { system, entity: 'PERSON', remoteId: `${system}-p`, createdAt: at, modifiedAt: at, data: samplePerson(overrides) };
}

// Each CRM names the organization by its own record id; both records are one organization.
const orgs = new Map([
  ['CIVICRM:12', 'org_1'],
  ['VTIGER:3x5', 'org_1'],
]);
const lookup = { find: (system: System, _entity: string, remoteId: string) => orgs.get(`${system}:${remoteId}`) ?? null };

describe('mergedFieldChanges', () => {
  it('names the fields whose merged value changed, and sources', () => {
    const before = [person('CIVICRM', 1), person('VTIGER', 2)];
    const after = [person('CIVICRM', 3, { familyName: 'King' }), person('VTIGER', 2)];
    expect(mergedFieldChanges(before, after)).toEqual(['familyName', 'sources']);
  });

  it('takes a reference that now comes from another CRM’s record of the same organization for no change', () => {
    const before = [person('CIVICRM', 1, { organizationRef: '12' }), person('VTIGER', 2, { organizationRef: '3x5' })];
    const after = [person('CIVICRM', 3, { organizationRef: '12', familyName: 'King' }), person('VTIGER', 2, { organizationRef: '3x5' })];
    expect(mergedFieldChanges(before, after, undefined, lookup)).toEqual(['familyName', 'sources']);
    // Without the lookup the raw ids differ.
    expect(mergedFieldChanges(before, after)).toEqual(['familyName', 'organizationRef', 'sources']);
  });
});
