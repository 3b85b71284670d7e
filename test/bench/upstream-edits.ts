// The sync benchmark's upstream edits: which person changes where (drawn from a seeded generator),
// making each through its CRM's connector as any other client of that CRM would, and following
// each edit until its event is in the change log and all three twins hold the new value.
import type { Connector } from '../../connectors/connector.js';
import type { ChangeEntry } from '../../src/events/change-log.js';
import type { UnifiedPerson } from '../../src/model/entities.js';
import type { System } from '../../src/model/system.js';
import { SeededRandom } from './seeded-random.js';
import { FAMILY_NAMES } from './sync-population.js';
import type { FieldRead } from './simulator-process.js';
import type { EditedField } from './twin-fields.js';

export const EDITED_SYSTEMS: readonly System[] = ['CIVICRM', 'ACTION_NETWORK', 'VTIGER'];
/** The unified field an edited field is reported under in the change log. */
const UNIFIED_FIELD: Record<EditedField, keyof UnifiedPerson> = { familyName: 'familyName', phone: 'phones' };

/** One person's records in the three CRMs and the unified id they are linked to. */
export interface Twins {
  unifiedId: string;
  records: Record<System, string>;
}

export interface UpstreamEdit {
  /** Index into the twins the edit was drawn from. */
  person: number;
  /** The CRM the edit is made in. */
  system: System;
  /** The person's record in each CRM. */
  twins: Record<System, string>;
  unifiedId: string;
  field: EditedField;
  /** The new value as readTwinField reports it (a phone as ten digits). */
  value: string;
  /** performance.now() marks; null until they happen. */
  doneAt: number | null;
  deliveredAt: number | null;
  convergedAt: number | null;
  error: string | null;
}

/** `count` edits of distinct people, spread evenly over the three CRMs, each of one random field. */
export function planEdits(count: number, twins: readonly Twins[], seed: number): UpstreamEdit[] {
  const random = new SeededRandom(seed);
  return random.sample(twins.length, count).map((person, k): UpstreamEdit => {
    const field: EditedField = random.next() < 0.5 ? 'familyName' : 'phone';
    const value = field === 'familyName' ? `${random.pick(FAMILY_NAMES)}-${random.pick(FAMILY_NAMES)}` : `628${300 + Math.floor(k / 10_000)}${String(k % 10_000).padStart(4, '0')}`;
    const twin = twins[person] as Twins;
    return { person, system: EDITED_SYSTEMS[k % EDITED_SYSTEMS.length] as System, twins: twin.records, unifiedId: twin.unifiedId, field, value, doneAt: null, deliveredAt: null, convergedAt: null, error: null };
  });
}

function patchOf(edit: UpstreamEdit): Partial<UnifiedPerson> {
  return edit.field === 'familyName' ? { familyName: edit.value } : { phones: [{ number: `+1${edit.value}`, kind: 'MOBILE', primary: true }] };
}

/**
 * Makes the edits, `perSystem` at a time in each CRM; resolves when every edit has been answered, or
 * once those in flight are when `signal` aborts (the rest are never made).
 */
export async function makeEdits(edits: readonly UpstreamEdit[], connectors: ReadonlyMap<System, Connector>, perSystem: number, signal: AbortSignal): Promise<void> {
  const lanes = EDITED_SYSTEMS.map(async (system) => {
    const connector = connectors.get(system);
    if (!connector) throw new Error(`no ${system} connector to edit through`);
    const queue = edits.filter((e) => e.system === system);
    const worker = async () => {
      for (let edit = queue.shift(); edit && !signal.aborted; edit = queue.shift()) {
        const [outcome] = await connector.update('PERSON', [{ remoteId: edit.twins[system], patch: patchOf(edit) }]);
        edit.doneAt = performance.now();
        if (!outcome?.ok) edit.error = outcome ? `${outcome.error.code}: ${outcome.error.message}` : 'no outcome';
      }
    };
    await Promise.all(Array.from({ length: perSystem }, worker));
  });
  await Promise.all(lanes);
}

/** Follows the edits: their events (a change-log listener) and their values in the three CRMs (polled). */
export class EditTracker {
  private readonly byUnifiedId: Map<string, UpstreamEdit>;
  /** UPDATED events for an edited person from a CRM other than the one edited: echoes of propagated writes. */
  echoes = 0;
  /** Further UPDATED events for an edited person from the CRM edited, after the edit's own. */
  repeats = 0;
  /** Every change appended while tracking, by op. */
  readonly ops = new Map<string, number>();

  constructor(readonly edits: readonly UpstreamEdit[]) {
    this.byUnifiedId = new Map(edits.map((e) => [e.unifiedId, e]));
  }

  readonly onChange = (entry: ChangeEntry): void => {
    this.ops.set(entry.op, (this.ops.get(entry.op) ?? 0) + 1);
    const edit = entry.entity === 'PERSON' && entry.op === 'UPDATED' ? this.byUnifiedId.get(entry.id) : undefined;
    if (!edit || entry.origin === null) return;
    if (entry.origin !== edit.system) this.echoes++;
    else if (edit.deliveredAt !== null) this.repeats++;
    else if (entry.changedFields.includes(UNIFIED_FIELD[edit.field])) edit.deliveredAt = performance.now();
  };

  /** Marks the edits whose new value every twin now holds (read through `read`); returns how many have converged. */
  async checkConvergence(read: (fields: FieldRead[]) => Promise<(string | null)[]>): Promise<number> {
    const open = this.edits.filter((e) => e.convergedAt === null && e.doneAt !== null);
    const values = await read(open.flatMap((edit) => EDITED_SYSTEMS.map((system) => ({ system, remoteId: edit.twins[system], field: edit.field }))));
    const now = performance.now();
    open.forEach((edit, i) => {
      if (values.slice(i * EDITED_SYSTEMS.length, (i + 1) * EDITED_SYSTEMS.length).every((v) => v === edit.value)) edit.convergedAt = now;
    });
    return this.edits.filter((e) => e.convergedAt !== null).length;
  }

  get delivered(): number {
    return this.edits.filter((e) => e.deliveredAt !== null).length;
  }
}
