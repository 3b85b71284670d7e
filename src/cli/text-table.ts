// A plain-text table for the terminal: a header, a rule, and columns padded to their widest cell.

export interface TableColumn {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** One line per row, each row one cell per column; the last column is not padded, so no line ends in spaces. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) throw new RangeError(`table row ${i} must have ${columns.length} cells, but got: ${row.length}`);
  }
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Long opaque values (cursors) keep their start and end, which tell them apart. */
export function shortenMiddle(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const keep = maxLength - 1;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
