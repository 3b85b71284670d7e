// The change feed: what a client reads from the change log — a page of changes after a cursor
// (polling), or a stream that replays the changes after a cursor and then follows new ones live.
//
// The seam between replay and live: a stream reads the log itself, in chunks, until a read comes
// back empty, and in that same synchronous step starts taking the log's live notifications
// (appends store, push and notify in one step too). So no change falls between the two, and none
// is seen twice; a live change at or before the last one delivered is dropped all the same, as a
// guard. Replaying from the log rather than from a buffer filled meanwhile keeps a long replay
// from holding the week's changes in memory twice.
//
// A subscriber that does not keep up gets at most `maxBuffered` live changes queued; one more
// and the stream ends and `onOverflow` is told the last cursor it delivered, so the transport can
// close the connection with a reason the client can resume from.
import { GatewayError } from '../errors/gateway-error.js';
import type { EntityType, System } from '../model/system.js';
import type { ChangeEntry, ChangeLog } from './change-log.js';

export interface ChangeFilter {
  /** Only changes to these entities (null: all). */
  entities: readonly EntityType[] | null;
  /** Only changes that came from these CRMs (null: all, the gateway's own writes included). */
  systems: readonly System[] | null;
}

export interface ChangePage {
  entries: ChangeEntry[];
  hasNextPage: boolean;
  /** Matching changes after `after`, this page's included. */
  totalCount: number;
}

export interface ChangeStreamOptions extends ChangeFilter {
  /** Replay the changes after this cursor first; null: live changes only. */
  after: string | null;
  /** Called once when the subscriber fell `maxBuffered` changes behind; the stream has ended. */
  onOverflow: (lastDeliveredCursor: string | null) => void;
}

export const DEFAULT_MAX_BUFFERED = 1_000;
const REPLAY_CHUNK = 200;
export const MAX_PAGE_SIZE = 500;

function matcher(filter: ChangeFilter): (entry: ChangeEntry) => boolean {
  const entities = filter.entities ? new Set(filter.entities) : null;
  const systems = filter.systems ? new Set(filter.systems) : null;
  return (entry) => (entities === null || entities.has(entry.entity)) && (systems === null || (entry.origin !== null && systems.has(entry.origin)));
}

export class ChangeFeed {
  constructor(
    private readonly log: ChangeLog,
    readonly maxBuffered: number = DEFAULT_MAX_BUFFERED,
  ) {
    if (!Number.isInteger(maxBuffered) || maxBuffered < 1) {
      throw new GatewayError('CONFIG', `maxBuffered must be a positive integer, but got: ${String(maxBuffered)}`);
    }
  }

  /** Up to `first` matching changes after `after`, oldest first. */
  page(after: string | null, first: number, filter: ChangeFilter): ChangePage {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw GatewayError.badInput('first', `Argument "first" must be an integer from 0 to ${MAX_PAGE_SIZE}, but got: ${first}`);
    }
    const matches = matcher(filter);
    const all = this.log.after(after, this.log.size).filter(matches);
    return { entries: all.slice(0, first), hasNextPage: all.length > first, totalCount: all.length };
  }

  /**
   * The stream of matching changes: those after `after` first (when given), then live ones.
   * Throws BAD_USER_INPUT naming `after` at once when the cursor is malformed or past the retention.
   */
  stream(options: ChangeStreamOptions): AsyncIterableIterator<ChangeEntry> {
    // Checked before anything starts, so the subscription fails with the argument named.
    this.log.after(options.after, 0);
    return new ChangeStream(this.log, options, this.maxBuffered);
  }
}

class ChangeStream implements AsyncIterableIterator<ChangeEntry> {
  private readonly matches: (entry: ChangeEntry) => boolean;
  /** Cursor of the last change read from the log (replay) or handed out; live changes must follow it. */
  private position: string | null;
  private replaying: boolean;
  /** Cursor of the last change handed to the subscriber: where it can resume from. */
  private delivered: string | null;
  private readonly queued: ChangeEntry[] = [];
  private waiting: ((result: IteratorResult<ChangeEntry>) => void) | null = null;
  private ended = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly log: ChangeLog,
    private readonly options: ChangeStreamOptions,
    private readonly maxBuffered: number,
  ) {
    this.matches = matcher(options);
    this.replaying = options.after !== null;
    this.position = options.after ?? log.lastCursor;
    this.delivered = this.position;
    this.unsubscribe = log.subscribe((entry) => this.onLive(entry));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeEntry> {
    return this;
  }

  async next(): Promise<IteratorResult<ChangeEntry>> {
    try {
      while (this.replaying && !this.ended && this.queued.length === 0) this.replayChunk();
    } catch (err) {
      // A failed next() ends the iteration without return(): stop following the log here.
      this.end();
      throw err;
    }
    const entry = this.queued.shift();
    if (entry) {
      this.delivered = entry.cursor;
      return { value: entry, done: false };
    }
    if (this.ended) return { value: undefined, done: true };
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async return(): Promise<IteratorResult<ChangeEntry>> {
    this.end();
    return { value: undefined, done: true };
  }

  /** Reads the next chunk of the log after the replay position; an empty read switches to live. */
  private replayChunk(): void {
    const chunk = this.log.after(this.position, REPLAY_CHUNK);
    if (chunk.length === 0) {
      this.replaying = false;
      return;
    }
    this.position = chunk.at(-1)!.cursor;
    this.queued.push(...chunk.filter(this.matches));
  }

  private onLive(entry: ChangeEntry): void {
    // While replaying, the log itself holds this change: the replay reads it in its turn.
    if (this.replaying || this.ended) return;
    if (this.position !== null && entry.cursor <= this.position) return;
    this.position = entry.cursor;
    if (!this.matches(entry)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.delivered = entry.cursor;
      resolve({ value: entry, done: false });
      return;
    }
    if (this.queued.length >= this.maxBuffered) {
      this.end();
      this.options.onOverflow(this.delivered);
      return;
    }
    this.queued.push(entry);
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe();
    this.queued.length = 0;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }
}
