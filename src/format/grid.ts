/**
 * The printed layout of a table as a grid of cells with row and column spans: the header exactly as the format
 * defines it, then the body, whose label cells are merged along the row groups (三、本年度办理结果 spans its
 * 20 or 22 rows, （三）不予公开 its 8). The form and every renderer draw tables from this one layout.
 */
import { cellId, type CellId, type Table } from './format';

export type LayoutCell =
  | { type: 'header'; text: string; rowSpan: number; colSpan: number }
  | { type: 'label'; text: string; rowSpan: number; colSpan: number; rowKey: string }
  | { type: 'value'; cell: CellId; rowKey: string; columnKey: string; rowSpan: 1; colSpan: 1 };

export interface TableLayout {
  width: number;
  header: LayoutCell[][];
  body: LayoutCell[][];
}

const layouts = new WeakMap<Table, TableLayout>();

export function tableLayout(table: Table): TableLayout {
  const cached = layouts.get(table);
  if (cached) return cached;
  const width = table.labelColumns + table.columns.length;
  const header: LayoutCell[][] = table.header.map((row) =>
    row.map((h) => ({ type: 'header', text: h.text, rowSpan: h.rowSpan ?? 1, colSpan: h.colSpan ?? 1 })),
  );
  const body: LayoutCell[][] = table.rows.map((row, i) => {
    const cells: LayoutCell[] = [];
    const groups = row.group ?? [];
    if (table.labelColumns > 0) {
      groups.forEach((g, level) => {
        const prefix = groups.slice(0, level + 1).join('\u0000');
        const samePrefix = (j: number) => (table.rows[j]?.group ?? []).slice(0, level + 1).join('\u0000') === prefix;
        if (i > 0 && samePrefix(i - 1)) return; // merged into the cell of the run's first row
        let run = 1;
        while (i + run < table.rows.length && samePrefix(i + run)) run++;
        cells.push({ type: 'label', text: g, rowSpan: run, colSpan: 1, rowKey: row.key });
      });
      cells.push({ type: 'label', text: row.label, rowSpan: 1, colSpan: table.labelColumns - groups.length, rowKey: row.key });
    }
    for (const c of table.columns) {
      cells.push({ type: 'value', cell: cellId(table.id, row.key, c.key), rowKey: row.key, columnKey: c.key, rowSpan: 1, colSpan: 1 });
    }
    return cells;
  });
  const layout = { width, header, body };
  layouts.set(table, layout);
  return layout;
}
