/** Every table cell of a draft as printed (section, table, row and column labels, value): the long table. */
import { columnLabel, rowLabel, tableTitle } from '../format/labels';
import { cellId, type Format } from '../format/format';
import { cellValue, type Draft } from './draft';

export interface CellRow {
  section: string;
  table: string;
  row: string;
  column: string;
  value: string;
}

export function cellRows(format: Format, draft: Draft): CellRow[] {
  const rows: CellRow[] = [];
  for (const table of format.tables) {
    const section = format.sections.find((s) => s.id === table.section)!.heading;
    for (const row of table.rows) {
      for (const column of table.columns) {
        rows.push({
          section,
          table: tableTitle(format, table),
          row: rowLabel(table, row.key),
          column: columnLabel(table, column.key),
          value: cellValue(draft, cellId(table.id, row.key, column.key)),
        });
      }
    }
  }
  return rows;
}

/** A CSV field, quoted where it holds a quote, a comma or a line break. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV as Excel and WPS open it with the Chinese intact: UTF-8 with a byte-order mark, CRLF lines. */
export function csvText(rows: string[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n');
}
