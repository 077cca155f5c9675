/** Printed labels of tables and cells, as a clerk reads them on the form. */
import { rowPath, splitCellId, type CellId, type Format, type Table } from './format';

/** The caption of a section 二 table (第二十条第（一）项), or the heading of the section holding the table. */
export function tableTitle(format: Format, table: Table): string {
  return table.caption ?? format.sections.find((s) => s.id === table.section)?.heading ?? table.id;
}

/** The row's printed path, `三、本年度办理结果/（三）不予公开/1.属于国家秘密`. */
export function rowLabel(table: Table, rowKey: string): string {
  const row = table.rowIndex.get(rowKey);
  return row ? rowPath(row).join('/') : rowKey;
}

/** The column's printed label with the header groups that distinguish it (行政诉讼/复议后起诉/总计). */
export function columnLabel(table: Table, columnKey: string): string {
  const column = table.columnIndex.get(columnKey);
  if (!column) return columnKey;
  // 申请人情况 and 法人或其他组织 are shared by every column of section 三 and add nothing to a message.
  const distinguishing = (column.group ?? []).filter((g) => g !== '申请人情况' && g !== '法人或其他组织');
  return [...distinguishing, column.label].join('/');
}

/** A cell as named in messages: 「row」「column」, prefixed with the table caption where the row alone is ambiguous. */
export function cellLabel(format: Format, cell: CellId): string {
  const { table: tableId, row, column } = splitCellId(cell);
  const table = format.table(tableId);
  const parts: string[] = [];
  if (table.caption) parts.push(table.caption);
  const r = rowLabel(table, row);
  if (r) parts.push(`「${r}」`);
  parts.push(`「${columnLabel(table, column)}」`);
  return parts.join('');
}
