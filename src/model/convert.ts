/**
 * Moving a draft to another format when the clerk overrides the format or the year calls for another one. The
 * target format's mapping decides what carries over (see migrate.ts); what has no place is counted so the
 * clerk can be told before anything is dropped.
 */
import type { Format } from '../format/format';
import type { Draft } from './draft';
import { migrateDraft, type MigrationReport } from './migrate';

export interface Conversion {
  draft: Draft;
  /** Filled cells of the old draft that have no place in the new format. */
  dropped: number;
  report: MigrationReport;
}

export function convertDraft(draft: Draft, from: Format, to: Format): Conversion {
  const { draft: next, report } = migrateDraft(draft, from, to);
  return { draft: { ...next, acknowledged: draft.acknowledged }, dropped: report.noCounterpart.length, report };
}

/** Whether any table cell of the draft holds a value. */
export function hasTableValues(draft: Draft): boolean {
  return Object.values(draft.cells).some((rows) => Object.values(rows).some((cols) => Object.values(cols).some((v) => v !== '')));
}
