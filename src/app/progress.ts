/** How far each part of the report is: untouched, in progress or complete. */
import { topicsFor, type SectionId } from '../format/definition';
import type { Format } from '../format/format';
import type { Draft } from '../model/draft';

export type PartId = SectionId | 'meta';
export type PartStatus = 'untouched' | 'inProgress' | 'complete';

export interface PartProgress {
  filled: number;
  total: number;
  status: PartStatus;
}

function status(filled: number, total: number): PartStatus {
  return filled === 0 ? 'untouched' : filled >= total ? 'complete' : 'inProgress';
}

/**
 * The cells of a table that count towards its part's progress, as [row, column]: all of them, or all but the
 * computed totals. Worked out once per table: the part being typed into is counted again on every keystroke.
 */
const counted = new WeakMap<Format, Map<string, readonly (readonly [string, string])[]>>();

function countedCells(format: Format, tableId: string, totalsComputed: boolean): readonly (readonly [string, string])[] {
  let byTable = counted.get(format);
  if (!byTable) counted.set(format, (byTable = new Map()));
  const key = `${tableId}/${totalsComputed}`;
  let cells = byTable.get(key);
  if (!cells) {
    const table = format.table(tableId);
    cells = table.rows.flatMap((row) =>
      table.columns
        .filter((column) => !(totalsComputed && format.isTotal(`${tableId}/${row.key}/${column.key}`)))
        .map((column) => [row.key, column.key] as const),
    );
    byTable.set(key, cells);
  }
  return cells;
}

function partProgress(format: Format, draft: Draft, part: PartId): PartProgress {
  let filled = 0;
  let total = 0;
  const count = (value: string) => {
    total++;
    if (value.trim() !== '') filled++;
  };
  if (part === 'meta') {
    count(draft.agency.name);
    count(draft.publicationDate);
  } else {
    const def = format.sections.find((s) => s.id === part)!;
    const topics = topicsFor(def, draft.agency.kind);
    if (topics.length > 0) for (const t of topics) count(draft.sections[part].topics?.[t.id] ?? '');
    else if (!def.tables) count(draft.sections[part].text);
    for (const tableId of def.tables ?? []) {
      const rows = draft.cells[tableId];
      for (const [row, column] of countedCells(format, tableId, draft.totals === 'computed')) count(rows?.[row]?.[column] ?? '');
    }
  }
  return { filled, total, status: status(filled, total) };
}

/**
 * What a part's progress is worked out from: its own values (a section's texts, its tables' rows) and what
 * decides which of them count. A draft change makes new objects only along the path it changed, so a part
 * whose inputs are the same objects as before has the same progress.
 */
function progressInputs(format: Format, draft: Draft, part: PartId): readonly unknown[] {
  if (part === 'meta') return [draft.agency.name, draft.publicationDate];
  const def = format.sections.find((s) => s.id === part)!;
  return [format, draft.sections[part], draft.agency.kind, draft.totals, ...(def.tables ?? []).map((t) => draft.cells[t])];
}

/** partProgress, remembered per part: a keystroke in one table counts that part again, not the report. */
export function progressMemo(): (format: Format, draft: Draft, part: PartId) => PartProgress {
  const memo = new Map<PartId, { inputs: readonly unknown[]; progress: PartProgress }>();
  return (format, draft, part) => {
    const inputs = progressInputs(format, draft, part);
    const known = memo.get(part);
    if (known && known.inputs.length === inputs.length && known.inputs.every((x, i) => x === inputs[i])) return known.progress;
    const progress = partProgress(format, draft, part);
    memo.set(part, { inputs, progress });
    return progress;
  };
}
