// The resumable position of an Action Network change walk, opaque to the core.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import { recordContentHash } from '../../src/store/record-cache.js';
import { utcToAnTime } from './fields.js';

/**
 * Action Network's filtered results lag writes by a second or two, so each walk reaches back this far
 * before the previous walk began. What the previous walk already yielded from that overlap, unchanged
 * since, is not yielded again: the cursor remembers it.
 */
const OVERLAP_SECONDS = 10;

/** Past this many remembered records a walk stops remembering: the rest may be yielded twice, which the contract allows. */
const MAX_REMEMBERED = 10_000;

const stamps = z.record(z.string(), z.string());

/**
 * The people collection is not ordered by modified_date, so a position inside a walk cannot be a
 * timestamp: mid-walk the cursor holds the `next` href to resume at; once a walk ends it holds the
 * walk's start — by the server's clock (its Date header), so a skewed gateway clock loses nothing —
 * minus the overlap, as the `modified_date gt` bound of the next walk.
 */
const cursorSchema = z.object({
  since: z.string().nullable(),
  next: z.string().nullable(),
  /** Server time of the walk's first page; null until it has been read. */
  startedAt: z.string().nullable(),
  /** id → version (modified_date and content) yielded by the previous walk inside this walk's overlap. */
  skip: stamps,
  /** id → version read by this walk that falls inside the next walk's overlap. */
  seen: stamps,
});
type CursorState = z.output<typeof cursorSchema>;

type Stamped = Pick<RemoteRecord, 'system' | 'entity' | 'remoteId' | 'modifiedAt' | 'data'>;

/**
 * modified_date has whole seconds: a record changed twice within one second (a sync write, then a
 * person's edit) keeps its stamp, so the version also names the content.
 */
function versionOf(record: Stamped, stamp: string): string {
  return `${stamp}#${recordContentHash(record as RemoteRecord).slice(0, 16)}`;
}

export class ChangeWalk {
  private constructor(private readonly state: CursorState) {}

  /** A walk from `cursor` (null: from the beginning); a cursor this connector did not hand out is refused. */
  static resume(cursor: string | null): ChangeWalk {
    if (cursor === null) return new ChangeWalk({ since: null, next: null, startedAt: null, skip: {}, seen: {} });
    let parsed: ReturnType<typeof cursorSchema.safeParse>;
    try {
      parsed = cursorSchema.safeParse(JSON.parse(cursor));
    } catch {
      parsed = cursorSchema.safeParse(undefined);
    }
    if (!parsed.success) {
      throw new GatewayError('BAD_USER_INPUT', `ACTION_NETWORK change cursor must be one this connector handed out, but got: ${cursor.slice(0, 80)}`, {
        system: 'ACTION_NETWORK',
        argument: 'cursor',
      });
    }
    return new ChangeWalk(parsed.data);
  }

  /** Where to resume inside the walk, or null to start at the first page. */
  get resumeFrom(): string | null {
    return this.state.next;
  }

  /** The OData filter, with exactly the documented quoting: `modified_date gt '…'`. */
  get filter(): string | null {
    return this.state.since === null ? null : `modified_date gt '${this.state.since}'`;
  }

  /**
   * Takes one page as read (in order) and returns the records to yield: all but those the previous
   * walk already yielded unchanged (same modified_date and same content). The first page's server time fixes when the walk began.
   */
  accept<R extends Stamped>(records: readonly R[], servedAt: Date | null): R[] {
    this.state.startedAt ??= utcToAnTime(servedAt ? DateTime.fromJSDate(servedAt, { zone: 'utc' }) : DateTime.utc());
    const nextSince = this.nextSince();
    const fresh: R[] = [];
    for (const record of records) {
      const stamp = record.modifiedAt ? utcToAnTime(record.modifiedAt) : null;
      const version = stamp === null ? null : versionOf(record, stamp);
      if (stamp !== null && stamp > nextSince && Object.keys(this.state.seen).length < MAX_REMEMBERED) this.state.seen[record.remoteId] = version!;
      if (version === null || this.state.skip[record.remoteId] !== version) fresh.push(record);
    }
    return fresh;
  }

  /** The cursor after the page just yielded: mid-walk, where to resume; at the end, the next walk's bound. */
  cursorAfter(next: string | null): string {
    if (next !== null) return JSON.stringify({ ...this.state, next });
    // A walk that read nothing learned no server time and saw no change: the old bound still holds.
    if (this.state.startedAt === null) return JSON.stringify({ ...this.state, next: null, seen: {} });
    const since = this.nextSince();
    const skip = Object.fromEntries(Object.entries(this.state.seen).filter(([, version]) => version.split('#')[0]! > since));
    return JSON.stringify({ since, next: null, startedAt: null, skip, seen: {} } satisfies CursorState);
  }

  private nextSince(): string {
    return utcToAnTime(DateTime.fromISO(this.state.startedAt ?? '', { zone: 'utc' }).minus({ seconds: OVERLAP_SECONDS }));
  }
}
