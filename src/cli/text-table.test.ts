import { describe, expect, it } from 'vitest';
import { renderTable, shortenMiddle } from './text-table.js';

describe('renderTable', () => {
  it('pads each column to its widest cell, right-aligns numbers and leaves no trailing spaces', () => {
    const text = renderTable(
      [{ header: 'System' }, { header: 'Pulled', align: 'right' }, { header: 'Error' }],
      [
        ['CIVICRM', '1200', ''],
        ['VTIGER', '7', 'UPSTREAM_AUTH: refused'],
      ],
    );
    expect(text).toBe(
      ['System   Pulled  Error', '-------  ------  ----------------------', 'CIVICRM    1200', 'VTIGER        7  UPSTREAM_AUTH: refused', ''].join('\n'),
    );
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => renderTable([{ header: 'A' }], [['1', '2']])).toThrow('table row 0 must have 1 cells, but got: 2');
  });
});

describe('shortenMiddle', () => {
  it('keeps a short text whole', () => {
    expect(shortenMiddle('2026-11-22 10:00:00', 24)).toBe('2026-11-22 10:00:00');
  });

  it('keeps the start and end of a long one, within the width', () => {
    const cursor = 'https://actionnetwork.org/api/v2/people?page=17&filter=x';
    const short = shortenMiddle(cursor, 24);
    expect(short).toHaveLength(24);
    expect(short).toBe('https://acti…17&filter=x');
  });
});
