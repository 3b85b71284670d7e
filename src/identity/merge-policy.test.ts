import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { UnifiedPerson } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import type { System } from '../model/system.js';
import { mergeRecords, parseFieldPriority } from './merge-policy.js';

function person(system: System, modified: string, data: Partial<UnifiedPerson>): RemoteRecord<'PERSON'> {
  return {
    system,
    entity: 'PERSON',
    remoteId: `${system}-1`,
    createdAt: DateTime.fromISO('2026-01-01T00:00:00Z', { zone: 'utc' }),
    modifiedAt: DateTime.fromISO(modified, { zone: 'utc' }),
    data: {
      givenName: null,
      familyName: null,
      emails: [],
      phones: [],
      addresses: [],
      languages: [],
      birthDate: null,
      tags: [],
      customFields: null,
      organizationRef: null,
      ...data,
    },
  };
}

describe('mergeRecords', () => {
  const civi = person('CIVICRM', '2026-03-01T00:00:00Z', {
    givenName: 'Ada',
    familyName: 'Lovelace',
    birthDate: '1815-12-10',
    emails: [{ address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' }],
  });
  const an = person('ACTION_NETWORK', '2026-04-01T00:00:00Z', {
    givenName: 'Augusta Ada',
    familyName: '',
    emails: [
      { address: 'ADA@example.org ', primary: false, status: 'SUBSCRIBED' },
      { address: 'countess@example.org', primary: true, status: 'UNSUBSCRIBED' },
    ],
  });

  it('takes each field from the most recently modified record that has a value', () => {
    const merged = mergeRecords([civi, an]);
    expect(merged.data.givenName).toBe('Augusta Ada');
    expect(merged.data.familyName).toBe('Lovelace'); // the newer record's empty string does not count
    expect(merged.data.birthDate).toBe('1815-12-10');
    expect(merged.winners['givenName']?.system).toBe('ACTION_NETWORK');
    expect(merged.modifiedAt?.toISO()).toBe('2026-04-01T00:00:00.000Z');
    expect(merged.createdAt?.toISO()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('unions emails by normalised address with primary from the winning record only', () => {
    const merged = mergeRecords([civi, an]);
    expect(merged.data.emails).toEqual([
      { address: 'ADA@example.org ', primary: false, status: 'SUBSCRIBED' },
      { address: 'countess@example.org', primary: true, status: 'UNSUBSCRIBED' },
    ]);
  });

  it('lets a per-field system priority beat recency', () => {
    const merged = mergeRecords([civi, an], { fieldPriority: { givenName: ['CIVICRM'], emails: ['CIVICRM'] } });
    expect(merged.data.givenName).toBe('Ada');
    expect(merged.data.emails.map((e) => [e.address, e.primary])).toEqual([
      ['ada@example.org', true],
      ['countess@example.org', false],
    ]);
  });
});

describe('parseFieldPriority', () => {
  it('reads field=systems pairs in preference order', () => {
    expect(parseFieldPriority(' addresses=CIVICRM, vtiger ; phones=VTIGER;')).toEqual({
      fieldPriority: { addresses: ['CIVICRM', 'VTIGER'], phones: ['VTIGER'] },
    });
  });

  it('says what is wrong', () => {
    expect(() => parseFieldPriority('addresses')).toThrow('"addresses" is not field=SYSTEM[,SYSTEM…]');
    expect(() => parseFieldPriority('shoeSize=CIVICRM')).toThrow('"shoeSize" is not a unified field');
    expect(() => parseFieldPriority('emails=SALESFORCE')).toThrow('"SALESFORCE" is not one of CIVICRM, ACTION_NETWORK, VTIGER');
  });
});
