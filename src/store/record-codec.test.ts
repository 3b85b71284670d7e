import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { RemoteRecord } from '../model/remote-record.js';
import { sampleDonation, sampleOrganization, samplePerson } from '../../test/support/sample-records.js';
import { decodeRecord, decodeUnifiedData, encodeRecord, encodeUnifiedData } from './record-codec.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** Through JSON text, as the store keeps it. */
function roundTrip(record: RemoteRecord): RemoteRecord {
  return decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))));
}

describe('record codec', () => {
  it('round-trips a person, unicode and empty values included', () => {
    const record: RemoteRecord<'PERSON'> = {
      system: 'CIVICRM',
      entity: 'PERSON',
      remoteId: '42',
      createdAt: at('2023-01-02T03:04:05.678Z'),
      modifiedAt: at('2024-05-06T07:08:09.010Z'),
      data: samplePerson({ givenName: 'Zoë 😀', familyName: '', phones: [], customFields: { nested: { list: [1, 'two'] } } }),
    };
    const back = roundTrip(record);
    expect(back).toEqual(record);
    expect(back.createdAt?.toMillis()).toBe(record.createdAt?.toMillis());
    expect(back.modifiedAt?.zoneName).toBe('UTC');
  });

  it('round-trips an organization with null timestamps', () => {
    const record: RemoteRecord<'ORGANIZATION'> = { system: 'VTIGER', entity: 'ORGANIZATION', remoteId: '11x7', createdAt: null, modifiedAt: null, data: sampleOrganization({ website: null }) };
    expect(roundTrip(record)).toEqual(record);
  });

  it('round-trips a donation, its receivedAt a DateTime again', () => {
    const record: RemoteRecord<'DONATION'> = {
      system: 'ACTION_NETWORK',
      entity: 'DONATION',
      remoteId: 'c3a1e1f2-uuid',
      createdAt: at('2024-03-01T10:15:00.000Z'),
      modifiedAt: at('2024-03-01T10:15:00.000Z'),
      data: sampleDonation({ donorRef: 'p-1' }),
    };
    const encoded = JSON.parse(JSON.stringify(encodeRecord(record)));
    expect(encoded.data.receivedAt).toBe('2024-03-01T10:15:00.000Z');
    const back = decodeRecord(encoded) as RemoteRecord<'DONATION'>;
    expect(DateTime.isDateTime(back.data.receivedAt)).toBe(true);
    expect(back).toEqual(record);
  });

  it('stores an instant in another zone as the same instant in UTC', () => {
    const local = DateTime.fromISO('2024-06-01T12:00:00', { zone: 'Europe/Berlin' });
    const record: RemoteRecord<'DONATION'> = { system: 'CIVICRM', entity: 'DONATION', remoteId: '9', createdAt: local, modifiedAt: null, data: sampleDonation({ receivedAt: local }) };
    const encoded = encodeRecord(record);
    expect(encoded.createdAt).toBe('2024-06-01T10:00:00.000Z');
    expect((decodeRecord(encoded) as RemoteRecord<'DONATION'>).data.receivedAt.toMillis()).toBe(local.toMillis());
  });

  it('refuses an invalid DateTime with MAPPING, naming the record and field', () => {
    const record: RemoteRecord<'DONATION'> = { system: 'CIVICRM', entity: 'DONATION', remoteId: '9', createdAt: null, modifiedAt: null, data: sampleDonation({ receivedAt: DateTime.invalid('bad input') }) };
    expect(() => encodeRecord(record)).toThrowError(expect.objectContaining({ code: 'MAPPING', message: expect.stringContaining('CIVICRM DONATION 9 receivedAt') }));
  });

  it('refuses stored data that is not an encoded record', () => {
    expect(() => decodeRecord({ system: 'NOPE', entity: 'PERSON', remoteId: '1', createdAt: null, modifiedAt: null, data: {} })).toThrowError(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => decodeRecord({ system: 'CIVICRM', entity: 'DONATION', remoteId: '1', createdAt: null, modifiedAt: null, data: { receivedAt: 'yesterday' } })).toThrowError(
      /stored CIVICRM DONATION 1 receivedAt must be an ISO date-time, but got: "yesterday"/,
    );
  });

  it('round-trips patches through JSON: dates converted, absent fields left out', () => {
    const patch = { receivedAt: at('2026-03-01T09:30:00.000Z'), recurring: true };
    const json = JSON.parse(JSON.stringify(encodeUnifiedData('DONATION', patch, 'outbox w1')));
    expect(json).toEqual({ receivedAt: '2026-03-01T09:30:00.000Z', recurring: true });
    const back = decodeUnifiedData('DONATION', json, 'outbox w1');
    expect(back.receivedAt?.toMillis()).toBe(patch.receivedAt.toMillis());
    expect(decodeUnifiedData('DONATION', { recurring: false }, 'outbox w1')).toEqual({ recurring: false });
    expect(() => decodeUnifiedData('DONATION', { receivedAt: 7 }, 'outbox w1')).toThrowError(/stored outbox w1 receivedAt must be an ISO date-time, but got: 7/);
  });
});
