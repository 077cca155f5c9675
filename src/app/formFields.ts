/**
 * The form's field names. react-hook-form reads dots as nesting, and row keys such as `B3.1` contain a dot,
 * so table cells are named with the dot of the row key replaced: `cells.requests.B3_1.NP`.
 */
import { splitCellId, type CellId } from '../format/format';
import type { Draft } from '../model/draft';

export function cellField(cell: CellId): string {
  const { table, row, column } = splitCellId(cell);
  return `cells.${table}.${row.replace(/\./g, '_')}.${column}`;
}

/** The DOM id of a cell's input, used by links from findings. */
export function cellInputId(cell: CellId): string {
  return `cell-${cell.replace(/[/.]/g, '-')}`;
}

/** The DOM id of a field (`publicationDate`, `sections.other.text`). */
export function fieldInputId(ref: string): string {
  return `field-${ref.replace(/\./g, '-')}`;
}

export type FormValues = Omit<Draft, 'cells'> & { cells: Record<string, Record<string, Record<string, string>>> };

export function toFormValues(draft: Draft): FormValues {
  const cells: FormValues['cells'] = {};
  for (const [table, rows] of Object.entries(draft.cells)) {
    cells[table] = {};
    for (const [row, cols] of Object.entries(rows)) cells[table][row.replace(/\./g, '_')] = { ...cols };
  }
  return { ...structuredClone(draft), cells };
}
