/** How far each part of the report is: untouched, in progress or complete. */
import type { SectionId } from '../format/definition';
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

export function partProgress(format: Format, draft: Draft, part: PartId): PartProgress {
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
    const topics = (def.topics ?? []).filter((t) => !t.agencyKinds || t.agencyKinds.includes(draft.agency.kind));
    if (topics.length > 0) for (const t of topics) count(draft.sections[part].topics?.[t.id] ?? '');
    else if (!def.tables) count(draft.sections[part].text);
    for (const tableId of def.tables ?? []) {
      const table = format.table(tableId);
      for (const row of table.rows) {
        for (const column of table.columns) {
          const cell = `${tableId}/${row.key}/${column.key}`;
          if (draft.totals === 'computed' && format.isTotal(cell)) continue;
          count(draft.cells[tableId]?.[row.key]?.[column.key] ?? '');
        }
      }
    }
  }
  return { filled, total, status: status(filled, total) };
}
