/**
 * Moving a draft to another format (the clerk overrides the format, or the year calls for another one): what
 * has the same table, row and column key in both formats carries over; the rest is counted so the clerk can
 * be told before anything is dropped.
 */
import type { Format } from '../format/format';
import { blankDraft, type Draft } from './draft';

export interface Conversion {
  draft: Draft;
  /** Filled cells of the old draft that have no place in the new format. */
  dropped: number;
}

export function convertDraft(draft: Draft, from: Format, to: Format): Conversion {
  const next = blankDraft(to, { reportYear: draft.reportYear, agencyName: draft.agency.name, agencyKind: draft.agency.kind, region: draft.agency.region });
  let dropped = 0;
  for (const table of from.tables) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const value = draft.cells[table.id]?.[row.key]?.[column.key] ?? '';
        if (value === '') continue;
        const target = next.cells[table.id]?.[row.key];
        if (target && column.key in target && to.kindOfOrNull(`${table.id}/${row.key}/${column.key}`)) target[column.key] = value;
        else dropped++;
      }
    }
  }
  const topics = next.sections.general.topics ?? {};
  const orphans: string[] = [];
  for (const [id, text] of Object.entries(draft.sections.general.topics ?? {})) {
    if (id in topics) topics[id] = text;
    else if (text !== '') orphans.push(text);
  }
  const generalText = [draft.sections.general.text, ...orphans].filter(Boolean).join('\n');
  return {
    draft: {
      ...next,
      agency: draft.agency,
      publicationDate: draft.publicationDate,
      totals: draft.totals,
      sections: { ...draft.sections, general: { text: generalText, topics } },
      ...(draft.processingFees ? { processingFees: draft.processingFees } : {}),
      acknowledged: draft.acknowledged,
    },
    dropped,
  };
}

/** Whether any table cell of the draft holds a value. */
export function hasTableValues(draft: Draft): boolean {
  return Object.values(draft.cells).some((rows) => Object.values(rows).some((cols) => Object.values(cols).some((v) => v !== '')));
}
