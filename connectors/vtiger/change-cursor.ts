// The listChanged cursor: opaque to the core, it carries everything the next run needs to resume.
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';

/** `sync` works: resume from the server's own lastModifiedTime (epoch seconds). */
export interface SyncCursor {
  mode: 'sync';
  since: number;
  /** Epoch ms (gateway clock) when that page was read. */
  readAt: number;
}

/**
 * `sync` is broken (8.2 on PHP 8): VTQL keyset paging over (modifiedtime, id), plus the ids seen
 * so far and when they were last compared with Vtiger's full id set to find deletions.
 */
export interface QueryCursor {
  mode: 'query';
  /** The last row delivered: modifiedtime exactly as Vtiger wrote it, and its id. */
  after: { time: string; id: string } | null;
  /** Epoch ms (gateway clock) when that row was read: how settled its second was by then. */
  readAt: number;
  known: ReadonlySet<string>;
  /** Epoch ms of the last id-set scan (or of the full listing that built `known`). */
  scannedAt: number;
}

export type ChangeCursor = SyncCursor | QueryCursor;

const wireSchema = z.union([
  z.object({ v: z.literal(1), m: z.literal('sync'), s: z.number(), r: z.number() }),
  z.object({
    v: z.literal(1),
    m: z.literal('query'),
    t: z.string().nullable(),
    i: z.string().nullable(),
    r: z.number(),
    k: z.string(),
    c: z.number(),
  }),
]);

export function encodeCursor(cursor: ChangeCursor): string {
  const wire =
    cursor.mode === 'sync'
      ? { v: 1, m: 'sync', s: cursor.since, r: cursor.readAt }
      : { v: 1, m: 'query', t: cursor.after?.time ?? null, i: cursor.after?.id ?? null, r: cursor.readAt, k: encodeIdSet(cursor.known), c: cursor.scannedAt };
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

export function decodeCursor(text: string): ChangeCursor {
  let wire: z.output<typeof wireSchema>;
  try {
    wire = wireSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch (cause) {
    throw new GatewayError('BAD_USER_INPUT', `VTIGER change cursor must be one this connector issued, but got: ${JSON.stringify(text.slice(0, 40))}`, {
      system: 'VTIGER',
      argument: 'cursor',
      cause,
    });
  }
  if (wire.m === 'sync') return { mode: 'sync', since: wire.s, readAt: wire.r };
  return { mode: 'query', after: wire.t !== null && wire.i !== null ? { time: wire.t, id: wire.i } : null, readAt: wire.r, known: decodeIdSet(wire.k), scannedAt: wire.c };
}

/**
 * "12x3","12x5","12x40" → "12:3,2,z": per prefix, the sorted crmids as base-36 gaps, so ten
 * thousand ids take tens of kilobytes, not hundreds.
 */
export function encodeIdSet(ids: ReadonlySet<string>): string {
  const byPrefix = new Map<string, number[]>();
  for (const id of ids) {
    const match = /^(\d+)x(\d+)$/.exec(id);
    if (!match?.[1] || !match[2]) continue;
    const list = byPrefix.get(match[1]) ?? [];
    list.push(Number(match[2]));
    byPrefix.set(match[1], list);
  }
  return [...byPrefix]
    .map(([prefix, crmids]) => {
      crmids.sort((a, b) => a - b);
      return `${prefix}:${crmids.map((crmid, i) => (crmid - (i === 0 ? 0 : (crmids[i - 1] ?? 0))).toString(36)).join(',')}`;
    })
    .join(';');
}

export function decodeIdSet(text: string): Set<string> {
  const ids = new Set<string>();
  for (const group of text.split(';')) {
    const [prefix, gaps] = group.split(':');
    if (!prefix || !gaps) continue;
    let crmid = 0;
    for (const gap of gaps.split(',')) {
      crmid += parseInt(gap, 36);
      ids.add(`${prefix}x${crmid}`);
    }
  }
  return ids;
}
