// The resumable position of an Action Network change listing, opaque to the core.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { utcToAnTime } from './fields.js';

/**
 * The people collection is not ordered by modified_date, so a position inside a walk cannot be a
 * timestamp: mid-walk the cursor holds the `next` href to resume at; once a walk ends it holds the
 * walk's start time (minus an overlap) as the `modified_date gt` bound of the next walk.
 */
const cursorSchema = z.object({
  /** Lower bound of the walk in progress (null: everything). */
  since: z.string().nullable(),
  /** Where the walk in progress continues; null once it is complete. */
  next: z.string().nullable(),
  /** When the walk in progress began, in Action Network's timestamp form. */
  startedAt: z.string(),
});
export type ChangeCursor = z.output<typeof cursorSchema>;

/**
 * Records changed while a walk is under way may sit on pages already read, and Action Network's
 * filtered results lag writes by a second or two; the next walk therefore starts this much before
 * the previous one began (osdi-client uses the same 30 s). Callers de-duplicate the overlap.
 */
const OVERLAP_SECONDS = 30;

export function startCursor(now: DateTime): ChangeCursor {
  return { since: null, next: null, startedAt: utcToAnTime(now) };
}

export function decodeCursor(text: string | null, now: DateTime): ChangeCursor {
  if (text === null) return startCursor(now);
  let parsed: ReturnType<typeof cursorSchema.safeParse>;
  try {
    parsed = cursorSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = cursorSchema.safeParse(undefined);
  }
  if (!parsed.success) {
    throw new GatewayError('BAD_USER_INPUT', `ACTION_NETWORK change cursor must be one this connector handed out, but got: ${text.slice(0, 80)}`, {
      system: 'ACTION_NETWORK',
      argument: 'cursor',
    });
  }
  // A cursor from a finished walk starts a new one now; one from a walk in progress keeps its start.
  return parsed.data.next === null ? { ...parsed.data, startedAt: utcToAnTime(now) } : parsed.data;
}

/** The cursor after a page: mid-walk, where to resume; after the last page, the next walk's bound. */
export function cursorAfter(walk: ChangeCursor, next: string | null): string {
  if (next !== null) return JSON.stringify({ ...walk, next });
  const since = utcToAnTime(DateTime.fromISO(walk.startedAt, { zone: 'utc' }).minus({ seconds: OVERLAP_SECONDS }));
  return JSON.stringify({ since, next: null, startedAt: walk.startedAt });
}

/** The OData filter for a walk: exactly the documented quoting, `modified_date gt '…'`. */
export function changeFilter(walk: ChangeCursor): string | null {
  return walk.since === null ? null : `modified_date gt '${walk.since}'`;
}
