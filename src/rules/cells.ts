/** Checks of single cells (can the value be read, as the cell kind asks?) and of blank cells per table. */
import { splitCellId, type CellId } from '../format/format';
import { cellLabel, tableTitle } from '../format/labels';
import { cellValue } from '../model/draft';
import { acceptsKey, parseCellInput } from '../model/number';
import type { CheckContext, Unit } from './unit';

type Result = ReturnType<Unit['run']>;

export function cellFindings(ctx: CheckContext, cell: CellId): Result {
  const { format, draft } = ctx;
  const stored = cellValue(draft, cell);
  if (stored === '') return [];
  const kind = format.kindOf(cell);
  const parsed = parseCellInput(stored, kind);
  const section = format.table(splitCellId(cell).table).section;
  if (!parsed.ok) {
    return [
      {
        rule: 'cell.invalid',
        key: `cell.invalid@${cell}`,
        severity: 'error',
        section,
        cells: [cell],
        expected: null,
        actual: stored,
        difference: null,
        message: {
          key: 'rule.cellInvalid',
          params: { cell: cellLabel(format, cell), value: stored, problemKey: `invalid.${parsed.problem}`, acceptsKey: acceptsKey(kind) },
        },
      },
    ];
  }
  if (kind.type === 'amount' && kind.exactDecimals !== undefined) {
    const decimals = (stored.split('.')[1] ?? '').length;
    if (decimals !== kind.exactDecimals) {
      return [
        {
          rule: 'cell.decimals',
          key: `cell.decimals@${cell}`,
          severity: 'warning',
          section,
          cells: [cell],
          expected: parsed.value,
          actual: stored,
          difference: null,
          message: {
            key: 'rule.cellDecimals',
            params: { cell: cellLabel(format, cell), value: stored, decimals: kind.exactDecimals, suggested: parsed.value },
          },
        },
      ];
    }
  }
  return [];
}

/** Blank cells of one table: the relations that read them cannot be judged, so this says which ones they are. */
export function blankFindings(ctx: CheckContext, tableId: string): Result {
  const { format, draft } = ctx;
  const table = format.table(tableId);
  const blank: CellId[] = [];
  const values = draft.cells[tableId];
  for (const row of table.rows) {
    const rowValues = values?.[row.key];
    for (const column of table.columns) {
      if ((rowValues?.[column.key] ?? '') !== '') continue;
      const cell = `${tableId}/${row.key}/${column.key}`;
      if (draft.totals === 'computed' && format.isTotal(cell)) continue;
      blank.push(cell);
    }
  }
  if (blank.length === 0) return [];
  const shown = blank.slice(0, 5).map((c) => cellLabel(format, c).replace(table.caption ?? '', ''));
  return [
    {
      rule: 'cells.blank',
      key: `cells.blank@${tableId}`,
      severity: 'hint',
      section: table.section,
      cells: blank,
      expected: null,
      actual: null,
      difference: null,
      message: {
        key: blank.length > shown.length ? 'rule.cellsBlankMore' : 'rule.cellsBlank',
        params: { table: tableTitle(format, table), count: blank.length, list: shown.join('、'), more: blank.length - shown.length },
      },
    },
  ];
}
