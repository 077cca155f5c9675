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

/** The parts of a column's name: its printed label, with the header groups above it where the label repeats. */
function columnNameParts(table: Table, columnKey: string): string[] {
  const column = table.columnIndex.get(columnKey);
  if (!column) return [columnKey];
  // 商业企业 needs no 申请人情况 above it, but section 四 prints 结果维持 three times.
  const repeats = table.columns.filter((c) => c.label === column.label).length > 1;
  return repeats ? [...(column.group ?? []), column.label] : [column.label];
}

/** The column's printed label, with its header groups where the label alone repeats (行政诉讼/复议后起诉/总计). */
export function columnLabel(table: Table, columnKey: string): string {
  return columnNameParts(table, columnKey).join('/');
}

/**
 * The accessible name of an input cell: row label then column label, as printed, the row without its
 * outermost group (`（三）不予公开 1.属于国家秘密 商业企业`, `一、本年新收政府信息公开申请数量 自然人`).
 */
export function cellAccessibleName(table: Table, rowKey: string, columnKey: string): string {
  const row = table.rowIndex.get(rowKey);
  const path = row ? rowPath(row) : [rowKey];
  const rowPart = path.length > 1 ? path.slice(1) : path;
  return [...rowPart, ...columnNameParts(table, columnKey)].join(' ');
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
