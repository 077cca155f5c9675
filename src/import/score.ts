/**
 * How exactly an import reads a document whose cells are known: the measure of the importer on the corpus of
 * real-world layouts (`import-score`, and the corpus test).
 */
import { formatById } from '../format/registry';
import { cellValue, type Draft } from '../model/draft';

/** A corpus document's expected reading: its format and every cell of it, blank ones as "". */
export interface ExpectedImport {
  /** Where the document comes from: a published report's address, or how it was made from which draft. */
  source: string;
  /** The format the document is in; absent for a fragment too short to tell (its cells are compared alone). */
  formatId?: string;
  cells: Record<string, string>;
}

export interface ImportScore {
  formatRight: boolean;
  /** Cells read as expected, of the expected cells. */
  right: number;
  total: number;
  wrong: { cell: string; expected: string; found: string }[];
}

/** The draft's cells as one flat map, `table/row/column` to value, in the format's order. */
export function flatCells(draft: Draft): Record<string, string> {
  const format = formatById(draft.formatId)!;
  const out: Record<string, string> = {};
  for (const cell of format.cells) out[cell] = cellValue(draft, cell);
  return out;
}

export function scoreImport(expected: ExpectedImport, draft: Draft): ImportScore {
  const formatRight = expected.formatId === undefined || draft.formatId === expected.formatId;
  const found = formatRight ? flatCells(draft) : {};
  const wrong: ImportScore['wrong'] = [];
  for (const [cell, value] of Object.entries(expected.cells)) {
    const got = found[cell] ?? '';
    if (got !== value) wrong.push({ cell, expected: value, found: got });
  }
  const total = Object.keys(expected.cells).length;
  return { formatRight, right: total - wrong.length, total, wrong };
}

export function isExact(score: ImportScore): boolean {
  return score.formatRight && score.wrong.length === 0;
}
