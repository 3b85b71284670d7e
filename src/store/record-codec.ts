// RemoteRecord ↔ JSON-safe shape for the store: luxon DateTimes travel as UTC ISO strings.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../errors/gateway-error.js';
import type { UnifiedData } from '../model/entities.js';
import type { RemoteRecord } from '../model/remote-record.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType } from '../model/system.js';

/** The DateTime-valued fields of each entity's unified data; everything else is already JSON. */
const DATE_FIELDS = {
  PERSON: [],
  ORGANIZATION: [],
  DONATION: ['receivedAt'],
} as const satisfies { [E in EntityType]: readonly (keyof UnifiedData[E])[] };

export interface EncodedRecord {
  system: RemoteRecord['system'];
  entity: EntityType;
  remoteId: string;
  createdAt: string | null;
  modifiedAt: string | null;
  /** The unified data with its DateTime fields as ISO strings. */
  data: Record<string, unknown>;
}

function encodeDate(value: DateTime, what: string): string {
  const iso = value.isValid ? value.toUTC().toISO() : null;
  if (iso === null) throw new GatewayError('MAPPING', `${what} must be a valid DateTime, but got an invalid one (${value.invalidReason ?? 'unknown reason'})`);
  return iso;
}

function decodeDate(value: unknown, what: string): DateTime {
  const parsed = typeof value === 'string' ? DateTime.fromISO(value, { zone: 'utc' }) : null;
  if (!parsed?.isValid) throw new GatewayError('INTERNAL', `stored ${what} must be an ISO date-time, but got: ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * Unified data (whole or a patch) → JSON-safe: DateTime fields become UTC ISO strings; fields a
 * patch leaves out stay out. `where` names the data in an error.
 */
export function encodeUnifiedData<E extends EntityType>(entity: E, data: Partial<UnifiedData[E]>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of DATE_FIELDS[entity]) {
    if (out[field] !== undefined) out[field] = encodeDate(out[field] as DateTime, `${where} ${field}`);
  }
  return out;
}

/** The reverse of encodeUnifiedData; throws INTERNAL when a date field does not hold an ISO date-time. */
export function decodeUnifiedData<E extends EntityType>(entity: E, data: Record<string, unknown>, where: string): Partial<UnifiedData[E]> {
  const out: Record<string, unknown> = { ...data };
  for (const field of DATE_FIELDS[entity]) {
    if (out[field] !== undefined) out[field] = decodeDate(out[field], `${where} ${field}`);
  }
  return out as Partial<UnifiedData[E]>;
}

export function encodeRecord(record: RemoteRecord): EncodedRecord {
  const where = `${record.system} ${record.entity} ${record.remoteId}`;
  const data: Record<string, unknown> = { ...(record.data as unknown as Record<string, unknown>) };
  // A whole record always carries its date fields: a missing one is a mapping bug, not a patch.
  for (const field of DATE_FIELDS[record.entity]) data[field] = encodeDate(data[field] as DateTime, `${where} ${field}`);
  return {
    system: record.system,
    entity: record.entity,
    remoteId: record.remoteId,
    createdAt: record.createdAt ? encodeDate(record.createdAt, `${where} createdAt`) : null,
    modifiedAt: record.modifiedAt ? encodeDate(record.modifiedAt, `${where} modifiedAt`) : null,
    data,
  };
}

// The store is a boundary too (a file or a Redis anyone may touch): the envelope is checked; the
// data inside is what encodeRecord wrote, and only its date fields need converting back.
const EncodedRecordSchema = z.object({
  system: z.enum(SYSTEMS),
  entity: z.enum(ENTITY_TYPES),
  remoteId: z.string(),
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export function decodeRecord(value: unknown): RemoteRecord {
  const parsed = EncodedRecordSchema.safeParse(value);
  if (!parsed.success) throw new GatewayError('INTERNAL', `stored record must be an encoded RemoteRecord, but got: ${z.prettifyError(parsed.error)}`);
  const encoded = parsed.data;
  const where = `${encoded.system} ${encoded.entity} ${encoded.remoteId}`;
  const data: Record<string, unknown> = { ...encoded.data };
  for (const field of DATE_FIELDS[encoded.entity]) data[field] = decodeDate(data[field], `${where} ${field}`);
  return {
    system: encoded.system,
    entity: encoded.entity,
    remoteId: encoded.remoteId,
    createdAt: encoded.createdAt === null ? null : decodeDate(encoded.createdAt, `${where} createdAt`),
    modifiedAt: encoded.modifiedAt === null ? null : decodeDate(encoded.modifiedAt, `${where} modifiedAt`),
    data: data as unknown as UnifiedData[EntityType],
  };
}

// The record cache's resident form: a cached record is read far less often than it sits in memory,
// and a decoded record (objects, arrays, three luxon DateTimes) takes about twice the bytes of its
// JSON. The key (system, entity, remoteId) is the cache's map key, so the text leaves it out, and
// times travel as epoch ms, which decode several times faster than ISO strings.
type PackedRecord = [createdAt: number | null, modifiedAt: number | null, data: Record<string, unknown>];

function dateMillis(value: DateTime, what: string): number {
  if (!value.isValid) throw new GatewayError('MAPPING', `${what} must be a valid DateTime, but got an invalid one (${value.invalidReason ?? 'unknown reason'})`);
  return value.toMillis();
}

/** The record as compact JSON text, for unpackRecord (in this process only: no validation on the way back). */
export function packRecord(record: RemoteRecord): string {
  const where = `${record.system} ${record.entity} ${record.remoteId}`;
  const data: Record<string, unknown> = { ...(record.data as unknown as Record<string, unknown>) };
  for (const field of DATE_FIELDS[record.entity]) data[field] = dateMillis(data[field] as DateTime, `${where} ${field}`);
  const packed: PackedRecord = [
    record.createdAt ? dateMillis(record.createdAt, `${where} createdAt`) : null,
    record.modifiedAt ? dateMillis(record.modifiedAt, `${where} modifiedAt`) : null,
    data,
  ];
  return JSON.stringify(packed);
}

/** The record packRecord packed, with its key; its DateTimes are in UTC. */
export function unpackRecord<E extends EntityType>(system: RemoteRecord['system'], entity: E, remoteId: string, text: string): RemoteRecord<E> {
  const [createdAt, modifiedAt, data] = JSON.parse(text) as PackedRecord;
  for (const field of DATE_FIELDS[entity]) data[field] = DateTime.fromMillis(data[field] as number, { zone: 'utc' });
  return {
    system,
    entity,
    remoteId,
    createdAt: createdAt === null ? null : DateTime.fromMillis(createdAt, { zone: 'utc' }),
    modifiedAt: modifiedAt === null ? null : DateTime.fromMillis(modifiedAt, { zone: 'utc' }),
    data: data as unknown as UnifiedData[E],
  } as RemoteRecord<E>;
}
