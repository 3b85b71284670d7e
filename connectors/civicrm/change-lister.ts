// Lists contacts and contributions changed since a cursor, in pages, oldest change first.
//
// Within one run the listing is a keyset walk over (modified_date, id), so rows sharing a second
// across a page boundary are neither skipped nor repeated. The cursor handed out with each page is
// that page's last modified_date: CiviCRM's dates have whole seconds, so a later run restarts
// with `>=` that second and may re-read a few rows (callers de-duplicate) but never misses one
// written later in the same second.
import type { ChangePage } from '../connector.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { CiviCrmClient } from './client.js';
import type { CiviBundle, CiviCrmMapper } from './mapper.js';
import { CONTACT, CONTACT_TYPE, CONTRIBUTION, parseRows, type RowQuery } from './queries.js';
import type { ContactEntity, CiviCrmReader } from './reader.js';

type Column = 'modified_date' | 'receive_date';
interface Position {
  value: string | null;
  id: number;
}

/** Cursors are "<column>|<naive site-local time>", so a cursor from the other column is never misread. */
function encodeCursor(column: Column, value: string | null): string {
  return `${column}|${value ?? ''}`;
}
function decodeCursor(cursor: string | null, column: Column): string | null {
  if (cursor === null) return null;
  const [name, value] = cursor.split('|', 2);
  return name === column && value ? value : null;
}

/** Rows after `at` in (column, id) order; NULL sorts first, as in MySQL. */
function after(column: Column, at: Position): unknown[] {
  const sameValue = at.value === null ? [column, 'IS NULL'] : [column, '=', at.value];
  const later = at.value === null ? [column, 'IS NOT NULL'] : [column, '>', at.value];
  return ['OR', [later, ['AND', [sameValue, ['id', '>', at.id]]]]];
}

export class CiviCrmChangeLister {
  /** Contribution.modified_date exists only from CiviCRM 6.9; found out on the first listing. */
  private contributionColumn: Column | undefined;

  constructor(
    private readonly client: CiviCrmClient,
    private readonly reader: CiviCrmReader,
    private readonly mapper: CiviCrmMapper,
    private readonly pageSize: number,
  ) {}

  async *contacts<E extends ContactEntity>(entity: E, cursor: string | null): AsyncGenerator<ChangePage<E>> {
    // Naming is_deleted is what makes CiviCRM include trashed contacts; they are the deletions.
    const base = [['contact_type', '=', CONTACT_TYPE[entity]], ['is_deleted', 'IN', [true, false]]];
    for await (const rows of this.pages(CONTACT, 'modified_date', base, cursor)) {
      const contacts = parseRows(CONTACT, rows);
      const bundles = await this.reader.withChildren(entity, contacts.filter((c) => !c.is_deleted));
      yield {
        records: [...bundles.values()].map((bundle) => this.mapper.toRecord(entity, bundle as CiviBundle<E>)),
        deletedIds: contacts.filter((c) => c.is_deleted).map((c) => String(c.id)),
        cursor: encodeCursor('modified_date', contacts.at(-1)?.modified_date ?? null),
      };
    }
  }

  /**
   * Before CiviCRM 6.9 a contribution has no modified_date; the listing then walks receive_date,
   * which finds new contributions but not edits to old ones, and cannot see deletions (they are
   * hard deletes), so deletedIds stays empty.
   */
  async *contributions(cursor: string | null): AsyncGenerator<ChangePage<'DONATION'>> {
    const column = await this.contributionListingColumn();
    for await (const rows of this.pages(CONTRIBUTION, column, [], cursor)) {
      const contributions = parseRows(CONTRIBUTION, rows);
      const bundles = await this.reader.withLineItems(contributions);
      yield {
        records: [...bundles.values()].map((bundle) => this.mapper.toRecord('DONATION', bundle)),
        deletedIds: [],
        cursor: encodeCursor(column, contributions.at(-1)?.[column] ?? null),
      };
    }
  }

  private async *pages(q: RowQuery, column: Column, base: unknown[], cursor: string | null): AsyncGenerator<Record<string, unknown>[]> {
    const since = decodeCursor(cursor, column);
    let position: Position | null = null;
    for (;;) {
      const where = [...base, ...(position ? [after(column, position)] : since !== null ? [[column, '>=', since]] : [])];
      // Contact.get / Contribution.get with where, orderBy and limit (reference §1 "Params").
      const rows = await this.client.get(q.entity, {
        select: [...q.select],
        where,
        orderBy: { [column]: 'ASC', id: 'ASC' },
        limit: this.pageSize,
      });
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < this.pageSize) return;
      const last = rows[rows.length - 1] ?? {};
      position = { value: (last[column] as string | null | undefined) ?? null, id: Number(last['id']) };
    }
  }

  private async contributionListingColumn(): Promise<Column> {
    if (this.contributionColumn) return this.contributionColumn;
    try {
      await this.client.get(CONTRIBUTION.entity, { select: ['id'], where: [['modified_date', 'IS NOT NULL']], limit: 1 });
      this.contributionColumn = 'modified_date';
    } catch (error) {
      if (!(error instanceof GatewayError && /Invalid field 'modified_date'/.test(error.message))) throw error;
      this.contributionColumn = 'receive_date';
    }
    return this.contributionColumn;
  }
}
